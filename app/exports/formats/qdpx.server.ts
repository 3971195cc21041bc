// Format "qdpx": a REFI-QDA project (QDA-XML 1.0, urn:QDA-XML:project:1.0) for NVivo 12+,
// ATLAS.ti, MAXQDA and QualCoder: project.qde plus a flat sources/ folder of UTF-8 text files
// named by GUID. It holds
// - a codebook: the free-text fields of the instrument, the values of the variables the rows are
//   pre-coded by (the SE step of a log note), speakers of transcripts, and the report's coding
//   schemes (SE steps, nodes A–F, the micro/meso/macro needs, the chapter headings);
// - cases (pseudonymised people, respondents or participants) with their attributes as variables;
// - text sources (a job specialist's month of notes, a respondent's open answers, a transcript)
//   with pre-coded selections: each field coded by its field and by its row's codes;
// - the project's own coding, where the data set has it (log notes, transcript turns, open
//   answers): its codebook under one root code, each code's definition as its Description and
//   memos as Notes; every coding as a Coding by its coder (a User named by pseudonym) on the
//   selection of the passage, or of the whole note, turn or answer.
// Offsets are Unicode code points in NFC, LF-only text, end exclusive (like the transcripts
// capability stores them). Element order follows Project-mrt2019.xsd.
import crypto from "node:crypto";
import { createReadStream, createWriteStream, type WriteStream } from "node:fs";
import { once } from "node:events";
import { rm } from "node:fs/promises";
import path from "node:path";
import { codePointLength } from "~/exchanges/transcript-text";
import type { Localized } from "~/i18n/locale";
import { REPORT_SCHEMES, SE_STEP_SCHEME, isSeStepCoding, type SchemeCode } from "../coding-schemes";
import { codingsOf, type ExportMemo, type RowCoding } from "../coding-export";
import type { Row } from "../dictionary";
import { PackageWriter } from "../package.server";
import { valueText, type ExportVariable } from "../schema";
import { SOFTWARE_NAME } from "../software";
import { codableVariables, documentGroups, documentSpan, documentText, rowLabel, type DocumentGroup } from "./documents";
import type { ExportFormat, FormatInput, FormatResult } from "./format";

export const QDE_NAMESPACE = "urn:QDA-XML:project:1.0";

/** XML text: escaped, and without the control characters XML 1.0 cannot hold. */
export function xmlText(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

const guid = () => crypto.randomUUID();

interface CodeNode {
  readonly guid: string;
  readonly key: string;
  readonly label: string;
  readonly description?: string;
  readonly codable: boolean;
  readonly children: CodeNode[];
  colour?: string;
  /** GUIDs of the Notes (memos) on the code. */
  readonly notes: string[];
}

const TEXT: Record<string, Localized> = {
  fields: { nb: "Fritekstfelt", en: "Free-text fields" },
  fieldsDescription: { nb: "Hvert felt i skjemaet; hver tekst er kodet med feltet sitt.", en: "Each field of the form; every text is coded with its field." },
  speakers: { nb: "Talere", en: "Speakers" },
  speakersDescription: { nb: "Talere i transkripsjonene (pseudonymer); hver ytring er kodet med sin taler.", en: "Speakers in the transcripts (pseudonyms); each turn is coded with its speaker." },
  project: { nb: "Prosjektets kodebok", en: "The project's codebook" },
  projectDescription: {
    nb: "Kodene forskerne og jobbspesialistene brukte i Medforsker, med definisjonene; kodingene står på utdragene med koderen (pseudonym) som bruker.",
    en: "The codes the researchers and job specialists used in Medforsker, with their definitions; the codings are on the selections with the coder (pseudonym) as user.",
  },
  wholeNote: { nb: "Hele notatet", en: "Whole note" },
  memo: { nb: "Memo", en: "Memo" },
};

const RGB = /^#[0-9A-Fa-f]{6}$/;

class CodeBook {
  readonly roots: CodeNode[] = [];
  private readonly byKey = new Map<string, CodeNode>();

  add(parent: CodeNode | null, key: string, label: string, codable: boolean, description?: string): CodeNode {
    const existing = this.byKey.get(key);
    if (existing) return existing;
    const node: CodeNode = { guid: guid(), key, label, codable, description, children: [], notes: [] };
    this.byKey.set(key, node);
    (parent ? parent.children : this.roots).push(node);
    return node;
  }

  addScheme(scheme: SchemeCode, locale: "nb" | "en", parent: CodeNode | null = null): void {
    const node = this.add(parent, scheme.key, scheme.label[locale], scheme.codable ?? true, scheme.description?.[locale]);
    for (const child of scheme.children ?? []) this.addScheme(child, locale, node);
  }

  get(key: string): CodeNode | undefined {
    return this.byKey.get(key);
  }

  xml(): string {
    const render = (n: CodeNode): string =>
      `<Code guid="${n.guid}" name="${xmlText(n.label)}" isCodable="${n.codable}"${n.colour && RGB.test(n.colour) ? ` color="${n.colour}"` : ""}>` +
      (n.description ? `<Description>${xmlText(n.description)}</Description>` : "") +
      n.notes.map((g) => `<NoteRef targetGUID="${g}"/>`).join("") +
      n.children.map(render).join("") +
      "</Code>";
    return `<CodeBook><Codes>${this.roots.map(render).join("")}</Codes></CodeBook>`;
  }
}

interface QdeVariable {
  readonly guid: string;
  readonly v: ExportVariable;
  readonly type: "Text" | "Integer";
}

function variableValue(variable: QdeVariable, value: Row[string]): string {
  if (value === null || value === undefined || value === "") return "";
  // Declared missing codes (negative) are left unassigned, as NVivo does for empty cells.
  if (typeof value === "number" && variable.v.missing?.some((m) => Number(m) === value)) return "";
  const inner =
    variable.type === "Integer" && typeof value === "number" && Number.isInteger(value)
      ? `<IntegerValue>${value}</IntegerValue>`
      : `<TextValue>${xmlText(valueText(variable.v, value))}</TextValue>`;
  return `<VariableValue><VariableRef targetGUID="${variable.guid}"/>${inner}</VariableValue>`;
}

/** Code spans of a transcript turn: "K2@0-120 K4@50-80" (code points, relative to the turn text). */
export function parseSpans(value: Row[string]): { code: string; start: number; end: number }[] {
  if (typeof value !== "string") return [];
  return [...value.matchAll(/(\S+)@(\d+)-(\d+)/g)].map((m) => ({ code: m[1], start: Number(m[2]), end: Number(m[3]) }));
}

async function put(out: WriteStream, text: string | Buffer) {
  if (!out.write(text)) await once(out, "drain");
}

export const qdpxFormat: ExportFormat = {
  id: "qdpx",
  groupsRows: true,
  label: { nb: "REFI-QDA-prosjekt (.qdpx)", en: "REFI-QDA project (.qdpx)" },
  description: {
    nb: "Prosjekt for NVivo, ATLAS.ti, MAXQDA og QualCoder: case med egenskaper, tekstkilder, kodebok og forhåndskodede utdrag.",
    en: "Project for NVivo, ATLAS.ti, MAXQDA and QualCoder: cases with attributes, text sources, codebook and pre-coded selections.",
  },
  async write(input: FormatInput): Promise<FormatResult> {
    const { dict } = input;
    const locale = dict.locale;
    const now = new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
    const userGuid = guid();
    const codebook = new CodeBook();
    const codable = codableVariables(dict);
    const layout = dict.qualitative;

    // Codes from the instrument: its free-text fields, and the values rows are coded by.
    if (!layout.turns) {
      const fields = codebook.add(null, "fields", TEXT.fields[locale], false, TEXT.fieldsDescription[locale]);
      for (const v of codable) codebook.add(fields, `field:${v.name}`, v.label, true);
    }
    const codeBy = layout.codeBy.map((n) => dict.variables.find((v) => v.name === n)).filter((v): v is ExportVariable => !!v);
    const stepCoded = new Set(codeBy.filter((v) => isSeStepCoding(v.valueLabels, locale)).map((v) => v.name));
    codebook.addScheme(SE_STEP_SCHEME, locale);
    for (const v of codeBy) {
      if (stepCoded.has(v.name)) continue;
      const parent = codebook.add(null, `var:${v.name}`, v.label, false);
      for (const l of v.valueLabels ?? []) if (!v.missing?.some((m) => m === l.value)) codebook.add(parent, `var:${v.name}:${l.value}`, l.label, true);
    }
    const speakers = layout.turns ? codebook.add(null, "speakers", TEXT.speakers[locale], false, TEXT.speakersDescription[locale]) : null;
    for (const scheme of REPORT_SCHEMES) if (scheme !== SE_STEP_SCHEME) codebook.addScheme(scheme, locale);
    if (dict.coding) {
      const root = codebook.add(null, "project-codebook", TEXT.project[locale], false, TEXT.projectDescription[locale]);
      for (const c of dict.coding.codes) {
        const node = codebook.add(c.parent ? codebook.get(c.parent) ?? root : root, c.key, c.name, true, c.definition || undefined);
        node.colour = c.colour;
      }
    }

    // Coders and memo authors are Users named by their pseudonyms; the pre-coding is Medforsker's.
    const users = new Map<string, string>([["Medforsker", userGuid]]);
    const userOf = (pseudonym: string) => {
      const name = pseudonym || "Medforsker";
      let g = users.get(name);
      if (!g) users.set(name, (g = guid()));
      return g;
    };
    const notes: string[] = [];
    const note = (memo: ExportMemo, name: string): string => {
      const g = guid();
      notes.push(`<Note guid="${g}" name="${xmlText(name)}" creatingUser="${userOf(memo.author)}" creationDateTime="${now}"><PlainTextContent>${xmlText(memo.text)}</PlainTextContent></Note>`);
      return g;
    };

    const codeKeysOf = (row: Row): string[] =>
      codeBy.flatMap((v) => {
        const value = row[v.name];
        if (typeof value !== "number" || value < 0) return [];
        return [stepCoded.has(v.name) ? `step:${value}` : `var:${v.name}:${value}`];
      });

    // Variables: the case's attributes, and the document's own (e.g. the month).
    const caseVar = dict.variables.find((v) => v.name === layout.caseVariable);
    const toVariable = (v: ExportVariable): QdeVariable => ({ guid: guid(), v, type: v.type === "numeric" && !v.valueLabels?.some((l) => Number(l.value) >= 0) ? "Integer" : "Text" });
    const caseVariables = layout.caseAttributes.map((n) => dict.variables.find((v) => v.name === n)).filter((v): v is ExportVariable => !!v).map(toVariable);
    const documentVariables = layout.documentBy.filter((n) => n !== layout.caseVariable).map((n) => dict.variables.find((v) => v.name === n)).filter((v): v is ExportVariable => !!v).map(toVariable);

    const file = path.join(input.dir, `${input.baseName}.qdpx`);
    const sourcesXml = path.join(input.dir, `${input.baseName}.sources.xml.part`);
    const qdePath = path.join(input.dir, `${input.baseName}.project.qde.part`);
    const zip = await PackageWriter.create(file);
    const fragments = createWriteStream(sourcesXml);
    const cases = new Map<string, { guid: string; values: string; sources: string[] }>();
    let sourceCount = 0;
    try {
      const selection = (start: number, end: number, name: string, keys: readonly string[]) => {
        const codings = keys
          .map((k) => codebook.get(k))
          .filter((c): c is CodeNode => !!c)
          .map((c) => `<Coding guid="${guid()}" creatingUser="${userGuid}" creationDateTime="${now}"><CodeRef targetGUID="${c.guid}"/></Coding>`)
          .join("");
        return `<PlainTextSelection guid="${guid()}" name="${xmlText(name)}" startPosition="${start}" endPosition="${end}" creatingUser="${userGuid}" creationDateTime="${now}">${codings}</PlainTextSelection>`;
      };

      /** The project's codings of one span, each by its coder, with its memos. */
      const codedSelection = (start: number, end: number, name: string, codings: readonly RowCoding[]) => {
        const inner = codings
          .map((c) => {
            const code = codebook.get(c.code)!;
            const memos = c.memos.map((m) => `<NoteRef targetGUID="${note(m, `${TEXT.memo[locale]}: ${code.label}`)}"/>`).join("");
            return `<Coding guid="${guid()}" creatingUser="${userOf(c.coder)}" creationDateTime="${now}"><CodeRef targetGUID="${code.guid}"/>${memos}</Coding>`;
          })
          .join("");
        return `<PlainTextSelection guid="${guid()}" name="${xmlText(name)}" startPosition="${start}" endPosition="${end}" creatingUser="${userOf(codings[0].coder)}" creationDateTime="${now}">${inner}</PlainTextSelection>`;
      };

      /** Codings placed in the source: one selection per span, with every coding of that span. */
      const codedSelections = (placed: Iterable<{ start: number; end: number; name: string; coding: RowCoding }>): string[] => {
        const spans = new Map<string, { start: number; end: number; name: string; codings: RowCoding[] }>();
        for (const { start, end, name, coding } of placed) {
          if (end <= start) continue;
          const key = `${start}-${end}`;
          const span = spans.get(key) ?? { start, end, name, codings: [] };
          span.codings.push(coding);
          spans.set(key, span);
        }
        return [...spans.values()].map((span) => codedSelection(span.start, span.end, span.name, span.codings));
      };

      const writeSource = async (group: DocumentGroup) => {
        let text = "";
        let at = 0;
        const selections: string[] = [];
        const append = (piece: string) => {
          text += piece;
          at += codePointLength(piece);
        };
        append(`${group.title}\n\n`);
        let any = false;
        for (const row of group.rows) {
          if (layout.turns) {
            const speakerVar = dict.variables.find((v) => v.name === layout.turns!.speaker);
            const who = speakerVar ? valueText(speakerVar, row[speakerVar.name] ?? null) : "";
            for (const v of codable) {
              const turn = row[v.name] === null || row[v.name] === undefined ? "" : String(row[v.name]).replace(/\r\n?/g, "\n");
              if (!turn) continue;
              any = true;
              if (who) append(`${who}: `);
              const start = at;
              append(turn);
              const speakerCode = who && speakers ? codebook.add(speakers, `speaker:${who}`, who, true) : null;
              selections.push(selection(start, at, who || v.label, speakerCode ? [speakerCode.key] : []));
              const codesVar = layout.turns.codes;
              // A span of the turn's text in the source, clamped to the turn.
              const within = (span: { start: number; end: number }) => {
                const s = Math.max(0, Math.min(span.start, at - start));
                return { start: start + s, end: start + Math.max(s, Math.min(span.end, at - start)) };
              };
              for (const span of codesVar ? parseSpans(row[codesVar]) : []) {
                const { start: s, end: e } = within(span);
                if (e > s) selections.push(selection(s, e, span.code, [`chapter:${span.code}`]));
              }
              // The project's codings of the turn, placed like the chapter codes.
              const coded = codingsOf(row).filter((c) => c.field === v.name);
              selections.push(...codedSelections(coded.map((coding) => ({ ...within(coding), name: who || v.label, coding }))));
              append("\n\n");
            }
            continue;
          }
          const label = rowLabel(dict, row);
          const keys = codeKeysOf(row);
          const rowStart = at;
          let rowEnd = at;
          const fieldStart = new Map<string, number>();
          let labelled = false;
          for (const v of codable) {
            const value = documentText(row[v.name]);
            if (!value) continue;
            any = true;
            if (label && !labelled) {
              append(`${label}\n`);
              labelled = true;
            }
            append(`${v.label}:\n`);
            const start = at;
            fieldStart.set(v.name, start);
            append(value);
            rowEnd = at;
            selections.push(selection(start, at, v.label, [`field:${v.name}`, ...keys]));
            append("\n\n");
          }
          if (labelled) append("\n");
          // The project's codings: a whole note spans the note as the document shows it, from its
          // label to the end of its last text; a passage (or a whole open answer) is moved from its
          // field's text to the source.
          const placed = codingsOf(row).flatMap((coding) => {
            if (!coding.field) return [{ start: rowStart, end: rowEnd, name: TEXT.wholeNote[locale], coding }];
            const fieldAt = fieldStart.get(coding.field);
            const value = row[coding.field];
            if (fieldAt === undefined || typeof value !== "string") return [];
            const [s, e] = documentSpan(value, coding.start, coding.end);
            return [{ start: fieldAt + s, end: fieldAt + e, name: codable.find((v) => v.name === coding.field)?.label ?? coding.field, coding }];
          });
          selections.push(...codedSelections(placed));
        }
        if (!any) return;
        const sourceGuid = guid();
        await zip.addText(`sources/${sourceGuid}.txt`, text);
        sourceCount++;
        const values = documentVariables.map((dv) => variableValue(dv, group.first[dv.v.name])).join("");
        await put(
          fragments,
          `<TextSource guid="${sourceGuid}" name="${xmlText(group.title)}" plainTextPath="internal://${sourceGuid}.txt" creatingUser="${userGuid}" creationDateTime="${now}">` +
            selections.join("") +
            values +
            "</TextSource>",
        );
        const caseName = caseVar ? valueText(caseVar, group.first[caseVar.name] ?? null) : "";
        if (caseName) cases.get(caseName)?.sources.push(sourceGuid);
      };

      for await (const group of documentGroups(dict, input.rows())) {
        if (caseVar) {
          // Every case, with or without text (a respondent who wrote nothing still has attributes).
          for (const row of group.rows) {
            const name = valueText(caseVar, row[caseVar.name] ?? null);
            if (name && !cases.has(name)) cases.set(name, { guid: guid(), values: caseVariables.map((cv) => variableValue(cv, row[cv.v.name])).join(""), sources: [] });
          }
        }
        await writeSource(group);
      }
      fragments.end();
      await once(fragments, "finish");

      // Memos on codes, scrubbed by the pipeline (the notes of codings were gathered with the rows).
      for (const memo of input.codeMemos()) {
        const code = codebook.get(memo.code);
        if (code) code.notes.push(note(memo, `${TEXT.memo[locale]}: ${code.label}`));
      }

      // project.qde: header, users, codebook, variables, cases, then the sources written above, and the notes.
      const qde = createWriteStream(qdePath);
      await put(
        qde,
        `<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns="${QDE_NAMESPACE}" name="${xmlText(`${input.projectTitle} – ${dict.fileLabel}`)}" origin="${xmlText(SOFTWARE_NAME)}" creatingUserGUID="${userGuid}" creationDateTime="${now}">` +
          `<Users>${[...users].map(([name, g]) => `<User guid="${g}" name="${xmlText(name)}"/>`).join("")}</Users>` +
          codebook.xml(),
      );
      const allVariables = [...caseVariables, ...documentVariables];
      if (allVariables.length) {
        await put(qde, `<Variables>${allVariables.map((v) => `<Variable guid="${v.guid}" name="${xmlText(v.v.label)}" typeOfVariable="${v.type}"><Description>${xmlText(v.v.name)}</Description></Variable>`).join("")}</Variables>`);
      }
      if (cases.size) {
        await put(qde, "<Cases>");
        for (const [name, c] of cases) {
          await put(qde, `<Case guid="${c.guid}" name="${xmlText(name)}">${c.values}${c.sources.map((s) => `<SourceRef targetGUID="${s}"/>`).join("")}</Case>`);
        }
        await put(qde, "</Cases>");
      }
      if (sourceCount) {
        await put(qde, "<Sources>");
        for await (const chunk of createReadStream(sourcesXml)) await put(qde, chunk as Buffer);
        await put(qde, "</Sources>");
      }
      if (notes.length) await put(qde, `<Notes>${notes.join("")}</Notes>`);
      await put(qde, `<Description>${xmlText(dict.fileLabel)}</Description></Project>\n`);
      qde.end();
      await once(qde, "finish");
      await zip.addFile("project.qde", qdePath);
      await zip.close();
    } catch (error) {
      await zip.abort();
      throw error;
    } finally {
      await rm(sourcesXml, { force: true });
      await rm(qdePath, { force: true });
    }
    return {
      files: [{ path: `${input.baseName}.qdpx`, description: { nb: "REFI-QDA-prosjekt (NVivo, ATLAS.ti, MAXQDA, QualCoder)", en: "REFI-QDA project (NVivo, ATLAS.ti, MAXQDA, QualCoder)" } }],
      truncatedValues: 0,
      neutralisedCells: 0,
    };
  },
};

// The project's coding of a data set's records in its export (issue 15): log notes, transcript
// turns or open answers of the employer survey, each only from its own source (codings.source).
// A 0/1 variable per code that has codings of that source, in codebook order; on each row, its
// codings (the whole record, or a passage moved to follow the scrubber's markers) with the coder
// as a pseudonym; and the memos, scrubbed. Only ordinary coding is exported: codings of blind
// agreement rounds (round_id ≠ 0) never leave the platform. Everything is read once per export
// (one query each), not per record.
import { codebookTree } from "~/coding/codebook.server";
import { codePointLength } from "~/exchanges/transcript-text";
import type { Localized } from "~/i18n/locale";
import { roles, type CodingSource, type Role } from "../../../db/schema";
import type { Redacted } from "../anonymise/known-terms.server";
import type { PseudonymTable } from "../anonymise/pseudonyms.server";
import { CODED_LABELS, ROW_CODINGS, type CodeMemo, type CodedRow, type CodingLayout, type ExportCode, type ExportMemo, type RowCoding } from "../coding-export";
import type { Row } from "../dictionary";
import type { ManifestStep } from "../manifest";
import type { ExportReader } from "../reader.server";
import type { SchemaVariable } from "../schema";
import { peopleTable } from "./common.server";
import type { Pass } from "./source.server";

/** code, coder, field, start, end, coding id */
type StoredCoding = [number, number, string, number, number, number];

/** The codings of one exported row: a note, an answer, or one turn of a transcript. */
interface UnitCodings {
  readonly codes: Set<number>;
  readonly passages: StoredCoding[];
  /** Whole units (start = end = 0): a note (field ""), or the field of a turn or open answer. */
  readonly whole: StoredCoding[];
}

type Answers = Record<string, string | number | null>;

/** Where a passage [start, end) of a text lies in its exported text, or null when nothing is left of it. */
export type PlaceSpan = (start: number, end: number) => readonly [number, number] | null;

/** What the 1 of a code variable says was coded, by source. */
const CODED_WHAT: Record<CodingSource, Localized> = {
  note: { nb: "notatet eller et utdrag av det", en: "the note or a passage of it" },
  turn: { nb: "ytringen eller et utdrag av den", en: "the turn or a passage of it" },
  answer: { nb: "et åpent svar i svaret eller et utdrag av det", en: "an open answer of the answer or a passage of it" },
};

/** `kode_<id>`, unless an instrument variable already has that name (names are case-insensitive). */
function variableName(id: number, taken: Set<string>): string {
  let name = `kode_${id}`;
  for (let n = 2; taken.has(name.toUpperCase()); n++) name = `kode_${id}_${n}`;
  taken.add(name.toUpperCase());
  return name;
}

export class RecordCoding {
  readonly variables: SchemaVariable[] = [];
  readonly layout: CodingLayout | undefined;
  private readonly keyOf = new Map<number, string>();
  private readonly variableOf: [number, string][] = [];
  private readonly units = new Map<string, UnitCodings>();
  private readonly codingMemos = new Map<number, { author: number; text: string }[]>();
  private readonly codeMemos: { code: number; author: number; text: string }[] = [];
  private readonly people = new Map<number, { role: Role; table: PseudonymTable } | null>();
  private ordinary = 0;
  private inRounds = 0;

  /** `source`: the codings the data set carries; no other source's ever land on its rows. */
  constructor(
    private readonly reader: ExportReader,
    projectId: number,
    private readonly source: CodingSource,
    private readonly pseudonymKey: Buffer,
    otherVariables: readonly string[],
    crossBy: readonly string[],
  ) {
    const tree = codebookTree(reader.db, projectId);
    const merged = new Set(tree.filter((c) => c.mergedInto !== null).map((c) => c.id));
    for (const c of tree) if (!merged.has(c.id)) this.keyOf.set(c.id, `code:${c.id}`);
    if (!this.keyOf.size) return;

    // Codings of this source only: note_id is a log note, a transcript or a survey answer by
    // source, so the same number names unrelated records. A code gets a variable when it is used
    // here (not merely elsewhere in the project).
    const sqlite = reader.sqlite;
    const rows = sqlite
      .prepare("SELECT note_id, code_id, coder_id, field, start, \"end\", id FROM codings WHERE project_id = ? AND source = ? AND round_id = 0 ORDER BY note_id, id")
      .raw()
      .all(projectId, source) as [number, ...StoredCoding][];
    this.ordinary = rows.length;
    this.inRounds = (sqlite.prepare("SELECT count(*) AS n FROM codings WHERE project_id = ? AND source = ? AND round_id <> 0").get(projectId, source) as { n: number }).n;
    for (const [recordId, ...coding] of rows) {
      if (!this.keyOf.has(coding[0])) continue;
      const key = this.unitKey(recordId, coding[2]);
      let unit = this.units.get(key);
      if (!unit) this.units.set(key, (unit = { codes: new Set(), passages: [], whole: [] }));
      unit.codes.add(coding[0]);
      (coding[4] === 0 ? unit.whole : unit.passages).push(coding);
    }
    const used = new Set([...this.units.values()].flatMap((u) => [...u.codes]));

    const taken = new Set(otherVariables.map((n) => n.toUpperCase()));
    const parentOf = new Map(tree.map((c) => [c.id, c.parentId]));
    // A merged code's children were moved to the code it went into; should any be left, they hang
    // from its nearest ancestor that is still in the codebook.
    const shownParent = (id: number | null): number | null => (id === null || !merged.has(id) ? id : shownParent(parentOf.get(id) ?? null));
    const codes: ExportCode[] = [];
    for (const c of tree) {
      if (merged.has(c.id)) continue;
      const variable = used.has(c.id) ? variableName(c.id, taken) : null;
      if (variable) {
        this.variableOf.push([c.id, variable]);
        this.variables.push({
          name: variable,
          label: { nb: c.name, en: c.name },
          type: "numeric",
          measure: "nominal",
          decimals: 0,
          valueLabels: CODED_LABELS,
          nvivo: "classifying",
          treatment: "derived",
          source: null,
        });
      }
      const parent = shownParent(c.parentId);
      codes.push({ key: this.keyOf.get(c.id)!, parent: parent === null ? null : `code:${parent}`, name: c.name, definition: c.definition, colour: c.colour, variable });
    }
    this.layout = { codes, unit: source, crossBy };

    const memos = sqlite.prepare("SELECT code_id, coding_id, author_id, text FROM memos WHERE project_id = ? ORDER BY id").raw().all(projectId) as [number | null, number | null, number, string][];
    for (const [code, coding, author, text] of memos) {
      if (coding !== null) this.codingMemos.set(coding, [...(this.codingMemos.get(coding) ?? []), { author, text }]);
      else if (code !== null && this.keyOf.has(code)) this.codeMemos.push({ code, author, text });
    }
  }

  /** A row is a record (note, answer), but for turns one turn of the record (a transcript). */
  private unitKey(recordId: number, field: string): string {
    return this.source === "turn" ? `${recordId}:${field}` : String(recordId);
  }

  /** A coder's or memo author's pseudonym, by the kind of person they are (R-…, JS-…, CL-…). */
  private pseudonym(userId: number): string {
    if (!this.people.has(userId)) {
      const row = this.reader.sqlite.prepare("SELECT role FROM users WHERE id = ?").get(userId) as { role: Role } | undefined;
      this.people.set(userId, row && roles.includes(row.role) ? { role: row.role, table: this.table(row.role) } : null);
    }
    const person = this.people.get(userId);
    return person ? person.table.of(userId) : "";
  }

  private readonly tables = new Map<Role, PseudonymTable>();
  private table(role: Role): PseudonymTable {
    let table = this.tables.get(role);
    if (!table) this.tables.set(role, (table = peopleTable(this.reader.db, this.pseudonymKey, role, role)));
    return table;
  }

  /** Sets the row's 0/1 variables; returns the row's codings, when it has any. */
  private flag(row: Row, key: string): UnitCodings | undefined {
    const unit = this.units.get(key);
    for (const [id, variable] of this.variableOf) row[variable] = unit?.codes.has(id) ? 1 : 0;
    return unit;
  }

  private exported([code, coder, field, start, end, id]: StoredCoding, pass: Pass): RowCoding {
    return { code: this.keyOf.get(code)!, coder: this.pseudonym(coder), field, start, end, memos: this.memosOf(id, pass) };
  }

  /**
   * A record with fields (a log note, a survey answer): converts its answers into `row` through
   * `convert`, then sets its 0/1 variables and its codings. Texts with coded passages are scrubbed
   * by the redactor, which also tells where each passage went; both count into the pass alike. A
   * whole note has field ""; a whole open answer spans its field's exported text.
   */
  record(row: Row, recordId: number, answers: Answers, pass: Pass, convert: (scrub: (text: string) => string) => void): void {
    const unit = this.flag(row, this.unitKey(recordId, ""));
    if (!unit) return convert(pass.scrub);
    const coded = new Set(unit.passages.map((p) => answers[p[2]]).filter((t): t is string => typeof t === "string"));
    const redacted = new Map<string, Redacted>();
    convert(
      coded.size
        ? (text) => {
            if (!coded.has(text)) return pass.scrub(text);
            const r = pass.redact(text);
            redacted.set(text, r);
            return r.text;
          }
        : pass.scrub,
    );
    const codings: RowCoding[] = [];
    for (const c of unit.whole) {
      if (c[2] === "") {
        codings.push(this.exported(c, pass));
        continue;
      }
      // A whole open answer the export does not carry (or that is empty) has no text to span.
      const text = row[c[2]];
      if (typeof text === "string" && text) codings.push(this.exported([c[0], c[1], c[2], 0, codePointLength(text), c[5]], pass));
    }
    for (const c of unit.passages) {
      const text = answers[c[2]];
      const r = typeof text === "string" ? redacted.get(text) : undefined;
      // A passage of a field the export does not carry (or no longer holds) cannot be placed.
      if (r) codings.push(this.exported([c[0], c[1], c[2], r.map(c[3]), r.map(c[4], true), c[5]], pass));
    }
    (row as CodedRow)[ROW_CODINGS] = codings;
  }

  /**
   * A transcript's turn (`position` as stored), exported as the text of `field`, `length` code
   * points long: sets its 0/1 variables and its codings. A whole turn spans the exported text; a
   * passage (code points of the turn's text) goes where `place` puts it.
   */
  turn(row: Row, transcriptId: number, position: number, field: string, length: number, place: PlaceSpan, pass: Pass): void {
    const unit = this.flag(row, this.unitKey(transcriptId, String(position)));
    if (!unit) return;
    const codings: RowCoding[] = [];
    if (length > 0) for (const c of unit.whole) codings.push(this.exported([c[0], c[1], field, 0, length, c[5]], pass));
    for (const c of unit.passages) {
      const span = place(c[3], c[4]);
      if (span) codings.push(this.exported([c[0], c[1], field, span[0], span[1], c[5]], pass));
    }
    (row as CodedRow)[ROW_CODINGS] = codings;
  }

  private memosOf(codingId: number, pass: Pass): ExportMemo[] {
    return (this.codingMemos.get(codingId) ?? []).map((m) => ({ author: this.pseudonym(m.author), text: pass.scrub(m.text) }));
  }

  /** What the manifest says about the coding (counts of this source's codings). */
  steps(): ManifestStep[] {
    if (!this.layout) return [];
    const what = CODED_WHAT[this.source];
    return [
      {
        id: "coding",
        title: { nb: "Koding", en: "Coding" },
        summary: {
          nb: `Prosjektets kodebok er med: én 0/1-variabel per kode med kodinger (1 = minst én koder har kodet ${what.nb} med koden). Kodere er pseudonymer; kodinger i blinde samkjøringsrunder er ikke med.`,
          en: `The project's codebook is included: a 0/1 variable per code with codings (1 = at least one coder coded ${what.en} with the code). Coders are pseudonyms; codings in blind agreement rounds are left out.`,
        },
        counts: { codes: this.layout.codes.length, variables: this.variables.length, codingsInProject: this.ordinary, roundCodingsLeftOut: this.inRounds },
      },
    ];
  }

  /** Memos on the codes, scrubbed by `scrub`. */
  memos(scrub: (text: string) => string): CodeMemo[] {
    return this.codeMemos.map((m) => ({ code: this.keyOf.get(m.code)!, author: this.pseudonym(m.author), text: scrub(m.text) }));
  }
}

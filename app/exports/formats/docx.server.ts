// Format "docx": Word documents (docx library) with real Heading 1 / Heading 2 paragraph styles,
// so NVivo can auto-code by paragraph style: Heading 1 = the document (a job specialist and
// month, a respondent, a transcript), Heading 2 = the log column or question; for transcripts
// each speaker turn is a paragraph ("Speaker: text"). One file per case where the layout says so
// (each job specialist's log), which also keeps memory bounded.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from "docx";
import type { Localized } from "~/i18n/locale";
import { fileStem } from "../package.server";
import { valueText, type ExportDictionary } from "../schema";
import { codableVariables, documentGroups, documentText, rowLabel, type DocumentGroup } from "./documents";
import type { ExportFormat, FormatInput, FormatResult, WrittenFile } from "./format";

function paragraphs(text: string, prefix = ""): Paragraph[] {
  return text.split("\n").map((line, i) =>
    i === 0 && prefix ? new Paragraph({ children: [new TextRun({ text: prefix, bold: true }), new TextRun(line)] }) : new Paragraph({ text: line }),
  );
}

/** The paragraphs of one document group. */
export function groupParagraphs(dict: ExportDictionary, group: DocumentGroup): Paragraph[] {
  const out: Paragraph[] = [];
  const codable = codableVariables(dict);
  const turns = dict.qualitative.turns;
  if (turns) {
    const speaker = dict.variables.find((v) => v.name === turns.speaker);
    for (const row of group.rows) {
      for (const v of codable) {
        const text = documentText(row[v.name]);
        if (!text) continue;
        const who = speaker ? valueText(speaker, row[speaker.name] ?? null) : "";
        out.push(...paragraphs(text, who ? `${who}: ` : ""));
      }
    }
  } else {
    for (const v of codable) {
      const texts = group.rows.map((row) => ({ row, text: documentText(row[v.name]) })).filter((x) => x.text);
      if (!texts.length) continue;
      out.push(new Paragraph({ text: v.label, heading: HeadingLevel.HEADING_2 }));
      for (const { row, text } of texts) {
        const label = rowLabel(dict, row);
        out.push(...paragraphs(text, label ? `${label} ` : ""));
      }
    }
  }
  if (!out.length) return [];
  return [new Paragraph({ text: group.title, heading: HeadingLevel.HEADING_1 }), ...out];
}

/** The value's label from the dictionary (the exchange's name for its code), else the value. */
function valueLabel(dict: ExportDictionary, variable: string, value: string | null): string {
  const v = dict.variables.find((x) => x.name === variable);
  return v ? valueText(v, value === null ? null : v.type === "numeric" ? Number(value) : value) : String(value);
}

const FILE_DESCRIPTION: Localized = { nb: "Word-dokument med overskriftsstiler for autokoding i NVivo", en: "Word document with heading styles for auto-coding in NVivo" };

async function writeDocument(dir: string, name: string, title: string, children: Paragraph[]): Promise<void> {
  const doc = new Document({ creator: "Medforsker", title, description: title, sections: [{ children }] });
  await writeFile(path.join(dir, name), await Packer.toBuffer(doc));
}

export const docxFormat: ExportFormat = {
  id: "docx",
  groupsRows: true,
  label: { nb: "Word for NVivo (.docx)", en: "Word for NVivo (.docx)" },
  description: {
    nb: "Fritekst i Word med Overskrift 1 og 2, klar for autokoding etter avsnittsstil i NVivo.",
    en: "Free text in Word with Heading 1 and 2, ready for auto-coding by paragraph style in NVivo.",
  },
  async write(input: FormatInput): Promise<FormatResult> {
    const { dict } = input;
    const splitBy = dict.qualitative.docxFileBy;
    const files: WrittenFile[] = [];
    let fileKey: string | null = null;
    let children: Paragraph[] = [];
    const flush = async () => {
      if (!children.length) return;
      // One file per exchange (say) is named for it, never for its stored code.
      const part = splitBy ? (dict.qualitative.docxFileNames?.[String(fileKey)] ?? String(fileKey)) : null;
      const name = part ? `${input.baseName}-${fileStem(part)}.docx` : `${input.baseName}.docx`;
      await writeDocument(input.dir, name, splitBy ? `${input.projectTitle} – ${valueLabel(dict, splitBy, fileKey)}` : input.projectTitle, children);
      files.push({ path: name, description: FILE_DESCRIPTION });
      children = [];
    };
    for await (const group of documentGroups(dict, input.rows())) {
      const key = splitBy ? String(group.first[splitBy] ?? "") : "all";
      if (fileKey !== null && key !== fileKey) await flush();
      fileKey = key;
      children.push(...groupParagraphs(dict, group));
    }
    await flush();
    if (!files.length) {
      // No free text at all: still one (empty) document, so the package says so plainly.
      const empty = `${input.baseName}.docx`;
      await writeDocument(input.dir, empty, input.projectTitle, [new Paragraph({ text: input.projectTitle, heading: HeadingLevel.HEADING_1 })]);
      files.push({ path: empty, description: FILE_DESCRIPTION });
    }
    return { files, truncatedValues: 0, neutralisedCells: 0 };
  },
};


// The project's coding of log notes in a log export (issue 15): a 0/1 variable per code that has
// codings, in codebook order; on each row, its codings (whole note, or a passage moved to follow
// the scrubber's markers) with the coder as a pseudonym; and the memos, scrubbed. Only ordinary
// coding is exported: codings of blind agreement rounds (round_id ≠ 0) never leave the platform.
// Everything is read once per export (one query each), not per note.
import { codebookTree } from "~/coding/codebook.server";
import { roles, type Role } from "../../../db/schema";
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

interface NoteCodings {
  readonly codes: Set<number>;
  readonly passages: StoredCoding[];
  readonly whole: StoredCoding[];
}

type Answers = Record<string, string | number | null>;

/** `kode_<id>`, unless an instrument variable already has that name (names are case-insensitive). */
function variableName(id: number, taken: Set<string>): string {
  let name = `kode_${id}`;
  for (let n = 2; taken.has(name.toUpperCase()); n++) name = `kode_${id}_${n}`;
  taken.add(name.toUpperCase());
  return name;
}

export class LogCoding {
  readonly variables: SchemaVariable[] = [];
  readonly layout: CodingLayout | undefined;
  private readonly keyOf = new Map<number, string>();
  private readonly variableOf: [number, string][] = [];
  private readonly notes = new Map<number, NoteCodings>();
  private readonly codingMemos = new Map<number, { author: number; text: string }[]>();
  private readonly codeMemos: { code: number; author: number; text: string }[] = [];
  private readonly people = new Map<number, { role: Role; table: PseudonymTable } | null>();
  private ordinary = 0;
  private inRounds = 0;

  constructor(
    private readonly reader: ExportReader,
    projectId: number,
    private readonly pseudonymKey: Buffer,
    otherVariables: readonly string[],
    crossBy: readonly string[],
  ) {
    const taken = new Set(otherVariables.map((n) => n.toUpperCase()));
    const tree = codebookTree(reader.db, projectId);
    const merged = new Set(tree.filter((c) => c.mergedInto !== null).map((c) => c.id));
    const parentOf = new Map(tree.map((c) => [c.id, c.parentId]));
    // A merged code's children were moved to the code it went into; should any be left, they hang
    // from its nearest ancestor that is still in the codebook.
    const shownParent = (id: number | null): number | null => (id === null || !merged.has(id) ? id : shownParent(parentOf.get(id) ?? null));
    const codes: ExportCode[] = [];
    for (const c of tree) {
      if (merged.has(c.id)) continue;
      const key = `code:${c.id}`;
      this.keyOf.set(c.id, key);
      const variable = c.uses > 0 ? variableName(c.id, taken) : null;
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
      codes.push({ key, parent: parent === null ? null : `code:${parent}`, name: c.name, definition: c.definition, colour: c.colour, variable });
    }
    this.layout = codes.length ? { codes, crossBy } : undefined;
    if (!codes.length) return;

    const sqlite = reader.sqlite;
    const rows = sqlite
      .prepare("SELECT note_id, code_id, coder_id, field, start, \"end\", id FROM codings WHERE project_id = ? AND round_id = 0 ORDER BY note_id, id")
      .raw()
      .all(projectId) as [number, ...StoredCoding][];
    this.ordinary = rows.length;
    this.inRounds = (sqlite.prepare("SELECT count(*) AS n FROM codings WHERE project_id = ? AND round_id <> 0").get(projectId) as { n: number }).n;
    for (const [noteId, ...coding] of rows) {
      if (!this.keyOf.has(coding[0])) continue;
      let note = this.notes.get(noteId);
      if (!note) this.notes.set(noteId, (note = { codes: new Set(), passages: [], whole: [] }));
      note.codes.add(coding[0]);
      (coding[2] === "" ? note.whole : note.passages).push(coding);
    }
    const memos = sqlite.prepare("SELECT code_id, coding_id, author_id, text FROM memos WHERE project_id = ? ORDER BY id").raw().all(projectId) as [number | null, number | null, number, string][];
    for (const [code, coding, author, text] of memos) {
      if (coding !== null) this.codingMemos.set(coding, [...(this.codingMemos.get(coding) ?? []), { author, text }]);
      else if (code !== null && this.keyOf.has(code)) this.codeMemos.push({ code, author, text });
    }
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

  /**
   * Converts a note's answers into `row` through `convert`, then sets the note's 0/1 variables and
   * its codings. Texts with coded passages are scrubbed by the redactor, which also tells where
   * each passage went; both count into the pass alike.
   */
  note(row: Row, noteId: number, answers: Answers, pass: Pass, convert: (scrub: (text: string) => string) => void): void {
    const note = this.notes.get(noteId);
    for (const [id, variable] of this.variableOf) row[variable] = note?.codes.has(id) ? 1 : 0;
    if (!note) return convert(pass.scrub);
    const coded = new Set(note.passages.map((p) => answers[p[2]]).filter((t): t is string => typeof t === "string"));
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
    const add = ([code, coder, field, start, end, id]: StoredCoding) =>
      codings.push({ code: this.keyOf.get(code)!, coder: this.pseudonym(coder), field, start, end, memos: this.memosOf(id, pass) });
    for (const c of note.whole) add(c);
    for (const c of note.passages) {
      const text = answers[c[2]];
      const r = typeof text === "string" ? redacted.get(text) : undefined;
      // A passage of a field the export does not carry (or no longer holds) cannot be placed.
      if (r) add([c[0], c[1], c[2], r.map(c[3]), r.map(c[4], true), c[5]]);
    }
    (row as CodedRow)[ROW_CODINGS] = codings;
  }

  private memosOf(codingId: number, pass: Pass): ExportMemo[] {
    return (this.codingMemos.get(codingId) ?? []).map((m) => ({ author: this.pseudonym(m.author), text: pass.scrub(m.text) }));
  }

  /** What the manifest says about the coding. */
  steps(): ManifestStep[] {
    if (!this.layout) return [];
    return [
      {
        id: "coding",
        title: { nb: "Koding", en: "Coding" },
        summary: {
          nb: "Prosjektets kodebok er med: én 0/1-variabel per kode med kodinger (1 = minst én koder har kodet notatet eller et utdrag av det med koden). Kodere er pseudonymer; kodinger i blinde samkjøringsrunder er ikke med.",
          en: "The project's codebook is included: a 0/1 variable per code with codings (1 = at least one coder coded the note or a passage of it with the code). Coders are pseudonyms; codings in blind agreement rounds are left out.",
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

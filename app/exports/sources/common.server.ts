// Pieces every source uses: the merged instrument versions of the exported rows, pseudonym tables
// of people, the export's own variables (running number, person, month, instrument version) and
// width estimates for streamed text.
import { eq } from "drizzle-orm";
import type { Codebook } from "~/instruments/codebook.server";
import type { Localized } from "~/i18n/locale";
import type { DbOrTx, Sqlite } from "../../../db/connection.server";
import { users, type Role } from "../../../db/schema";
import { PseudonymTable, type SubjectKind } from "../anonymise/pseudonyms.server";
import { mergeVersions, type MergedInstrument } from "../instrument-variables";
import type { SchemaVariable } from "../schema";

export function mergedInstrument(codebook: Codebook, instrumentId: string, counts: readonly { version: number; rows: number }[]) {
  const versions = counts.length ? counts : [{ version: codebook.get(instrumentId)?.version ?? 1, rows: 0 }];
  const compiled = versions.map(({ version }) => {
    const instrument = codebook.get(instrumentId, version);
    if (!instrument) throw new Error(`The answers were given under ${instrumentId}@v${version}, which is not in surveys/ any more`);
    return instrument;
  });
  const merged: MergedInstrument = mergeVersions(compiled);
  const entries = compiled.map((i, n) => ({ key: i.key, title: i.title, rows: versions[n].rows }));
  return { merged, entries };
}

/** Pseudonyms of everyone with `role`: the whole set, so a collision resolves the same way in every export. */
export function peopleTable(db: DbOrTx, key: Buffer, role: Role, kind: SubjectKind): PseudonymTable {
  const ids = db.select({ id: users.id }).from(users).where(eq(users.role, role)).all().map((u) => u.id);
  return new PseudonymTable(key, kind, ids);
}

export const ROW_NUMBER = (label: Localized): SchemaVariable => ({
  name: "nr",
  label,
  type: "numeric",
  measure: "scale",
  decimals: 0,
  nvivo: "classifying",
  treatment: "derived",
  source: null,
});

export const PERSON = (name: string, label: Localized): SchemaVariable => ({
  name,
  label,
  type: "string",
  measure: "nominal",
  nvivo: "classifying",
  treatment: "pseudonymised",
  source: null,
});

export const MONTH: SchemaVariable = {
  name: "maaned",
  label: { nb: "Måned", en: "Month" },
  type: "string",
  measure: "ordinal",
  width: 7,
  nvivo: "classifying",
  treatment: "coarsened",
  source: null,
};

export const INSTRUMENT_VERSION: SchemaVariable = {
  name: "instrument_versjon",
  label: { nb: "Versjon av skjemaet", en: "Version of the form" },
  type: "numeric",
  measure: "nominal",
  decimals: 0,
  nvivo: "classifying",
  treatment: "derived",
  source: null,
};

/** Which import brought the record in (the number on the import page), empty when it was written in Medforsker. */
export const IMPORT_NUMBER: SchemaVariable = {
  name: "import_nr",
  label: { nb: "Importert: importens nummer (tom: skrevet i Medforsker)", en: "Imported: number of the import (empty: written in Medforsker)" },
  type: "numeric",
  measure: "nominal",
  decimals: 0,
  nvivo: "classifying",
  treatment: "derived",
  source: null,
};

/** The row of the imported file the record came from (the header is row 1). */
export const IMPORT_ROW: SchemaVariable = {
  name: "import_rad",
  label: { nb: "Importert: rad i filen", en: "Imported: row in the file" },
  type: "numeric",
  measure: "scale",
  decimals: 0,
  nvivo: "classifying",
  treatment: "derived",
  source: null,
};

/** Longest pseudonym (prefix, dash, up to 20 characters). */
export const PSEUDONYM_WIDTH = 24;

/**
 * Upper estimates of the UTF-8 bytes of text answers after scrubbing: the longest value ever
 * stored in the project (text_extents, kept by triggers), plus room for markers longer than what
 * they replace. The writers check the estimate; an export whose scrubbed text does not fit is
 * measured exactly and written again.
 */
export function extentWidths(sqlite: Sqlite, source: "log_notes", projectId: number, names: readonly string[]): Record<string, number> {
  const stored = sqlite.prepare("SELECT variable, max_bytes AS bytes FROM text_extents WHERE source = ? AND project_id = ?").all(source, projectId) as { variable: string; bytes: number }[];
  const longest = new Map(stored.map((e) => [e.variable, e.bytes]));
  return Object.fromEntries(names.map((n) => [n, withHeadroom(longest.get(n) ?? 0)]));
}

export function withHeadroom(bytes: number): number {
  return Math.min(32767, Math.max(1, Math.ceil(bytes * 1.1) + 32));
}

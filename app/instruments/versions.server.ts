// One codebook, two sources (issue 14, architecture «Wave 2 notes»): the definitions under
// surveys/ and the versions made in the app live side by side as rows of instrument_versions.
// At start every file is recorded as a published version "from file" (a file whose text changed
// under a version number already recorded is refused: copy it to the next version instead); the
// published versions made in the app are compiled by the same compiler as the files and added to
// the codebook. Everything downstream keeps taking the compiled codebook.
import crypto from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { and, asc, eq } from "drizzle-orm";
import { instrumentVersions, pilotRounds } from "../../db/schema";
import { type Db, writeTransaction } from "../../db/connection.server";
import { audit } from "~/accounts/audit.server";
import { createCodebook, DefinitionError, loadCodebook, type Codebook, type DefinitionProblem } from "./codebook.server";
import { compileDefinitionText } from "./compile.server";
import type { CompiledInstrument } from "./types";

const sha256 = (text: string) => crypto.createHash("sha256").update(text, "utf8").digest("hex");

/** Where a version made in the app says it comes from, in problems and as its `source`. */
export const appSource = (id: string, version: number) => `app:${id}/v${version}.yaml`;

/**
 * The codebook of a running app: the files under `dir` (recorded in the database) and the versions
 * published in the app. Throws DefinitionError when a file is invalid or changed under a recorded
 * version, or when a stored version no longer compiles.
 */
export function openCodebook(db: Db, dir?: string, { record = true }: { record?: boolean } = {}): Codebook {
  const files = loadCodebook(dir);
  // The app records the files at start; a worker thread reading along does not write.
  if (record) recordFiles(db, files.list());
  const problems: DefinitionProblem[] = [];
  const made: CompiledInstrument[] = [];
  const taken = new Set(files.list().map((i) => i.key));
  for (const row of db.select().from(instrumentVersions).where(and(eq(instrumentVersions.status, "published"), eq(instrumentVersions.origin, "upload"))).orderBy(asc(instrumentVersions.id)).all()) {
    const result = compileDefinitionText(row.yaml, appSource(row.instrumentId, row.version));
    problems.push(...result.problems);
    if (!result.instrument) continue;
    if (taken.has(result.instrument.key)) {
      problems.push({ file: appSource(row.instrumentId, row.version), item: "version", problem: `${result.instrument.key} is also a file under surveys/; number the file's version after the app's` });
      continue;
    }
    made.push(result.instrument);
  }
  if (problems.length) throw new DefinitionError(problems);
  return createCodebook([...files.list(), ...made]);
}

/** Records each file's text as a published version; refuses a file that changed under its number. */
function recordFiles(db: Db, instruments: readonly CompiledInstrument[]) {
  const problems: DefinitionProblem[] = [];
  writeTransaction(db, (tx) => {
    for (const instrument of instruments) {
      const yaml = readFileSync(path.resolve(instrument.source), "utf8");
      const hash = sha256(yaml);
      const row = tx.select().from(instrumentVersions).where(and(eq(instrumentVersions.instrumentId, instrument.id), eq(instrumentVersions.version, instrument.version))).get();
      if (!row) {
        tx.insert(instrumentVersions).values({ instrumentId: instrument.id, version: instrument.version, status: "published", origin: "file", yaml, sha256: hash, publishedAt: Math.floor(Date.now() / 1000) }).run();
      } else if (row.origin !== "file" || row.status !== "published") {
        problems.push({ file: instrument.source, item: "version", problem: `${instrument.key} was made in the app; give the file the next free version number` });
      } else if (row.sha256 !== hash) {
        problems.push({ file: instrument.source, item: "version", problem: `${instrument.key} changed after it was published; copy the file to the next version (v${instrument.version + 1}.yaml) and change that` });
      }
    }
  });
  if (problems.length) throw new DefinitionError(problems);
}

export type VersionRow = typeof instrumentVersions.$inferSelect;

export function versionRow(db: Db, id: string, version: number): VersionRow | undefined {
  return db.select().from(instrumentVersions).where(and(eq(instrumentVersions.instrumentId, id), eq(instrumentVersions.version, version))).get();
}

export function draftOf(db: Db, id: string): VersionRow | undefined {
  return db.select().from(instrumentVersions).where(and(eq(instrumentVersions.instrumentId, id), eq(instrumentVersions.status, "draft"))).get();
}

export function listDrafts(db: Db): VersionRow[] {
  return db.select().from(instrumentVersions).where(eq(instrumentVersions.status, "draft")).orderBy(asc(instrumentVersions.instrumentId)).all();
}

export type DraftOutcome =
  | { readonly ok: true; readonly id: string; readonly version: number }
  | { readonly ok: false; readonly problems: readonly DefinitionProblem[] }
  | { readonly ok: false; readonly wrongVersion: { readonly id: string; readonly expected: number; readonly got: number } };

/**
 * Keeps uploaded YAML as the draft of an instrument's next version, after the same validation as
 * a file at start. A new instrument starts at version 1; an existing one must be given the
 * version after its latest; an earlier draft of the instrument is replaced.
 */
export function saveDraft(db: Db, codebook: Codebook, actorId: number, fileName: string, yaml: string): DraftOutcome {
  const result = compileDefinitionText(yaml, fileName);
  if (!result.instrument) return { ok: false, problems: result.problems };
  const { id, version } = result.instrument;
  const latest = codebook.versions(id).at(-1) ?? 0;
  if (version !== latest + 1) return { ok: false, wrongVersion: { id, expected: latest + 1, got: version } };
  writeTransaction(db, (tx) => {
    // An earlier draft is replaced in place, so its pilot rounds and their comments stay with it.
    const replaced = tx
      .update(instrumentVersions)
      .set({ yaml, sha256: sha256(yaml), createdBy: actorId })
      .where(and(eq(instrumentVersions.instrumentId, id), eq(instrumentVersions.status, "draft")))
      .run().changes;
    if (!replaced) tx.insert(instrumentVersions).values({ instrumentId: id, version, status: "draft", origin: "upload", yaml, sha256: sha256(yaml), createdBy: actorId }).run();
    audit(tx, actorId, "instrument.draft_saved", `instrument:${id}`, { instrument: id, version });
  });
  return { ok: true, id, version };
}

/** A change made in the editor to the draft (already checked by the compiler). */
export function updateDraft(db: Db, actorId: number, id: string, yaml: string): void {
  writeTransaction(db, (tx) =>
    tx
      .update(instrumentVersions)
      .set({ yaml, sha256: sha256(yaml), createdBy: actorId })
      .where(and(eq(instrumentVersions.instrumentId, id), eq(instrumentVersions.status, "draft")))
      .run(),
  );
}

/** The compiled draft, or null when it no longer compiles (it did when saved; the compiler is the same). */
export function compileDraft(row: VersionRow): CompiledInstrument | null {
  return compileDefinitionText(row.yaml, appSource(row.instrumentId, row.version)).instrument;
}

/**
 * Publishes the draft: from now on it never changes, and waves, logs and reports can be answered
 * with it. Added to the running codebook at once. False when the draft is gone or no longer the
 * next version (someone published another meanwhile).
 */
export function publishDraft(db: Db, codebook: Codebook, actorId: number, id: string): boolean {
  const row = draftOf(db, id);
  const compiled = row ? compileDraft(row) : null;
  if (!row || !compiled || row.version !== (codebook.versions(id).at(-1) ?? 0) + 1) return false;
  const published = writeTransaction(db, (tx) => {
    const changed = tx
      .update(instrumentVersions)
      .set({ status: "published", publishedAt: Math.floor(Date.now() / 1000), publishedBy: actorId })
      .where(and(eq(instrumentVersions.id, row.id), eq(instrumentVersions.status, "draft")))
      .run().changes;
    if (changed) audit(tx, actorId, "instrument.published", `instrument:${id}`, { instrument: id, version: row.version });
    return changed > 0;
  });
  if (published) codebook.add(compiled);
  return published;
}

/**
 * Throws the draft away, unless it has been piloted: what the participants answered and wrote
 * belongs to it and is never deleted (publish it, or keep it as the next draft). False then.
 */
export function discardDraft(db: Db, actorId: number, id: string): boolean {
  return writeTransaction(db, (tx) => {
    const row = tx.select({ id: instrumentVersions.id }).from(instrumentVersions).where(and(eq(instrumentVersions.instrumentId, id), eq(instrumentVersions.status, "draft"))).get();
    if (!row) return true;
    if (tx.select({ id: pilotRounds.id }).from(pilotRounds).where(eq(pilotRounds.versionId, row.id)).get()) return false;
    tx.delete(instrumentVersions).where(eq(instrumentVersions.id, row.id)).run();
    audit(tx, actorId, "instrument.draft_discarded", `instrument:${id}`, { instrument: id });
    return true;
  });
}

// What the coding export tests share: the demo database seeded and opened with the people and
// codes they code with, passages found by code points, exports made through the pipeline, and the
// project's codings read back from a REFI-QDA project.
import { readFileSync } from "node:fs";
import path from "node:path";
import { unzipSync } from "fflate";
import { migrateDatabase, openDatabase } from "../../db/connection.server";
import { loadCodebook } from "../../app/instruments/codebook.server";
import { createExport, type ExportRequest } from "../../app/exports/pipeline.server";
import type { Manifest } from "../../app/exports/manifest";
import type { QdeSummary } from "./qda-tools";
import { identities, seedDemo } from "./seed";

export const A = "A Samarbeid med arbeidsgivere";
export const B = "B Arbeidsgiveres behov for oppfølging";
export const K3 = "K3 Arbeidsgivernes erfaringer";
export const MI1 = "MI1 Norskkunnskaper";

/** [start, end) of `part` in `text`, in code points. */
export function span(text: string, part: string): [number, number] {
  const at = text.indexOf(part);
  if (at < 0) throw new Error(`${part} not in ${text}`);
  const start = [...text.slice(0, at)].length;
  return [start, start + [...part].length];
}

/** A fresh demo database, opened, with the researcher, a job specialist and the ids of codes A, B, K3 and MI1. */
export async function seedCodingDemo() {
  const { dataDir } = await seedDemo();
  const file = path.join(dataDir, "medforsker.db");
  const { db, sqlite } = openDatabase(file);
  migrateDatabase(db);
  const id = (sql: string, ...params: unknown[]) => (sqlite.prepare(sql).get(...params) as { id: number }).id;
  const code: Record<string, number> = {};
  for (const name of [A, B, K3, MI1]) code[name] = id("SELECT id FROM codes WHERE project_id = 1 AND name = ?", name);
  const researcher = id("SELECT id FROM users WHERE email = ?", identities.researcher);
  /** Exports through the pipeline as the researcher, unzipped. */
  const exportAs = async (request: ExportRequest, out: string): Promise<{ manifest: Manifest; entries: Record<string, Uint8Array> }> => {
    const services = { db, codebook: loadCodebook(), config: { databasePath: file, dataDir }, secrets: { pseudonymKey: "test-pseudonym-key" } };
    const { manifest } = await createExport(services, request, { id: researcher, name: "Forsker Demosen", via: "cli" }, { requestKey: path.basename(out), out });
    return { manifest, entries: unzipSync(readFileSync(out)) };
  };
  return { db, sqlite, id, code, researcher, js: id("SELECT id FROM users WHERE email = ?", identities.jsA), exportAs };
}

/** Every Coding by a coder (not Medforsker's pre-coding) in project.qde: its selection's text, the code's name and the coder's name. */
export function projectCodings(qde: string, summary: QdeSummary): { text: string; code: string; user: string }[] {
  const users = new Map([...qde.matchAll(/<User guid="([^"]+)" name="([^"]*)"/g)].map((m) => [m[1], m[2]]));
  const codeNames = new Map([...qde.matchAll(/<Code guid="([^"]+)" name="([^"]*)"/g)].map((m) => [m[1], m[2]]));
  const codings: { text: string; code: string; user: string }[] = [];
  let i = 0;
  for (const s of qde.matchAll(/<PlainTextSelection [^>]*>([\s\S]*?)<\/PlainTextSelection>/g)) {
    const selection = summary.selections[i++];
    for (const c of s[1].matchAll(/<Coding guid="[^"]+" creatingUser="([^"]+)"[^>]*><CodeRef targetGUID="([^"]+)"/g)) {
      const user = users.get(c[1])!;
      if (user !== "Medforsker") codings.push({ text: selection.text, code: codeNames.get(c[2])!, user });
    }
  }
  return codings;
}

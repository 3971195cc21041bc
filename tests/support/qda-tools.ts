// Judges of the NVivo-side exports: xmllint (libxml2) validates project.qde against the REFI-QDA
// Project schema copied into tests/fixtures/refi-qda (MIT), and a reference check does what the
// schema cannot (every GUID unique, every targetGUID resolving, every internal:// path present,
// every selection inside its text). Missing tools fail the test, never skip it.
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { assertJudges } from "./judges";

export const PROJECT_XSD = new URL("../fixtures/refi-qda/Project-mrt2019.xsd", import.meta.url).pathname;

export function assertXmllintInstalled(): void {
  assertJudges("xmllint");
}

/** xmllint --schema; throws with its output unless the file validates. */
export function validateQde(file: string): void {
  assertXmllintInstalled();
  const run = spawnSync("xmllint", ["--noout", "--nonet", "--schema", PROJECT_XSD, file], { encoding: "utf8" });
  if (run.status !== 0 || !/validates/.test(run.stderr)) throw new Error(`xmllint refused ${file} (exit ${run.status}):\n${run.stderr}`);
}

export interface Qdpx {
  readonly entries: string[];
  readonly qde: string;
  readonly sources: Map<string, string>;
}

/** Unzips a .qdpx (bytes) and writes its project.qde to `dir` for xmllint. */
export function openQdpx(bytes: Uint8Array, dir: string): Qdpx & { qdeFile: string } {
  const files = unzipSync(bytes);
  const entries = Object.keys(files);
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const qde = decoder.decode(files["project.qde"]);
  const sources = new Map<string, string>();
  for (const name of entries) if (name.startsWith("sources/")) sources.set(name.slice("sources/".length), decoder.decode(files[name]));
  const qdeFile = join(dir, "project.qde");
  writeFileSync(qdeFile, qde);
  return { entries, qde, sources, qdeFile };
}

const attr = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];

function decodeXml(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
}

export interface QdeSelection {
  readonly source: string;
  readonly name: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly codes: string[];
}

export interface QdeSummary {
  readonly codes: Map<string, string>;
  readonly variables: Map<string, string>;
  readonly cases: { name: string; sources: string[]; values: Map<string, string> }[];
  readonly sourceNames: Map<string, string>;
  readonly selections: QdeSelection[];
}

/**
 * Reads project.qde and checks what the schema does not: unique GUIDs, resolving references,
 * internal:// paths present in sources/, flat sources/, selections within their text (code
 * points). Throws on the first problem.
 */
export function checkQdpx(q: Qdpx): QdeSummary {
  if (!q.entries.includes("project.qde")) throw new Error("no project.qde at the root of the .qdpx");
  for (const e of q.entries) if (e !== "project.qde" && !/^sources\/[^/]+$/.test(e)) throw new Error(`unexpected entry ${e}`);
  const guids = [...q.qde.matchAll(/\bguid="([^"]+)"/g)].map((m) => m[1].toLowerCase());
  const dup = guids.find((g, i) => guids.indexOf(g) !== i);
  if (dup) throw new Error(`GUID ${dup} is used twice`);
  const codes = new Map([...q.qde.matchAll(/<Code [^>]*>/g)].map((m) => [attr(m[0], "guid")!.toLowerCase(), decodeXml(attr(m[0], "name")!)]));
  const variables = new Map([...q.qde.matchAll(/<Variable [^>]*>/g)].map((m) => [attr(m[0], "guid")!.toLowerCase(), decodeXml(attr(m[0], "name")!)]));
  const users = new Set([...q.qde.matchAll(/<User [^>]*>/g)].map((m) => attr(m[0], "guid")!.toLowerCase()));
  const sourceNames = new Map<string, string>();
  const selections: QdeSelection[] = [];
  for (const m of q.qde.matchAll(/<TextSource ([^>]*)>([\s\S]*?)<\/TextSource>/g)) {
    const head = m[1];
    const guid = attr(head, "guid")!.toLowerCase();
    const path = attr(head, "plainTextPath");
    if (!path?.startsWith("internal://")) throw new Error(`source ${guid} has no internal:// path`);
    const text = q.sources.get(path.slice("internal://".length));
    if (text === undefined) throw new Error(`${path} is not in sources/`);
    if (text.includes("\r")) throw new Error(`${path} has CR line ends`);
    if (text !== text.normalize("NFC")) throw new Error(`${path} is not NFC`);
    sourceNames.set(guid, decodeXml(attr(head, "name") ?? ""));
    const points = [...text];
    for (const s of m[2].matchAll(/<PlainTextSelection ([^>]*)>([\s\S]*?)<\/PlainTextSelection>/g)) {
      const start = Number(attr(s[1], "startPosition"));
      const end = Number(attr(s[1], "endPosition"));
      if (!(start >= 0 && end > start && end <= points.length)) throw new Error(`selection ${start}-${end} outside ${path} (${points.length} code points)`);
      const codeRefs = [...s[2].matchAll(/<CodeRef targetGUID="([^"]+)"/g)].map((c) => c[1].toLowerCase());
      for (const c of codeRefs) if (!codes.has(c)) throw new Error(`CodeRef ${c} does not resolve`);
      selections.push({ source: guid, name: decodeXml(attr(s[1], "name") ?? ""), start, end, text: points.slice(start, end).join(""), codes: codeRefs.map((c) => codes.get(c)!) });
    }
  }
  for (const m of q.qde.matchAll(/(?:creatingUser|creatingUserGUID)="([^"]+)"/g)) if (!users.has(m[1].toLowerCase())) throw new Error(`user ${m[1]} does not resolve`);
  for (const m of q.qde.matchAll(/<VariableRef targetGUID="([^"]+)"/g)) if (!variables.has(m[1].toLowerCase())) throw new Error(`VariableRef ${m[1]} does not resolve`);
  for (const m of q.qde.matchAll(/<SourceRef targetGUID="([^"]+)"/g)) if (!sourceNames.has(m[1].toLowerCase())) throw new Error(`SourceRef ${m[1]} does not resolve`);
  if (q.sources.size !== sourceNames.size) throw new Error(`${q.sources.size} files in sources/ but ${sourceNames.size} text sources`);
  const cases = [...q.qde.matchAll(/<Case ([^>]*)>([\s\S]*?)<\/Case>/g)].map((m) => ({
    name: decodeXml(attr(m[1], "name") ?? ""),
    sources: [...m[2].matchAll(/<SourceRef targetGUID="([^"]+)"/g)].map((s) => s[1].toLowerCase()),
    values: new Map(
      [...m[2].matchAll(/<VariableValue><VariableRef targetGUID="([^"]+)"\/><(?:TextValue|IntegerValue)>([^<]*)</g)].map((v) => [variables.get(v[1].toLowerCase())!, decodeXml(v[2])]),
    ),
  }));
  return { codes, variables, cases, sourceNames, selections };
}

export function readText(file: string): string {
  return readFileSync(file, "utf8");
}

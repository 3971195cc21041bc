// The codebook: every instrument definition under surveys/, read once, validated and compiled
// into read-only plain objects (architecture pattern 1). Every consumer takes the compiled
// objects from here, never the files.
//
// Layout: surveys/<instrument-id>/v<version>.yaml (also .yml), one file per version.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { compileDefinitionText, type DefinitionProblem } from "./compile.server";
import type { CompiledInstrument, CompiledVariable } from "./types";

export type { DefinitionProblem } from "./compile.server";

/** One or more invalid definitions. The message names file, item and problem, one per line. */
export class DefinitionError extends Error {
  readonly problems: readonly DefinitionProblem[];
  constructor(problems: readonly DefinitionProblem[]) {
    super(
      problems.length === 1
        ? `Invalid instrument definition: ${formatProblem(problems[0])}`
        : `${problems.length} problems in instrument definitions:\n` +
            problems.map((p) => `  - ${formatProblem(p)}`).join("\n"),
    );
    this.name = "DefinitionError";
    this.problems = problems;
  }
}

export function formatProblem(problem: DefinitionProblem): string {
  return `${problem.file}: ${problem.item}: ${problem.problem}`;
}

export interface Codebook {
  /** Every instrument version, ordered by id then version. */
  list(): readonly CompiledInstrument[];
  /** The latest version of each instrument, ordered by id. */
  latest(): readonly CompiledInstrument[];
  /** One instrument; the latest version unless `version` is given. Undefined when unknown. */
  get(id: string, version?: number): CompiledInstrument | undefined;
  /** The versions of an instrument, ascending (empty when unknown). */
  versions(id: string): readonly number[];
  /** The expanded variables of an instrument version (latest by default); empty when unknown. */
  variables(id: string, version?: number): readonly CompiledVariable[];
  /** Adds a version published in the app (never one that exists). */
  add(instrument: CompiledInstrument): void;
}

export const DEFAULT_SURVEYS_DIR = "surveys";

const cache = new Map<string, Codebook>();

/**
 * Reads and compiles every definition under `dir` (default: ./surveys) once per directory;
 * later calls return the same codebook. Throws DefinitionError if any definition is invalid.
 */
export function loadCodebook(dir: string = DEFAULT_SURVEYS_DIR): Codebook {
  const root = path.resolve(dir);
  const cached = cache.get(root);
  if (cached) return cached;
  const { instruments, problems } = compileDirectory(root);
  if (problems.length > 0) throw new DefinitionError(problems);
  const codebook = createCodebook(instruments);
  cache.set(root, codebook);
  return codebook;
}

/** Forgets compiled codebooks (tests, or after editing definitions in development). */
export function clearCodebookCache(): void {
  cache.clear();
}

export function createCodebook(instruments: readonly CompiledInstrument[]): Codebook {
  let sorted: readonly CompiledInstrument[] = [];
  let byId = new Map<string, CompiledInstrument[]>();
  let latest: readonly CompiledInstrument[] = [];
  const index = (all: readonly CompiledInstrument[]) => {
    sorted = Object.freeze([...all].sort((a, b) => (a.id === b.id ? a.version - b.version : a.id < b.id ? -1 : 1)));
    byId = new Map();
    for (const instrument of sorted) {
      const list = byId.get(instrument.id) ?? [];
      list.push(instrument);
      byId.set(instrument.id, list);
    }
    latest = Object.freeze([...byId.values()].map((list) => list[list.length - 1]));
  };
  index(instruments);
  const get = (id: string, version?: number) => {
    const list = byId.get(id);
    if (!list) return undefined;
    return version === undefined ? list[list.length - 1] : list.find((i) => i.version === version);
  };
  return {
    list: () => sorted,
    latest: () => latest,
    get,
    versions: (id) => (byId.get(id) ?? []).map((i) => i.version),
    variables: (id, version) => get(id, version)?.variables ?? [],
    add(instrument) {
      if (get(instrument.id, instrument.version)) throw new Error(`${instrument.key} is already in the codebook`);
      index([...sorted, instrument]);
    },
  };
}

/** Every definition file under `root`: surveys/<id>/v<n>.yaml. */
function definitionFiles(root: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(root, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (!entry.isDirectory() || entry.name.startsWith(".") || entry.name === "node_modules") continue;
    const dir = path.join(root, entry.name);
    for (const name of readdirSync(dir).sort()) {
      if (/\.ya?ml$/i.test(name) && statSync(path.join(dir, name)).isFile()) files.push(path.join(dir, name));
    }
  }
  return files;
}

function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return (relative.startsWith("..") ? file : relative).split(path.sep).join("/");
}

/** Compiles every definition under `root`, collecting all problems. */
export function compileDirectory(root: string): {
  instruments: CompiledInstrument[];
  problems: DefinitionProblem[];
} {
  const instruments: CompiledInstrument[] = [];
  const problems: DefinitionProblem[] = [];
  let files: string[];
  try {
    files = definitionFiles(root);
  } catch (error) {
    problems.push({ file: displayPath(root), item: "directory", problem: `cannot read: ${(error as Error).message}` });
    return { instruments, problems };
  }
  if (files.length === 0) {
    problems.push({
      file: displayPath(root),
      item: "directory",
      problem: "no instrument definitions found (expected <instrument-id>/v<version>.yaml)",
    });
  }
  const seen = new Map<string, string>();
  for (const absolute of files) {
    const file = displayPath(absolute);
    const result = compileDefinitionText(readFileSync(absolute, "utf8"), file);
    problems.push(...result.problems);
    const instrument = result.instrument;
    if (!instrument) continue;
    const dirName = path.basename(path.dirname(absolute));
    const expectedName = `v${instrument.version}`;
    const baseName = path.basename(absolute).replace(/\.ya?ml$/i, "");
    let placed = true;
    if (dirName !== instrument.id) {
      problems.push({ file, item: "id", problem: `id "${instrument.id}" does not match its folder "${dirName}"` });
      placed = false;
    }
    if (baseName !== expectedName) {
      problems.push({
        file,
        item: "version",
        problem: `version ${instrument.version} does not match the file name; name the file ${expectedName}.yaml`,
      });
      placed = false;
    }
    const previous = seen.get(instrument.key);
    if (previous) {
      problems.push({ file, item: "version", problem: `${instrument.key} is also defined in ${previous}` });
      placed = false;
    }
    seen.set(instrument.key, file);
    if (placed) instruments.push(instrument);
  }
  return { instruments, problems };
}

/**
 * A human-readable check of every definition, for the `check-instruments` CLI command:
 * `ok` is false when any definition is invalid; `report` lists the instruments or problems.
 */
export function checkInstruments(dir: string = DEFAULT_SURVEYS_DIR): { ok: boolean; report: string } {
  const root = path.resolve(dir);
  const { instruments, problems } = compileDirectory(root);
  const lines: string[] = [];
  for (const instrument of [...instruments].sort((a, b) => (a.key < b.key ? -1 : 1))) {
    const items = instrument.sections.reduce((n, s) => n + s.items.length, 0);
    const byRole = (role: string) => instrument.variables.filter((v) => v.disclosure === role).length;
    lines.push(
      `ok  ${instrument.key}  ${instrument.title.en} (${instrument.source}): ` +
        `${plural(instrument.sections.length, "section")}, ${plural(items, "item")}, ${plural(instrument.variables.length, "variable")}` +
        `, ${plural(instrument.conditions.length, "condition")}` +
        `; disclosure: ${byRole("direct_identifier")} direct, ${byRole("quasi_identifier")} quasi, ` +
        `${byRole("free_text")} free text`,
    );
  }
  for (const problem of problems) lines.push(`ERROR  ${formatProblem(problem)}`);
  const ok = problems.length === 0;
  lines.push(
    ok
      ? `${instruments.length} instrument definitions are valid.`
      : `${problems.length} problem${problems.length === 1 ? "" : "s"} found; fix the definitions above.`,
  );
  return { ok, report: lines.join("\n") };
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

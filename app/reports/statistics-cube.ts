// Every number the statistics page can show, for one status date, as linked cubes: each table is
// rows (categories, "not answered", N, sums, the population) × case projects under programmes
// under the total. A view of the page (a case project, a programme, everyone) is a slice of these
// cubes, and one suppression pattern (app/disclosure) serves every view, so subtracting one view
// from another opens nothing. A table that cannot be protected per case project is shown per
// programme only; one that cannot be protected per programme, in total only. Pure.
import { programmes, type Programme } from "../../db/schema";
import { Cube, dimension, type Dimension } from "~/disclosure/cube";
import { suppress, type Link, type TableSpec as EngineTable } from "~/disclosure/suppress";
import type { Answers } from "~/instruments/types";
import { COMPARE_ROWS, NEEDS_ITEMS, frequencySpecs, isInWork, num, STATUS_GROUPS, type InstrumentCodes, type StatisticsRecord } from "./statistics";

export interface CubeRecord extends StatisticsRecord {
  readonly caseProjectId: number;
  /** "YYYY-MM": when the job specialist took the participant over. */
  readonly startMonth: string;
}

export interface CubeInput {
  readonly records: readonly CubeRecord[];
  readonly caseProjects: readonly { readonly id: number; readonly programme: Programme }[];
  /** Case project of each participant who withdrew consent. */
  readonly withdrawn: readonly number[];
  readonly codes: InstrumentCodes;
  readonly k: number;
}

/** One cube: a table of the page (or several that share rows, like the status groups and codes). */
export interface Model {
  readonly id: string;
  readonly population: "all" | "inWork";
  readonly rows: Dimension;
  readonly cube: Cube;
  /** The finest column level the table is shown at ("none": not shown). */
  readonly level: Level;
  /** 1 where a cell is hidden (or not shown at this level). */
  readonly hidden: Uint8Array;
}

export interface StatisticsCube {
  readonly k: number;
  readonly columns: Dimension;
  readonly models: ReadonlyMap<string, Model>;
  readonly withdrawn: Model;
  readonly primary: number;
  readonly secondary: number;
  /** The ten most common countries of the whole project (the same rows in every view), and how many others. */
  readonly countries: { readonly top: readonly number[]; readonly others: number };
  readonly records: readonly CubeRecord[];
  readonly programmeOf: ReadonlyMap<number, Programme>;
}

export const caseKey = (id: number) => `case:${id}`;
const POP = "pop";
const MISSING = "missing";
const N = "N";

interface RowModel {
  readonly id: string;
  readonly population: "all" | "inWork";
  readonly leaves: readonly string[];
  readonly sums: readonly { key: string; of: readonly string[] }[];
  /** The leaves a record counts in. */
  readonly classify: (answers: Answers) => readonly string[];
  /** Rows always shown: the population and "not answered". */
  readonly fixed: readonly string[];
  /** Its population is the number in work (a row of the status table). */
  readonly mirrorsWork?: boolean;
  /** Rows never shown. */
  readonly unpublished?: readonly string[];
  /** Rows shown while the population is shown (in-work tables: N and "not answered"). */
  readonly pinned?: readonly string[];
  readonly inequalities?: readonly (readonly [string, number])[][];
  /**
   * The least value of one cell, as the page tells it: the "other countries" row of the whole
   * project holds at least as many people as its label counts countries.
   */
  readonly lowerBound?: { readonly row: string; readonly value: number };
}

function rowModels(input: CubeInput, topCountries: readonly number[], others: number): RowModel[] {
  const { codes } = input;
  const models: RowModel[] = [];
  for (const spec of frequencySpecs(codes)) {
    if (spec.id === "statusGroup") continue;
    const categories = spec.categories.map((c) => c.key);
    const sums = (spec.summaries ?? []).filter((s) => s.of);
    const alone = (spec.summaries ?? []).filter((s) => !s.of);
    const extraSums = spec.id === "status" ? STATUS_GROUPS.map((g) => ({ key: `group:${g.key}`, of: g.codes.map(String).filter((c) => categories.includes(c)) })) : [];
    models.push({
      id: spec.id,
      population: spec.population,
      leaves: [...categories, MISSING, ...alone.map((s) => s.key)],
      sums: [...sums.map((s) => ({ key: s.key, of: s.of! })), ...extraSums, { key: N, of: categories }, { key: POP, of: [...categories, MISSING] }],
      classify: (a) => {
        const category = spec.classify(a);
        return [category ?? MISSING, ...alone.filter((s) => category !== null && s.test(a)).map((s) => s.key)];
      },
      // The base of a table (the reports, N and "not answered") is shown; in an in-work table the
      // base is the number in work, a cell of the status table, and is hidden with it.
      fixed: spec.population === "inWork" ? [] : [POP, N, MISSING],
      pinned: spec.population === "inWork" ? [N, MISSING] : [],
      inequalities: alone.map((s) => [[s.key, 1] as const, ...(s.atMost ?? []).map((c) => [c, -1] as const)]),
    });
  }
  // Countries: the same ten rows in every view, the rest as "other".
  const top = topCountries.map(String);
  models.push({
    id: "countries",
    population: "all",
    leaves: [...top, "other", MISSING],
    sums: [
      { key: N, of: [...top, "other"] },
      { key: POP, of: [...top, "other", MISSING] },
    ],
    classify: (a) => {
      const v = num(a, "hjemland");
      return [v === null ? MISSING : top.includes(String(v)) ? String(v) : "other"];
    },
    fixed: [POP, N, MISSING],
    lowerBound: { row: "other", value: others },
  });
  // Assistance needs: one cube for the three items, which share their base (reports tagged at all).
  const flags = NEEDS_ITEMS.flatMap((item) => codes.flags(item));
  models.push({
    id: "needs",
    population: "all",
    leaves: [...flags.map((f) => f.variable), N, MISSING],
    sums: [{ key: POP, of: [N, MISSING] }],
    classify: (a) => {
      const tagged = flags.filter((f) => a[f.variable] === 1).map((f) => f.variable);
      return [...tagged, tagged.length ? N : MISSING];
    },
    fixed: [POP, N, MISSING],
    inequalities: flags.map((f) => [[f.variable, 1] as const, [N, -1] as const]),
  });
  // Those in work compared with everyone: per row, yes / no / not answered among those in work
  // (their sum is the number in work; "not answered" is never shown), bounded by yes among all.
  for (const row of COMPARE_ROWS) {
    models.push({
      id: `compare:${row.key}`,
      population: "all",
      mirrorsWork: true,
      leaves: ["yes", "no", "unanswered", "yesAll"],
      sums: [
        { key: "n", of: ["yes", "no"] },
        { key: POP, of: ["yes", "no", "unanswered"] },
      ],
      classify: (a) => {
        const value = row.test(a);
        const out: string[] = value === true ? ["yesAll"] : [];
        if (isInWork(a)) out.push(value === null ? "unanswered" : value ? "yes" : "no");
        return out;
      },
      fixed: ["yesAll"],
      unpublished: ["unanswered"],
      inequalities: [
        [
          ["yes", 1],
          ["yesAll", -1],
        ],
      ],
    });
  }
  return models;
}

/** Column levels, finest first: a table is shown down to the finest level it can be protected at. */
export const LEVELS = ["case", "programme", "total"] as const;
export type Level = (typeof LEVELS)[number] | "none";

export function levelOf(columns: Dimension, col: number): (typeof LEVELS)[number] {
  const key = columns.codes[col].key;
  return key === "total" ? "total" : key.startsWith("case:") ? "case" : "programme";
}

/** Is a column shown by a table shown down to `level`? */
export function shownAt(level: Level, columns: Dimension, col: number): boolean {
  return level !== "none" && LEVELS.indexOf(levelOf(columns, col)) >= LEVELS.indexOf(level);
}

/** The whole cube for one status date, suppressed. */
export function buildStatisticsCube(input: CubeInput): StatisticsCube {
  const { records, k } = input;
  const caseProjects = [...input.caseProjects].sort((a, b) => a.id - b.id);
  const present = programmes.filter((p) => caseProjects.some((c) => c.programme === p));
  const columns = dimension(
    "column",
    caseProjects.map((c) => caseKey(c.id)),
    [...present.map((p) => ({ key: p, of: caseProjects.filter((c) => c.programme === p).map((c) => caseKey(c.id)) })), { key: "total", of: caseProjects.map((c) => caseKey(c.id)) }],
  );
  const caseLeaf = new Map(caseProjects.map((c, i) => [c.id, i]));
  const programmeOf = new Map(caseProjects.map((c) => [c.id, c.programme]));

  // Country ranking of the whole project, as the unfiltered page shows it.
  const countryCounts = new Map<number, number>();
  for (const r of records) {
    const v = num(r.answers, "hjemland");
    if (v !== null) countryCounts.set(v, (countryCounts.get(v) ?? 0) + 1);
  }
  const ranked = [...countryCounts].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([code]) => code);
  const countries = { top: ranked.slice(0, 10), others: Math.max(0, ranked.length - 10) };
  const colWeight = (col: number) => [1, 2, 4][LEVELS.indexOf(levelOf(columns, col))];

  const built = rowModels(input, countries.top, countries.others).map((m) => {
    const rows = dimension(m.id, m.leaves, m.sums);
    const counts = new Map<string, number>();
    for (const r of records) {
      if (m.population === "inWork" && !isInWork(r.answers)) continue;
      for (const leaf of m.classify(r.answers)) {
        const key = `${m.leaves.indexOf(leaf)},${caseLeaf.get(r.caseProjectId)}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
    const cube = new Cube([rows, columns], (leaves) => counts.get(leaves.join(",")) ?? 0);
    const fixedRows = new Set(m.fixed.map((key) => rows.codes.findIndex((c) => c.key === key)));
    const pinnedRows = new Set((m.pinned ?? []).map((key) => rows.codes.findIndex((c) => c.key === key)));
    const unpublishedRows = new Set((m.unpublished ?? []).map((key) => rows.codes.findIndex((c) => c.key === key)));
    const sumRows = new Set(rows.codes.map((c, i) => (c.leaves.length > 1 || rows.codes[c.leaves[0]] !== c ? i : -1)).filter((i) => i >= 0));
    const lowerBound = m.lowerBound ? { cell: cube.at([m.lowerBound.row, "total"]), value: m.lowerBound.value } : null;
    const engine = (level: Level): EngineTable => ({
      id: m.id,
      cube,
      fixed: (cell) => {
        const [row, col] = cube.coords(cell);
        return fixedRows.has(row) && shownAt(level, columns, col);
      },
      pinned: (cell) => {
        const [row, col] = cube.coords(cell);
        return pinnedRows.has(row) && shownAt(level, columns, col);
      },
      unpublished: (cell) => {
        const [row, col] = cube.coords(cell);
        return unpublishedRows.has(row) || !shownAt(level, columns, col);
      },
      lowerBound: (cell) => (cell === lowerBound?.cell ? lowerBound.value : 0),
      weight: (cell) => {
        const [row, col] = cube.coords(cell);
        return (sumRows.has(row) ? 2 : 1) * colWeight(col);
      },
      inequalities: (m.inequalities ?? []).map((terms) => ({ terms: terms.map(([key, coef]) => ({ code: rows.codes.findIndex((c) => c.key === key), coef })) })),
    });
    return { m, rows, cube, engine };
  });

  // Withdrawn consent: per case project and in total (not by programme).
  const withdrawnRows = dimension("withdrawn", ["withdrawn"]);
  const withdrawnCube = new Cube([withdrawnRows, columns], ([, col]) => input.withdrawn.filter((id) => caseLeaf.get(id) === col).length);
  const withdrawnEngine = (level: Level): EngineTable => ({
    id: "withdrawn",
    cube: withdrawnCube,
    unpublished: (cell) => {
      const col = withdrawnCube.coords(cell)[1];
      return levelOf(columns, col) === "programme" || !shownAt(level, columns, col);
    },
  });

  // The number in work is the population of every in-work table: those tables are protected together.
  const statusRows = built.find((b) => b.m.id === "status")!.rows;
  const work = statusRows.codes.findIndex((c) => c.key === "group:work");
  const linked = built.filter((b) => b.m.population === "inWork" || b.m.mirrorsWork);
  const links: Link[] = linked.map((b) => ({ from: "status", fromRow: work, to: b.m.id, toRow: b.rows.codes.findIndex((c) => c.key === POP) }));
  const groups: { ids: string[]; specs: (level: Level) => EngineTable[]; links: Link[] }[] = [
    ...built
      .filter((b) => b.m.id !== "status" && !linked.includes(b))
      .map((b) => ({ ids: [b.m.id], specs: (level: Level) => [b.engine(level)], links: [] as Link[] })),
    {
      ids: ["status", ...linked.map((b) => b.m.id)],
      specs: (level: Level) => [built.find((b) => b.m.id === "status")!.engine(level), ...linked.map((b) => b.engine(level))],
      links,
    },
    { ids: ["withdrawn"], specs: (level: Level) => [withdrawnEngine(level)], links: [] },
  ];

  // Each group at the finest level at which every hidden cell keeps its witness.
  const hidden = new Map<string, Uint8Array>();
  const levels = new Map<string, Level>();
  let primary = 0;
  let secondary = 0;
  for (const group of groups) {
    let done = false;
    for (const level of LEVELS) {
      const result = suppress(group.specs(level), group.links, k);
      if (result.withheld.size) continue;
      for (const id of group.ids) {
        hidden.set(id, result.hidden.get(id)!);
        levels.set(id, level);
      }
      primary += result.primary;
      secondary += result.secondary;
      done = true;
      break;
    }
    if (!done) {
      for (const spec of group.specs("none")) {
        hidden.set(spec.id, new Uint8Array(spec.cube.size).fill(1));
        levels.set(spec.id, "none");
      }
    }
  }

  const models = new Map<string, Model>(
    built.map((b) => [b.m.id, { id: b.m.id, population: b.m.population, rows: b.rows, cube: b.cube, level: levels.get(b.m.id)!, hidden: hidden.get(b.m.id)! }]),
  );
  return {
    k,
    columns,
    models,
    withdrawn: { id: "withdrawn", population: "all", rows: withdrawnRows, cube: withdrawnCube, level: levels.get("withdrawn")!, hidden: hidden.get("withdrawn")! },
    primary,
    secondary,
    countries,
    records,
    programmeOf,
  };
}

/** Whether a cell of a model is hidden. */
export function isHidden(cube: StatisticsCube, model: string, keys: readonly string[]): boolean {
  const m = model === "withdrawn" ? cube.withdrawn : cube.models.get(model)!;
  return m.hidden[m.cube.at(keys)] === 1;
}

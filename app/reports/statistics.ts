// Descriptive statistics of the participant reports, the first look the AFI report took in SPSS
// (instruments.md §6.4): frequency tables per programme with N, bands of the numeric answers
// with mean and median, and the in-work group beside everyone. Pure: records in, raw counts
// out. Small cells are hidden later, when the tables are shown (suppression.ts).
import type { Programme } from "../../db/schema";
import { programmes } from "../../db/schema";
import type { Answers } from "~/instruments/types";

export interface StatisticsRecord {
  readonly programme: Programme;
  readonly answers: Answers;
}

export type ColumnKey = Programme | "total" | "all" | "inWork";

/** A row label: an answer option of the instrument, or interface text (resolved when shown). */
export type Label =
  | { readonly option: { readonly variable: string; readonly code: number } }
  /** An option of a multiple-choice item (its own 0/1 variable). */
  | { readonly flag: { readonly item: string; readonly code: number } }
  | { readonly key: string; readonly params?: Readonly<Record<string, string | number>> };

export interface TableRow {
  readonly key: string;
  readonly label: Label;
  readonly counts: readonly number[];
  /** The row's own base per column, when it differs from the table's (comparisons). */
  readonly n?: readonly number[];
}

export interface NumericSummary {
  readonly n: readonly number[];
  readonly mean: readonly (number | null)[];
  readonly median: readonly (number | null)[];
}

export interface StatTable {
  readonly id: string;
  /** Whom the table counts: every report, or only those in work. */
  readonly population: "all" | "inWork";
  readonly columns: readonly ColumnKey[];
  readonly rows: readonly TableRow[];
  /** Valid answers per column: the base of the percentages. */
  readonly n: readonly number[];
  /** Not answered per column. */
  readonly missing: readonly number[];
  /** Shares of particular interest (e.g. "A2+ or lower"), of the same base. */
  readonly summaries: readonly TableRow[];
  readonly numeric: NumericSummary | null;
  /** Countries: how many different values per column. */
  readonly distinct: readonly number[] | null;
}

export interface ReportStatistics {
  readonly reports: number;
  readonly inWork: number;
  readonly columns: readonly ColumnKey[];
  readonly tables: readonly StatTable[];
}

// Value groups, from instruments.md §6.3 and §6.4 ------------------------------------------

/** "Arbeid" in the 99 of 202: discharged into work, on leave because of work, in employment and
 * still followed up, and "i jobb med etteroppfølging" (the statuses that open the outcome section). */
export const WORK_STATUSES: readonly number[] = [2, 6, 7, 8];

export const STATUS_GROUPS: readonly { key: string; codes: readonly number[] }[] = [
  { key: "work", codes: WORK_STATUSES },
  { key: "followUp", codes: [1, 3, 9] },
  { key: "profiling", codes: [10] },
  { key: "school", codes: [4, 11] },
  { key: "health", codes: [12] },
  { key: "unknown", codes: [5] },
];

export const NORWEGIAN_GROUPS: readonly { key: string; codes: readonly number[] }[] = [
  { key: "none", codes: [1] },
  { key: "belowA1", codes: [2] },
  { key: "a1", codes: [3, 4] },
  { key: "a2", codes: [5] },
  { key: "a2plus", codes: [6] },
  { key: "b1", codes: [7, 8] },
  { key: "b2", codes: [9, 10] },
];
/** "Svært lave norskkunnskaper": A2+ or lower (the report's 74 %). */
export const A_LEVEL_CODES: readonly number[] = [1, 2, 3, 4, 5, 6];

export interface Band {
  readonly key: string;
  readonly min: number;
  readonly max: number;
}
const band = (key: string, min: number, max = Number.POSITIVE_INFINITY): Band => ({ key, min, max });

export const AGE_BANDS: readonly Band[] = [band("under25", 0, 24), band("25to34", 25, 34), band("35to44", 35, 44), band("45to54", 45, 54), band("55plus", 55)];
export const SCHOOLING_BANDS: readonly Band[] = [band("0to6", 0, 6), band("7to9", 7, 9), band("10to12", 10, 12), band("13plus", 13)];
export const POSITION_BANDS: readonly Band[] = [band("under40", 0, 39), band("40to59", 40, 59), band("60to99", 60, 99), band("100", 100, 100)];
export const MONTHS_TO_WORK_BANDS: readonly Band[] = [band("0to3", 0, 3), band("4to6", 4, 6), band("7to12", 7, 12), band("13to24", 13, 24), band("25plus", 25)];
export const CHILDREN_BANDS: readonly Band[] = [band("0", 0, 0), band("1to2", 1, 2), band("3plus", 3)];

/** Marital statuses without a partner: single, divorced/separated, widowed. */
const WITHOUT_PARTNER = [2, 3, 4];

// Helpers ----------------------------------------------------------------------------------

export function num(answers: Answers, name: string): number | null {
  const v = answers[name];
  return typeof v === "number" && Number.isFinite(v) && v >= 0 ? v : null;
}

export function isInWork(answers: Answers): boolean {
  const status = num(answers, "status");
  return status !== null && WORK_STATUSES.includes(status);
}

/** Work experience from the home country in the report's bands: none, < 1 year, 1–4, ≥ 5 years. */
export function workExperienceBand(answers: Answers): "none" | "under1" | "1to4" | "5plus" | "1plusUnknown" | null {
  const choice = num(answers, "arbeidserf_hjemland");
  const years = num(answers, "arbeidserf_hjemland_aar");
  if (choice === 1) return "none";
  if (choice === 2) return "under1";
  if (years !== null && years >= 5) return "5plus";
  if (years !== null && years >= 1) return "1to4";
  if (choice === 3) return "1plusUnknown";
  return null;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function mean(values: readonly number[]): number | null {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

type Group = { readonly key: ColumnKey; readonly records: readonly StatisticsRecord[] };

export interface TableSpec {
  readonly id: string;
  readonly population: "all" | "inWork";
  /** Categories in order: a key and a label each. */
  readonly categories: readonly { key: string; label: Label }[];
  /** The category of a record's answers, or null when not answered. */
  readonly classify: (answers: Answers) => string | null;
  /**
   * Shares of particular interest: the sum of some categories (`of`), or a count of its own that
   * can be at most the sum of some categories (`atMost`).
   */
  readonly summaries?: readonly { key: string; label: Label; test: (answers: Answers) => boolean; of?: readonly string[]; atMost?: readonly string[] }[];
  /** For numeric variables: the value for mean and median. */
  readonly value?: (answers: Answers) => number | null;
}

function buildTable(spec: TableSpec, groups: readonly Group[]): StatTable {
  const perGroup = groups.map((g) => (spec.population === "inWork" ? g.records.filter((r) => isInWork(r.answers)) : g.records));
  const classified = perGroup.map((records) => records.map((r) => ({ r, category: spec.classify(r.answers) })));
  const n = classified.map((list) => list.filter((x) => x.category !== null).length);
  const missing = perGroup.map((records, i) => records.length - n[i]);
  const rows = spec.categories.map((c) => ({
    key: c.key,
    label: c.label,
    counts: classified.map((list) => list.filter((x) => x.category === c.key).length),
  }));
  const summaries = (spec.summaries ?? []).map((s) => ({
    key: s.key,
    label: s.label,
    counts: classified.map((list) => list.filter((x) => x.category !== null && s.test(x.r.answers)).length),
  }));
  let numeric: NumericSummary | null = null;
  if (spec.value) {
    const values = perGroup.map((records) => records.map((r) => spec.value!(r.answers)).filter((v): v is number => v !== null));
    numeric = { n: values.map((v) => v.length), mean: values.map(mean), median: values.map(median) };
  }
  return { id: spec.id, population: spec.population, columns: groups.map((g) => g.key), rows, n, missing, summaries, numeric, distinct: null };
}

const optionLabel = (variable: string, code: number): Label => ({ option: { variable, code } });
const textLabel = (key: string, params?: Record<string, string | number>): Label => ({ key, params });

function choiceSpec(id: string, variable: string, codes: readonly number[], population: "all" | "inWork" = "all"): TableSpec {
  return {
    id,
    population,
    categories: codes.map((code) => ({ key: String(code), label: optionLabel(variable, code) })),
    classify: (a) => {
      const v = num(a, variable);
      return v !== null && codes.includes(v) ? String(v) : null;
    },
  };
}

function bandSpec(id: string, variable: string, bands: readonly Band[], population: "all" | "inWork" = "all"): TableSpec {
  return {
    id,
    population,
    categories: bands.map((b) => ({ key: b.key, label: textLabel(`reports.band.${id}.${b.key}`) })),
    classify: (a) => {
      const v = num(a, variable);
      return v === null ? null : (bands.find((b) => v >= b.min && v <= b.max)?.key ?? null);
    },
    value: (a) => num(a, variable),
  };
}

function groupSpec(id: string, variable: string, groups: readonly { key: string; codes: readonly number[] }[]): TableSpec {
  return {
    id,
    population: "all",
    categories: groups.map((g) => ({ key: g.key, label: textLabel(`reports.group.${id}.${g.key}`) })),
    classify: (a) => {
      const v = num(a, variable);
      return v === null ? null : (groups.find((g) => g.codes.includes(v))?.key ?? null);
    },
  };
}

// The tables -------------------------------------------------------------------------------

export interface InstrumentCodes {
  /** Option codes per single-choice variable, in the instrument's order. */
  readonly options: (variable: string) => readonly number[];
  /** The 0/1 variables of a multiple-choice item, with their option codes. */
  readonly flags: (item: string) => readonly { readonly code: number; readonly variable: string }[];
}

/** The assistance-needs items (§9.3, Tabell 6): tagging is optional, so the base is the reports tagged at all. */
export const NEEDS_ITEMS = ["behov_mikro", "behov_meso", "behov_makro"] as const;

function needsTables(groups: readonly Group[], codes: InstrumentCodes): StatTable[] {
  const all = NEEDS_ITEMS.flatMap((item) => codes.flags(item));
  const tagged = (a: Answers) => all.some((f) => a[f.variable] === 1);
  return NEEDS_ITEMS.map((item) =>
    buildTable(
      {
        id: item,
        population: "all",
        categories: [],
        classify: (a) => (tagged(a) ? "tagged" : null),
      },
      groups,
    ),
  ).map((table, i) => {
    const flags = codes.flags(NEEDS_ITEMS[i]);
    return {
      ...table,
      rows: flags.map((f) => ({
        key: String(f.code),
        label: { flag: { item: NEEDS_ITEMS[i], code: f.code } },
        counts: groups.map((g) => g.records.filter((r) => r.answers[f.variable] === 1).length),
      })),
    };
  });
}

const TOP_COUNTRIES = 10;

function countryTable(groups: readonly Group[]): StatTable {
  const counts = new Map<number, number[]>();
  groups.forEach((g, i) => {
    for (const r of g.records) {
      const code = num(r.answers, "hjemland");
      if (code === null) continue;
      const row = counts.get(code) ?? groups.map(() => 0);
      row[i] += 1;
      counts.set(code, row);
    }
  });
  const totalIndex = groups.length - 1;
  const ranked = [...counts.entries()].sort((a, b) => b[1][totalIndex] - a[1][totalIndex] || a[0] - b[0]);
  const top = ranked.slice(0, TOP_COUNTRIES);
  const rest = ranked.slice(TOP_COUNTRIES);
  const rows: TableRow[] = top.map(([code, c]) => ({ key: String(code), label: optionLabel("hjemland", code), counts: c }));
  if (rest.length) {
    rows.push({
      key: "other",
      label: textLabel("reports.countries.other", { count: rest.length }),
      counts: groups.map((_, i) => rest.reduce((s, [, c]) => s + c[i], 0)),
    });
  }
  const n = groups.map((_, i) => ranked.reduce((s, [, c]) => s + c[i], 0));
  return {
    id: "countries",
    population: "all",
    columns: groups.map((g) => g.key),
    rows,
    n,
    missing: groups.map((g, i) => g.records.length - n[i]),
    summaries: [],
    numeric: null,
    distinct: groups.map((_, i) => ranked.filter(([, c]) => c[i] > 0).length),
  };
}

/**
 * The comparison of those in work with everyone (§6.4): per row, true / false / not answered.
 * `source` names the table and row that count the same among everyone.
 */
export const COMPARE_ROWS: readonly { key: string; test: (a: Answers) => boolean | null; source: { table: string; row: string } }[] = [
  {
    key: "schooling10plus",
    test: (a) => {
      const v = num(a, "skolegang_aar");
      return v === null ? null : v >= 10;
    },
    source: { table: "schooling", row: "10plus" },
  },
  { key: "work5plus", test: (a) => (workExperienceBand(a) === null ? null : workExperienceBand(a) === "5plus"), source: { table: "workExperience", row: "5plus" } },
  { key: "noWork", test: (a) => (workExperienceBand(a) === null ? null : workExperienceBand(a) === "none"), source: { table: "workExperience", row: "none" } },
  {
    key: "aLevel",
    test: (a) => {
      const v = num(a, "norsknivaa");
      return v === null ? null : A_LEVEL_CODES.includes(v);
    },
    source: { table: "norwegian", row: "aLevel" },
  },
];

function comparisonTable(records: readonly StatisticsRecord[]): StatTable {
  const groups = [
    { key: "all" as const, records },
    { key: "inWork" as const, records: records.filter((r) => isInWork(r.answers)) },
  ];
  const row = (key: string, test: (a: Answers) => boolean | null): TableRow => {
    const valid = groups.map((g) => g.records.filter((r) => test(r.answers) !== null));
    return {
      key,
      label: textLabel(`reports.compare.${key}`),
      counts: valid.map((list) => list.filter((r) => test(r.answers) === true).length),
      n: valid.map((list) => list.length),
    };
  };
  return {
    id: "compare",
    population: "all",
    columns: groups.map((g) => g.key),
    rows: COMPARE_ROWS.map((r) => row(r.key, r.test)),
    n: groups.map((g) => g.records.length),
    missing: groups.map(() => 0),
    summaries: [],
    numeric: null,
    distinct: null,
  };
}

/** The frequency tables of the page (all but programme, countries, needs and the comparison), in page order. */
export function frequencySpecs(codes: InstrumentCodes): TableSpec[] {
  const statusCodes = codes.options("status");
  return [
    choiceSpec("gender", "kjonn", codes.options("kjonn")),
    bandSpec("age", "alder_overtatt", AGE_BANDS),
    {
      ...bandSpec("schooling", "skolegang_aar", SCHOOLING_BANDS),
      summaries: [
        { key: "under10", label: textLabel("reports.summary.schoolingUnder10"), test: (a) => (num(a, "skolegang_aar") ?? 99) < 10, of: ["0to6", "7to9"] },
        { key: "10plus", label: textLabel("reports.summary.schooling10plus"), test: (a) => (num(a, "skolegang_aar") ?? -1) >= 10, of: ["10to12", "13plus"] },
      ],
    },
    {
      ...groupSpec("norwegian", "norsknivaa", NORWEGIAN_GROUPS),
      summaries: [
        {
          key: "aLevel",
          label: textLabel("reports.summary.aLevel"),
          test: (a) => A_LEVEL_CODES.includes(num(a, "norsknivaa") ?? -1),
          of: NORWEGIAN_GROUPS.filter((g) => g.codes.every((c) => A_LEVEL_CODES.includes(c))).map((g) => g.key),
        },
      ],
    },
    groupSpec("statusGroup", "status", STATUS_GROUPS),
    choiceSpec("status", "status", statusCodes),
    choiceSpec("contract", "kontrakt", codes.options("kontrakt"), "inWork"),
    {
      ...bandSpec("position", "stillingsprosent", POSITION_BANDS, "inWork"),
      summaries: [{ key: "60plus", label: textLabel("reports.summary.position60plus"), test: (a) => (num(a, "stillingsprosent") ?? -1) >= 60, of: ["60to99", "100"] }],
    },
    choiceSpec("sector", "bransje", codes.options("bransje"), "inWork"),
    bandSpec("monthsToWork", "mnd_til_arbeid", MONTHS_TO_WORK_BANDS, "inWork"),
    {
      id: "workExperience",
      population: "all",
      categories: ["none", "under1", "1to4", "5plus", "1plusUnknown"].map((key) => ({ key, label: textLabel(`reports.band.workExperience.${key}`) })),
      classify: workExperienceBand,
    },
    choiceSpec("qualifications", "prof_kompetanse", codes.options("prof_kompetanse")),
    choiceSpec("recognised", "utd_godkjent", codes.options("utd_godkjent")),
    choiceSpec("norwegianWork", "arbeidserf_norge", codes.options("arbeidserf_norge")),
    choiceSpec("marital", "sivilstatus", codes.options("sivilstatus")),
    {
      ...bandSpec("children", "antall_barn", CHILDREN_BANDS),
      value: undefined,
      summaries: [
        {
          key: "singleMothers",
          label: textLabel("reports.summary.singleMothers"),
          test: (a) => num(a, "kjonn") === 1 && WITHOUT_PARTNER.includes(num(a, "sivilstatus") ?? -1) && (num(a, "antall_barn") ?? 0) >= 1,
          atMost: ["1to2", "3plus"],
        },
      ],
    },
  ];
}

/** Every table of the statistics page, from the records that apply (one per participant). */
export function computeReportStatistics(records: readonly StatisticsRecord[], codes: InstrumentCodes): ReportStatistics {
  const present = programmes.filter((p) => records.some((r) => r.programme === p));
  const groups: Group[] = present.map((p) => ({ key: p, records: records.filter((r) => r.programme === p) }));
  if (groups.length !== 1) groups.push({ key: "total", records });
  const columns = groups.map((g) => g.key);
  const build = (spec: TableSpec) => buildTable(spec, groups);

  const programmeCounts: StatTable = {
    id: "programme",
    population: "all",
    columns: ["total"],
    rows: programmes.map((p) => ({ key: p, label: textLabel(`programme.${p}`), counts: [records.filter((r) => r.programme === p).length] })),
    n: [records.length],
    missing: [0],
    summaries: [],
    numeric: null,
    distinct: null,
  };

  const specs = frequencySpecs(codes);
  const at = specs.findIndex((s) => s.id === "age");
  const tables: StatTable[] = [
    programmeCounts,
    build(specs[0]),
    countryTable(groups),
    ...specs.slice(at).map(build),
    ...needsTables(groups, codes),
    comparisonTable(records),
  ];
  return { reports: records.length, inWork: records.filter((r) => isInWork(r.answers)).length, columns, tables };
}

// The tables of the statistics page as they may be shown: one view (a case project, a programme
// or everyone) is a slice of the suppressed cubes (statistics-cube.ts). A hidden cell reads ":"
// (Statistics Norway's sign for "not shown for confidentiality") with no share; a share is shown
// only beside a base that is shown. Only these display cells reach the browser. Pure.
import type { Locale } from "~/i18n/locale";
import { programmes, type Programme } from "../../db/schema";
import { caseKey, shownAt, type Level, type Model, type StatisticsCube } from "./statistics-cube";
import { COMPARE_ROWS, NEEDS_ITEMS, frequencySpecs, num, STATUS_GROUPS, type ColumnKey, type InstrumentCodes, type Label } from "./statistics";

/** The sign of a hidden cell. */
export const HIDDEN = ":";

export interface DisplayCell {
  /** The count, or ":". */
  readonly text: string;
  /** The percentage, or null when hidden or without a shown base. */
  readonly percent: string | null;
  /** Share 0–1 for charts; null when hidden. */
  readonly share: number | null;
  readonly suppressed: boolean;
}

export interface DisplayRow {
  readonly key: string;
  readonly label: string;
  readonly cells: readonly DisplayCell[];
}

export interface DisplayTable {
  readonly id: string;
  readonly population: "all" | "inWork";
  readonly columns: readonly { readonly key: ColumnKey; readonly label: string }[];
  readonly rows: readonly DisplayRow[];
  readonly summaries: readonly DisplayRow[];
  readonly n: readonly DisplayCell[];
  readonly missing: readonly DisplayCell[] | null;
  readonly distinct: readonly string[] | null;
  /** Some cell of this view is hidden (the page says why, once per table). */
  readonly hidden: boolean;
  /** Not shown for this view: it is shown only down to this level. */
  readonly withheld: Level | null;
}

export interface View {
  readonly caseProject: number | null;
  readonly programme: Programme | null;
}

export interface PresentOptions {
  readonly locale: Locale;
  readonly label: (label: Label) => string;
  readonly column: (key: ColumnKey) => string;
  readonly codes: InstrumentCodes;
}

export interface PresentedView {
  readonly reports: DisplayCell;
  readonly inWork: DisplayCell;
  readonly withdrawn: DisplayCell;
  readonly tables: readonly DisplayTable[];
}

const formats = new Map<Locale, { percent: Intl.NumberFormat; integer: Intl.NumberFormat }>();
/** Made once per locale: a page formats a few thousand cells. */
function formatters(locale: Locale) {
  let f = formats.get(locale);
  if (!f) {
    const tag = locale === "nb" ? "nb-NO" : "en-GB";
    f = {
      percent: new Intl.NumberFormat(tag, { style: "percent", maximumFractionDigits: 0 }),
      integer: new Intl.NumberFormat(tag, { maximumFractionDigits: 0, useGrouping: false }),
    };
    formats.set(locale, f);
  }
  return f;
}

/** A count and its share of `base`; `base` null when the base itself is hidden. */
export function cell(count: number, hidden: boolean, base: number | null, k: number, locale: Locale): DisplayCell {
  if (hidden) return { text: HIDDEN, percent: null, share: null, suppressed: true };
  const f = formatters(locale);
  const showShare = base !== null && base >= k && base > 0;
  return {
    text: f.integer.format(count),
    percent: showShare ? f.percent.format(count / base) : null,
    share: showShare ? count / base : null,
    suppressed: false,
  };
}

const MISSING = "missing";
const N = "N";
const POP = "pop";

/** The columns of a view: its case project, its programme, or the programmes with reports and the total. */
function viewColumns(cube: StatisticsCube, view: View): { key: string; display: ColumnKey }[] {
  if (view.caseProject !== null) return [{ key: caseKey(view.caseProject), display: cube.programmeOf.get(view.caseProject)! }];
  if (view.programme) return [{ key: view.programme, display: view.programme }];
  const pop = cube.models.get("gender")!;
  const present = programmes.filter((p) => pop.cube.has(1, p) && pop.cube.values[pop.cube.at([POP, p])] > 0);
  const columns: { key: string; display: ColumnKey }[] = present.map((p) => ({ key: p, display: p }));
  if (present.length > 1) columns.push({ key: "total", display: "total" });
  return columns;
}

export function presentView(cube: StatisticsCube, view: View, options: PresentOptions): PresentedView {
  const { k, locale } = { k: cube.k, locale: options.locale };
  const columns = viewColumns(cube, view);
  const root = columns.length ? columns[columns.length - 1].key : "total";
  const columnLabels = columns.map((c) => ({ key: c.display, label: options.column(c.display) }));
  const value = (m: Model, row: string, col: string) => m.cube.values[m.cube.at([row, col])];
  const isHidden = (m: Model, row: string, col: string) => m.hidden[m.cube.at([row, col])] === 1;
  const shown = (m: Model) => columns.every((c) => shownAt(m.level, cube.columns, cube.columns.codes.findIndex((x) => x.key === c.key)));
  const at = (m: Model, row: string, col: string, base: string | null) => {
    const baseValue = base === null || isHidden(m, base, col) ? null : value(m, base, col);
    return cell(value(m, row, col), isHidden(m, row, col), baseValue, k, locale);
  };
  const withheldTable = (id: string, population: "all" | "inWork", level: Level): DisplayTable => ({
    id,
    population,
    columns: columnLabels,
    rows: [],
    summaries: [],
    n: [],
    missing: null,
    distinct: null,
    hidden: false,
    withheld: level,
  });
  const table = (
    id: string,
    m: Model,
    rows: readonly { key: string; label: Label }[],
    summaries: readonly { key: string; label: Label }[],
    extra?: Partial<DisplayTable>,
  ): DisplayTable => {
    if (!shown(m)) return withheldTable(id, m.population, m.level);
    const line = (r: { key: string; label: Label }): DisplayRow => ({ key: r.key, label: options.label(r.label), cells: columns.map((c) => at(m, r.key, c.key, N)) });
    const missingShown = columns.some((c) => value(m, MISSING, c.key) > 0 || isHidden(m, MISSING, c.key));
    const out: DisplayTable = {
      id,
      population: m.population,
      columns: columnLabels,
      rows: rows.map(line),
      summaries: summaries.map(line),
      n: columns.map((c) => at(m, N, c.key, null)),
      missing: missingShown ? columns.map((c) => at(m, MISSING, c.key, null)) : null,
      distinct: null,
      hidden: false,
      withheld: null,
      ...extra,
    };
    const hidden = [...out.rows, ...out.summaries].some((r) => r.cells.some((c) => c.suppressed)) || out.n.some((c) => c.suppressed) || (out.missing ?? []).some((c) => c.suppressed);
    return { ...out, hidden };
  };

  const tables: DisplayTable[] = [];
  const pop = cube.models.get("gender")!;
  const reportsIn = (col: string) => value(pop, POP, col);
  // Reports per programme: the base of everything, always shown.
  const only = view.caseProject !== null ? cube.programmeOf.get(view.caseProject)! : view.programme;
  const programmeCount = (p: Programme) => (only ? (p === only ? reportsIn(root) : 0) : pop.cube.has(1, p) ? reportsIn(p) : 0);
  tables.push({
    id: "programme",
    population: "all",
    columns: [{ key: "total", label: options.column("total") }],
    rows: programmes.map((p) => ({
      key: p,
      label: options.label({ key: `programme.${p}` }),
      cells: [cell(programmeCount(p), false, reportsIn(root), k, locale)],
    })),
    summaries: [],
    n: [cell(reportsIn(root), false, null, k, locale)],
    missing: null,
    distinct: null,
    hidden: false,
    withheld: null,
  });

  const specs = frequencySpecs(options.codes);
  for (const spec of specs) {
    const summaries = spec.summaries ?? [];
    if (spec.id === "statusGroup") {
      const status = cube.models.get("status")!;
      tables.push(table("statusGroup", status, STATUS_GROUPS.map((g) => ({ key: `group:${g.key}`, label: spec.categories.find((c) => c.key === g.key)!.label })), []));
    } else tables.push(table(spec.id, cube.models.get(spec.id)!, spec.categories, summaries));
    if (spec.id === "gender") {
      // Countries: the same ten rows (and "other") in every view.
      const countries = cube.models.get("countries")!;
      const rows = [
        ...cube.countries.top.map((code) => ({ key: String(code), label: { option: { variable: "hjemland", code } } as Label })),
        ...(cube.countries.others ? [{ key: "other", label: { key: "reports.countries.other", params: { count: cube.countries.others } } as Label }] : []),
      ];
      const distinct = columns.map((c) => {
        const m = countries;
        // Beside a hidden cell the count would say whether that cell is empty.
        if (rows.some((r) => isHidden(m, r.key, c.key)) || value(m, N, c.key) < k) return "–";
        const records = cube.records.filter((r) => inColumn(cube, r.caseProjectId, c.key));
        return formatters(locale).integer.format(new Set(records.map((r) => num(r.answers, "hjemland")).filter((v) => v !== null)).size);
      });
      tables.push(table("countries", countries, rows, [], shown(countries) ? { distinct } : undefined));
    }
  }
  const needs = cube.models.get("needs")!;
  for (const item of NEEDS_ITEMS) {
    const flags = options.codes.flags(item);
    tables.push(table(item, needs, flags.map((f) => ({ key: f.variable, label: { flag: { item, code: f.code } } })), []));
  }
  tables.push(compareTable(cube, root, options));

  const status = cube.models.get("status")!;
  const statusShown = shown(status);
  const withdrawnCol = view.caseProject !== null ? caseKey(view.caseProject) : "total";
  return {
    reports: cell(reportsIn(root), false, reportsIn(root), k, locale),
    inWork: cell(value(status, "group:work", root), !statusShown || isHidden(status, "group:work", root), reportsIn(root), k, locale),
    withdrawn: cell(value(cube.withdrawn, "withdrawn", withdrawnCol), isHidden(cube.withdrawn, "withdrawn", withdrawnCol), null, k, locale),
    tables,
  };
}

function inColumn(cube: StatisticsCube, caseProjectId: number, column: string): boolean {
  return column === "total" || column === caseKey(caseProjectId) || column === cube.programmeOf.get(caseProjectId);
}

/** Those in work beside everyone: the "all" column is the same cell as in its own table. */
function compareTable(cube: StatisticsCube, root: string, options: PresentOptions): DisplayTable {
  const k = cube.k;
  const columns = [
    { key: "all" as const, label: options.column("all") },
    { key: "inWork" as const, label: options.column("inWork") },
  ];
  const models = COMPARE_ROWS.flatMap((r) => [cube.models.get(r.source.table)!, cube.models.get(`compare:${r.key}`)!]);
  const rootCol = cube.columns.codes.findIndex((c) => c.key === root);
  const notShown = models.find((m) => !shownAt(m.level, cube.columns, rootCol));
  const base = { id: "compare", population: "all" as const, columns, summaries: [], n: [], missing: null, distinct: null };
  if (notShown) return { ...base, rows: [], hidden: false, withheld: notShown.level };
  const get = (m: Model, row: string) => ({ value: m.cube.values[m.cube.at([row, root])], hidden: m.hidden[m.cube.at([row, root])] === 1 });
  const rows = COMPARE_ROWS.map((r) => {
    const source = cube.models.get(r.source.table)!;
    const compare = cube.models.get(`compare:${r.key}`)!;
    const all = get(source, r.source.row);
    const n = get(source, N);
    const yes = get(compare, "yes");
    const nIn = get(compare, "n");
    return {
      key: r.key,
      label: options.label({ key: `reports.compare.${r.key}` }),
      cells: [cell(all.value, all.hidden, n.hidden ? null : n.value, k, options.locale), cell(yes.value, yes.hidden, nIn.hidden ? null : nIn.value, k, options.locale)],
    };
  });
  return { ...base, rows, hidden: rows.some((r) => r.cells.some((c) => c.suppressed)), withheld: null };
}

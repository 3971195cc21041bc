// Tables as they may be shown: every count below the project's threshold k (minCellSize,
// default 5) becomes "<k" with no percentage, and a mean or median of fewer than k values is
// not shown. This runs on the server, so a hidden count never reaches the browser. Pure.
import type { Locale } from "~/i18n/locale";
import type { ColumnKey, Label, StatTable, TableRow } from "./statistics";

export interface DisplayCell {
  /** The count, or "<k". */
  readonly text: string;
  /** The percentage, or null when hidden or without a base. */
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
  readonly numeric: { readonly mean: readonly string[]; readonly median: readonly string[] } | null;
  readonly distinct: readonly string[] | null;
}

export function suppressedText(k: number): string {
  return `<${k}`;
}

function formatters(locale: Locale) {
  const tag = locale === "nb" ? "nb-NO" : "en-GB";
  return {
    percent: new Intl.NumberFormat(tag, { style: "percent", maximumFractionDigits: 0 }),
    decimal: new Intl.NumberFormat(tag, { maximumFractionDigits: 1 }),
    integer: new Intl.NumberFormat(tag, { maximumFractionDigits: 0, useGrouping: false }),
  };
}

/** One count with its share of `base`, hidden when 0 < count < k (0 is shown: no person behind it). */
export function cell(count: number, base: number, k: number, locale: Locale): DisplayCell {
  const f = formatters(locale);
  if (count > 0 && count < k) return { text: suppressedText(k), percent: null, share: null, suppressed: true };
  // A share of a base below k would let the hidden base be worked out.
  const showShare = base >= k && base > 0;
  return {
    text: f.integer.format(count),
    percent: showShare ? f.percent.format(count / base) : null,
    share: showShare ? count / base : null,
    suppressed: false,
  };
}

export interface PresentOptions {
  readonly k: number;
  readonly locale: Locale;
  readonly label: (label: Label) => string;
  readonly column: (key: ColumnKey) => string;
}

export function presentTable(table: StatTable, options: PresentOptions): DisplayTable {
  const { k, locale } = options;
  const f = formatters(locale);
  const row = (r: TableRow): DisplayRow => ({
    key: r.key,
    label: options.label(r.label),
    cells: r.counts.map((count, i) => cell(count, (r.n ?? table.n)[i], k, locale)),
  });
  const base = (count: number): DisplayCell => ({
    text: count > 0 && count < k ? suppressedText(k) : f.integer.format(count),
    percent: null,
    share: null,
    suppressed: count > 0 && count < k,
  });
  const statistic = (values: readonly (number | null)[]) =>
    values.map((v, i) => (v === null || (table.numeric?.n[i] ?? 0) < k ? "–" : f.decimal.format(v)));
  return {
    id: table.id,
    population: table.population,
    columns: table.columns.map((key) => ({ key, label: options.column(key) })),
    rows: table.rows.map(row),
    summaries: table.summaries.map(row),
    n: table.n.map(base),
    missing: table.missing.some((m) => m > 0) ? table.missing.map(base) : null,
    numeric: table.numeric ? { mean: statistic(table.numeric.mean), median: statistic(table.numeric.median) } : null,
    distinct: table.distinct ? table.distinct.map((d, i) => (table.n[i] < k ? "–" : f.integer.format(d))) : null,
  };
}

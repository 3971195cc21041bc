// k-anonymity over declared quasi-identifiers (participant reports: country, gender, age,
// children, marital status, programme). Two steps, in the order the issue gives:
//   1. generalise: when the data are not k-anonymous as they are, every quasi-identifier that has
//      a coarser form is replaced by it (age to bands, country to region, children to 0 / 1–2 / 3+);
//   2. suppress single values (local suppression): a record that still matches fewer than k
//      records loses one value at a time, the one whose loss makes it match the most records,
//      until it matches at least k.
// As in sdcMicro's local suppression, a suppressed value stands for "any value": a record
// matches another when every quasi-identifier is equal or suppressed in either of them. (Were a
// suppressed value a category of its own, a record could only hide among other suppressed
// records, and most of a small data set would have to be suppressed.) The result says which
// variables were generalised, how many values were suppressed per variable, and the k reached
// (the fewest records any record matches, itself included). Pure; no I/O.

/** A quasi-identifier's value: a code, or null (missing, a value of its own). */
export type QiValue = number | null;

export const SUPPRESSED = "*";
export type KValue = QiValue | typeof SUPPRESSED;

export interface QuasiIdentifier {
  readonly variable: string;
  /** The coarser form of a value, if the variable has one (e.g. age -> age band code). */
  readonly generalise?: (value: number) => number;
}

export interface KAnonymityResult {
  /** Per record, the final values of the quasi-identifiers (generalised and/or SUPPRESSED). */
  readonly values: KValue[][];
  readonly k: number;
  /** The fewest records any record matches after both steps (Infinity when there are none). */
  readonly kReached: number;
  /** Variables replaced by their coarser form. */
  readonly generalised: readonly string[];
  /** Suppressed values per variable. */
  readonly suppressed: Readonly<Record<string, number>>;
  /** Records that still match fewer than k (only when there are fewer than k records in all). */
  readonly recordsBelowK: number;
  /** Groups (distinct combinations) with fewer than k records before anything was done. */
  readonly groupsBelowKBefore: number;
}

function keyOf(values: readonly KValue[]): string {
  return values.map((v) => (v === null ? "" : String(v))).join("\u0001");
}

interface Pattern {
  readonly values: KValue[];
  count: number;
}

/** The distinct combinations and how many records have each. */
function patternsOf(rows: readonly KValue[][]): Map<string, Pattern> {
  const patterns = new Map<string, Pattern>();
  for (const row of rows) {
    const key = keyOf(row);
    const p = patterns.get(key);
    if (p) p.count++;
    else patterns.set(key, { values: row, count: 1 });
  }
  return patterns;
}

function compatible(a: readonly KValue[], b: readonly KValue[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && a[i] !== SUPPRESSED && b[i] !== SUPPRESSED) return false;
  return true;
}

interface Index {
  readonly patterns: Map<string, Pattern>;
  /** Patterns with a suppressed value: compared one by one. */
  readonly wild: readonly Pattern[];
  /** Per quasi-identifier: records without suppressed values, counted by all their other values. */
  readonly without: readonly Map<string, number>[];
}

function keyWithout(values: readonly KValue[], i: number): string {
  return keyOf([...values.slice(0, i), ...values.slice(i + 1)]);
}

function indexOf(rows: readonly KValue[][], width: number): Index {
  const patterns = patternsOf(rows);
  const wild: Pattern[] = [];
  const without = Array.from({ length: width }, () => new Map<string, number>());
  for (const p of patterns.values()) {
    if (p.values.includes(SUPPRESSED)) {
      wild.push(p);
      continue;
    }
    for (let i = 0; i < width; i++) {
      const key = keyWithout(p.values, i);
      without[i].set(key, (without[i].get(key) ?? 0) + p.count);
    }
  }
  return { patterns, wild, without };
}

/** How many records a combination matches (lookups for zero or one suppressed value, else a scan). */
function matches(values: readonly KValue[], index: Index): number {
  const stars = values.reduce<number[]>((acc, v, i) => (v === SUPPRESSED ? [...acc, i] : acc), []);
  let n = 0;
  if (stars.length === 0) n = index.patterns.get(keyOf(values))?.count ?? 0;
  else if (stars.length === 1) n = index.without[stars[0]].get(keyWithout(values, stars[0])) ?? 0;
  else {
    for (const p of index.patterns.values()) if (!p.values.includes(SUPPRESSED) && compatible(values, p.values)) n += p.count;
  }
  for (const p of index.wild) if (compatible(values, p.values)) n += p.count;
  return n;
}

export function kAnonymise(records: readonly (readonly QiValue[])[], qis: readonly QuasiIdentifier[], k: number): KAnonymityResult {
  if (!Number.isInteger(k) || k < 1) throw new Error(`k must be a whole number >= 1 (got ${k})`);
  const rows: KValue[][] = records.map((r) => {
    if (r.length !== qis.length) throw new Error("every record needs one value per quasi-identifier");
    return [...r];
  });
  const before = patternsOf(rows);
  const groupsBelowKBefore = [...before.values()].filter((p) => p.count < k).length;
  const generalised: string[] = [];
  const suppressed: Record<string, number> = Object.fromEntries(qis.map((q) => [q.variable, 0]));

  if (rows.length > 0 && groupsBelowKBefore > 0) {
    qis.forEach((qi, i) => {
      if (!qi.generalise) return;
      generalised.push(qi.variable);
      for (const row of rows) {
        const v = row[i];
        if (typeof v === "number") row[i] = qi.generalise(v);
      }
    });
    // Rounds: every combination still matching fewer than k loses the one value whose loss makes
    // it match the most records (ties: the quasi-identifier declared first). All its records
    // change together, as they are alike; then the counts are taken again.
    for (let round = 0; round < qis.length; round++) {
      const index = indexOf(rows, qis.length);
      const small = [...index.patterns.entries()].filter(([, p]) => matches(p.values, index) < k);
      if (!small.length) break;
      const replace = new Map<string, KValue[]>();
      for (const [key, p] of small) {
        let best: { values: KValue[]; n: number; i: number } | null = null;
        for (let i = 0; i < qis.length; i++) {
          if (p.values[i] === SUPPRESSED) continue;
          const candidate = [...p.values];
          candidate[i] = SUPPRESSED;
          const n = matches(candidate, index);
          if (!best || n > best.n) best = { values: candidate, n, i };
        }
        if (best) {
          replace.set(key, best.values);
          suppressed[qis[best.i].variable] += p.count;
        }
      }
      for (let r = 0; r < rows.length; r++) {
        const next = replace.get(keyOf(rows[r]));
        if (next) rows[r] = [...next];
      }
    }
  }
  const index = indexOf(rows, qis.length);
  let kReached = Infinity;
  let recordsBelowK = 0;
  for (const p of index.patterns.values()) {
    const n = matches(p.values, index);
    if (n < kReached) kReached = n;
    if (n < k) recordsBelowK += p.count;
  }
  return { values: rows, k, kReached, generalised, suppressed, recordsBelowK, groupsBelowKBefore };
}

/** Age in years -> band code: 1 = under 25, 2 = 25–34, 3 = 35–44, 4 = 45–54, 5 = 55 or older. */
export function ageBand(age: number): number {
  if (age < 25) return 1;
  if (age < 35) return 2;
  if (age < 45) return 3;
  if (age < 55) return 4;
  return 5;
}

export const AGE_BANDS = [
  { code: 1, label: { nb: "Under 25 år", en: "Under 25" } },
  { code: 2, label: { nb: "25–34 år", en: "25–34" } },
  { code: 3, label: { nb: "35–44 år", en: "35–44" } },
  { code: 4, label: { nb: "45–54 år", en: "45–54" } },
  { code: 5, label: { nb: "55 år eller eldre", en: "55 or older" } },
] as const;

/** Number of children -> 0 = none, 1 = one or two, 3 = three or more (the code is the band's lower bound). */
export function childrenBand(children: number): number {
  if (children <= 0) return 0;
  return children <= 2 ? 1 : 3;
}

export const CHILDREN_BANDS = [
  { code: 0, label: { nb: "Ingen barn", en: "No children" } },
  { code: 1, label: { nb: "1–2 barn", en: "1–2 children" } },
  { code: 3, label: { nb: "3 barn eller flere", en: "3 or more children" } },
] as const;

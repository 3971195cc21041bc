// Inter-coder agreement for a coding round (issue 15): two or more coders code the same sample
// blind to each other, and the agreement page says how far they agree — per code and overall —
// with percent agreement, Cohen's κ (two coders) and Krippendorff's α (two or more, missing values
// allowed), and lists the units where they differ. Pure: the caller gathers the codings.
//
// Reliability data are units (a record, or a run of characters that every coder coded alike), each
// with at most one nominal value per coder; a coder absent from a unit's `values` did not code it.
// A unit may stand for `weight` identical units: every statistic here is a sum over units, so a run
// of L characters counts exactly as L one-character units would, and a 100,000-character text costs
// as many units as it has range boundaries, not characters.
//
// A statistic that its formula leaves undefined (no data, or one category only, where κ and α
// divide 0 by 0) is `null` with a reason, never NaN or Infinity.

export type UnitKind = "record" | "character";
export type Category = string | number | boolean;

export interface Passage {
  /** The text (record field, transcript turn) the characters belong to. */
  readonly item: string;
  /** Character offsets, end exclusive. */
  readonly start: number;
  readonly end: number;
}

export interface Unit<V extends Category = Category> {
  readonly id: string;
  /** How many identical units this one stands for (characters of a run); default 1. */
  readonly weight?: number;
  /** Each coder's value; a coder who is absent (or null) did not code this unit. */
  readonly values: Readonly<Record<string, V | null | undefined>>;
  /** Where the unit is, for character units. */
  readonly passage?: Passage;
}

export type NullReason =
  | "no-units" // nothing to compute on
  | "no-pairable-units" // no unit (pair of coders) with two values to compare
  | "one-category" // every value is the same category: chance agreement is certain, 0/0
  | "not-two-coders"; // Cohen's κ is defined for exactly two coders

export interface PairAgreement {
  readonly coders: readonly [string, string];
  /** Share of the units both coded on which they gave the same value. */
  readonly agreement: number;
  /** Weight of the units both coded. */
  readonly units: number;
}

export interface PercentAgreement {
  /** Mean of `pairs[].agreement` (every pair counts alike), 0–1. */
  readonly value: number | null;
  readonly pairs: readonly PairAgreement[];
  readonly reason: NullReason | null;
}

export interface CohenKappa {
  readonly value: number | null;
  /** p_o: share of units on which the two agree. */
  readonly observed: number | null;
  /** p_e: agreement expected if each coded at random with their own category shares. */
  readonly expected: number | null;
  /** Weight of the units both coded. */
  readonly units: number;
  readonly reason: NullReason | null;
}

export interface KrippendorffAlpha<V extends Category = Category> {
  readonly value: number | null;
  /** D_o = (1/n) Σ_{c≠k} o_ck. */
  readonly observedDisagreement: number | null;
  /** D_e = (1/(n(n−1))) Σ_{c≠k} n_c·n_k. */
  readonly expectedDisagreement: number | null;
  /** n: the pairable values (values in units coded by two or more coders). */
  readonly pairableValues: number;
  /** Weight of the units coded by two or more coders; the others cannot be compared. */
  readonly pairableUnits: number;
  /** The categories in order of first appearance, indexing `coincidences`. */
  readonly categories: readonly V[];
  /** o_ck, Krippendorff's coincidence matrix (symmetric; row sums n_c). */
  readonly coincidences: readonly (readonly number[])[];
  readonly reason: NullReason | null;
}

export interface Disagreement<V extends Category = Category> {
  readonly unit: string;
  readonly weight: number;
  /** The values of the coders who coded the unit. */
  readonly values: Readonly<Record<string, V>>;
  readonly passage?: Passage;
}

function weightOf(unit: Unit): number {
  const w = unit.weight ?? 1;
  if (!Number.isFinite(w) || w <= 0) throw new Error(`unit ${unit.id}: weight must be positive, got ${w}`);
  return w;
}

/** The coders' values of a unit, missing ones left out, in the order of `values`. */
function presentValues<V extends Category>(unit: Unit<V>): [string, V][] {
  return Object.entries(unit.values).filter((e): e is [string, V] => e[1] !== null && e[1] !== undefined);
}

/** Every coder that coded some unit, in order of first appearance. */
export function codersOf(units: readonly Unit[]): string[] {
  const seen = new Set<string>();
  for (const u of units) for (const [coder] of presentValues(u)) seen.add(coder);
  return [...seen];
}

/** Two coders over the units both coded: their weight, the weight they agree on, each one's category weights. */
function pairTable(units: readonly Unit[], a: string, b: string) {
  const shareA = new Map<Category, number>();
  const shareB = new Map<Category, number>();
  let total = 0;
  let same = 0;
  for (const u of units) {
    const va = u.values[a];
    const vb = u.values[b];
    if (va === null || va === undefined || vb === null || vb === undefined) continue;
    const w = weightOf(u);
    total += w;
    if (va === vb) same += w;
    shareA.set(va, (shareA.get(va) ?? 0) + w);
    shareB.set(vb, (shareB.get(vb) ?? 0) + w);
  }
  return { total, same, shareA, shareB };
}

/**
 * Percent agreement, pairwise: for each pair of coders, the share (by weight) of the units both
 * coded on which they gave the same value; the result is the plain mean over the pairs that share
 * at least one unit. With two coders it is simply the share of units they agree on.
 */
export function percentAgreement(units: readonly Unit[], coders: readonly string[] = codersOf(units)): PercentAgreement {
  if (units.length === 0) return { value: null, pairs: [], reason: "no-units" };
  const pairs: PairAgreement[] = [];
  for (let i = 0; i < coders.length; i++) {
    for (let j = i + 1; j < coders.length; j++) {
      const { total, same } = pairTable(units, coders[i], coders[j]);
      if (total > 0) pairs.push({ coders: [coders[i], coders[j]], agreement: same / total, units: total });
    }
  }
  if (pairs.length === 0) return { value: null, pairs, reason: "no-pairable-units" };
  return { value: pairs.reduce((s, p) => s + p.agreement, 0) / pairs.length, pairs, reason: null };
}

/**
 * Cohen's κ = (p_o − p_e) / (1 − p_e) over the units both coders coded (Cohen 1960), with
 * p_e = Σ_c p_a(c)·p_b(c) from each coder's own category shares.
 */
export function cohensKappa(units: readonly Unit[], a: string, b: string): CohenKappa {
  const none = (reason: NullReason): CohenKappa => ({ value: null, observed: null, expected: null, units: 0, reason });
  if (units.length === 0) return none("no-units");
  const { total, same, shareA, shareB } = pairTable(units, a, b);
  if (total === 0) return none("no-pairable-units");
  const observed = same / total;
  let expected = 0;
  for (const [c, wa] of shareA) expected += (wa / total) * ((shareB.get(c) ?? 0) / total);
  // p_e = 1 only when both coders used one and the same category throughout.
  if (shareA.size === 1 && shareB.size === 1 && shareA.keys().next().value === shareB.keys().next().value) {
    return { value: null, observed, expected: 1, units: total, reason: "one-category" };
  }
  return { value: (observed - expected) / (1 - expected), observed, expected, units: total, reason: null };
}

/**
 * Krippendorff's α for nominal data, any number of coders, missing values allowed, computed
 * through the coincidence matrix as in Krippendorff (2011), "Computing Krippendorff's
 * Alpha-Reliability": each unit with m_u ≥ 2 values adds n_uc·(n_uk − [c=k]) / (m_u − 1) to o_ck
 * (every ordered pair of values of different coders, each unit contributing m_u pairable values);
 * units with fewer than two values cannot be paired and are left out. Then
 * α = 1 − D_o/D_e = 1 − (n − 1)·Σ_{c≠k} o_ck / Σ_{c≠k} n_c·n_k.
 */
export function krippendorffAlpha<V extends Category>(units: readonly Unit<V>[]): KrippendorffAlpha<V> {
  const pairable = units.map((u) => ({ u, values: presentValues(u).map(([, v]) => v) })).filter((p) => p.values.length >= 2);
  const index = new Map<V, number>();
  for (const { values } of pairable) for (const v of values) if (!index.has(v)) index.set(v, index.size);
  const categories = [...index.keys()];
  const o = categories.map(() => categories.map(() => 0));
  let pairableUnits = 0;
  for (const { u, values } of pairable) {
    const w = weightOf(u);
    pairableUnits += w;
    const counts = new Map<number, number>();
    for (const v of values) counts.set(index.get(v)!, (counts.get(index.get(v)!) ?? 0) + 1);
    const m = values.length;
    for (const [c, nc] of counts) for (const [k, nk] of counts) o[c][k] += (w * nc * (c === k ? nk - 1 : nk)) / (m - 1);
  }
  const nc = o.map((row) => row.reduce((s, x) => s + x, 0));
  const n = nc.reduce((s, x) => s + x, 0);
  const result = { pairableValues: n, pairableUnits, categories, coincidences: o };
  const none = (reason: NullReason): KrippendorffAlpha<V> => ({ value: null, observedDisagreement: null, expectedDisagreement: null, ...result, reason });
  if (units.length === 0) return none("no-units");
  if (pairable.length === 0) return none("no-pairable-units");
  let offDiagonal = 0;
  let chanceOffDiagonal = 0;
  for (let c = 0; c < categories.length; c++) {
    for (let k = 0; k < categories.length; k++) {
      if (c === k) continue;
      offDiagonal += o[c][k];
      chanceOffDiagonal += nc[c] * nc[k];
    }
  }
  const observedDisagreement = offDiagonal / n;
  const expectedDisagreement = chanceOffDiagonal / (n * (n - 1));
  // One category only: no pair c ≠ k exists, D_e = 0 and α = 0/0.
  if (chanceOffDiagonal === 0) return { ...none("one-category"), observedDisagreement };
  return { value: 1 - observedDisagreement / expectedDisagreement, observedDisagreement, expectedDisagreement, ...result, reason: null };
}

/** The units whose coders (two or more) did not all give the same value. */
export function disagreements<V extends Category>(units: readonly Unit<V>[]): Disagreement<V>[] {
  const out: Disagreement<V>[] = [];
  for (const u of units) {
    const values = presentValues(u);
    if (values.length < 2 || values.every(([, v]) => v === values[0][1])) continue;
    out.push({ unit: u.id, weight: weightOf(u), values: Object.fromEntries(values), ...(u.passage ? { passage: u.passage } : {}) });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// A coding round: codes applied to whole records, or to character ranges of texts.

export interface RecordCoding {
  readonly id: string;
  /** Per coder who coded the record, the codes they applied (none is a decision too). */
  readonly codes: Readonly<Record<string, readonly string[]>>;
}

export interface CharacterRange {
  readonly code: string;
  /** Character offsets into the text, end exclusive. */
  readonly start: number;
  readonly end: number;
}

export interface TextCoding {
  readonly id: string;
  readonly length: number;
  /** Per coder who coded the text, the ranges they coded (none is a decision too). */
  readonly ranges: Readonly<Record<string, readonly CharacterRange[]>>;
}

export type Sample =
  | { readonly unitKind: "record"; readonly coders: readonly string[]; readonly codes: readonly string[]; readonly records: readonly RecordCoding[] }
  | { readonly unitKind: "character"; readonly coders: readonly string[]; readonly codes: readonly string[]; readonly texts: readonly TextCoding[] };

/** One binary unit per record for `code`: applied or not, for each coder who coded the record. */
export function recordUnits(records: readonly RecordCoding[], code: string): Unit<boolean>[] {
  return records.map((r) => ({
    id: r.id,
    values: Object.fromEntries(Object.entries(r.codes).map(([coder, codes]) => [coder, codes.includes(code)])),
  }));
}

/**
 * The characters of a text as binary units for `code`, run-length encoded: the text is cut at
 * every range boundary of that code, each segment (weight = its length) holds whether each coder
 * coded it, and neighbouring segments that every coder coded alike are joined. Overlapping ranges
 * of one coder count once.
 */
export function characterUnits(text: TextCoding, code: string): Unit<boolean>[] {
  if (!Number.isInteger(text.length) || text.length < 0) throw new Error(`text ${text.id}: bad length ${text.length}`);
  const coders = Object.keys(text.ranges);
  const events: { at: number; coder: number; delta: number }[] = [];
  coders.forEach((coder, i) => {
    for (const r of text.ranges[coder]) {
      if (!Number.isInteger(r.start) || !Number.isInteger(r.end) || r.start < 0 || r.end > text.length || r.start > r.end) {
        throw new Error(`text ${text.id}: range [${r.start}, ${r.end}) of ${coder} outside [0, ${text.length})`);
      }
      if (r.code !== code || r.start === r.end) continue;
      events.push({ at: r.start, coder: i, delta: 1 }, { at: r.end, coder: i, delta: -1 });
    }
  });
  events.sort((x, y) => x.at - y.at);
  const depth = coders.map(() => 0);
  const units: Unit<boolean>[] = [];
  let from = 0;
  let e = 0;
  const emit = (to: number) => {
    if (to <= from) return;
    const values = coders.map((_, i) => depth[i] > 0);
    const last = units[units.length - 1];
    if (last && coders.every((c, i) => last.values[c] === values[i])) {
      const start = last.passage!.start;
      units[units.length - 1] = segment(text.id, start, to, coders, values);
    } else {
      units.push(segment(text.id, from, to, coders, values));
    }
    from = to;
  };
  while (e < events.length) {
    const at = events[e].at;
    emit(at);
    for (; e < events.length && events[e].at === at; e++) depth[events[e].coder] += events[e].delta;
  }
  emit(text.length);
  return units;
}

function segment(item: string, start: number, end: number, coders: readonly string[], values: readonly boolean[]): Unit<boolean> {
  return {
    id: `${item}:${start}-${end}`,
    weight: end - start,
    values: Object.fromEntries(coders.map((c, i) => [c, values[i]])),
    passage: { item, start, end },
  };
}

export interface Statistics {
  /** Units the statistics are over (by weight): records or characters; for `overall`, (unit, code) pairs. */
  readonly units: number;
  readonly percentAgreement: PercentAgreement;
  /** Only with exactly two coders in the round; otherwise null with reason "not-two-coders". */
  readonly kappa: CohenKappa;
  readonly alpha: KrippendorffAlpha<boolean>;
}

export interface CodeAgreement extends Statistics {
  readonly code: string;
  readonly disagreements: readonly Disagreement<boolean>[];
}

export interface AgreementReport {
  readonly unitKind: UnitKind;
  readonly coders: readonly string[];
  /** Records, or characters, in the sample. */
  readonly units: number;
  readonly perCode: readonly CodeAgreement[];
  /**
   * All codes pooled as one binary variable whose units are the (unit, code) pairs: each coder's
   * decision to apply or not apply each code to each unit is one value. So α overall is the α of
   * the per-code reliability data laid side by side (not a mean of the per-code α), and
   * percent agreement overall is the share of those decisions two coders made alike.
   */
  readonly overall: Statistics;
}

export function statistics(units: readonly Unit<boolean>[], coders: readonly string[]): Statistics {
  return {
    units: units.reduce((s, u) => s + weightOf(u), 0),
    percentAgreement: percentAgreement(units, coders),
    kappa:
      coders.length === 2
        ? cohensKappa(units, coders[0], coders[1])
        : { value: null, observed: null, expected: null, units: 0, reason: "not-two-coders" },
    alpha: krippendorffAlpha(units),
  };
}

/** Agreement per code and overall for a coding round, with the units where coders differ. */
export function agreement(sample: Sample): AgreementReport {
  if (new Set(sample.codes).size !== sample.codes.length) throw new Error("a code is listed twice");
  const coders = new Set(sample.coders);
  const items = sample.unitKind === "record" ? sample.records : sample.texts;
  for (const item of items) {
    const byCoder = "codes" in item ? item.codes : item.ranges;
    for (const coder of Object.keys(byCoder)) if (!coders.has(coder)) throw new Error(`${item.id}: ${coder} is not a coder of this round`);
  }
  const unitsFor = (code: string): Unit<boolean>[] =>
    sample.unitKind === "record" ? recordUnits(sample.records, code) : sample.texts.flatMap((t) => characterUnits(t, code));
  const byCode = sample.codes.map(unitsFor);
  return {
    unitKind: sample.unitKind,
    coders: sample.coders,
    units: sample.unitKind === "record" ? sample.records.length : sample.texts.reduce((s, t) => s + t.length, 0),
    perCode: sample.codes.map((code, i) => ({ code, ...statistics(byCode[i], sample.coders), disagreements: disagreements(byCode[i]) })),
    overall: statistics(byCode.flat(), sample.coders),
  };
}

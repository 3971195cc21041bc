// Primary and complementary (secondary) cell suppression over linked cubes, in the manner of
// τ-ARGUS's hypercube method (GHMITER) and sdcTable: after the cells from 1 to k−1 are hidden,
// further cells are hidden until every hidden cell has a witness: a change of the table along a
// "hypercube" of hidden cells (+t on some, −t on others) that keeps every published number,
// every sum, every bound and every extra check (means, medians) as it is. A witness shows that
// someone who solves the whole linear system still finds at least two values for the cell, and
// for a cell of k or more, a value below k (so a hidden cell never proves it was not small).
//
// Cells may be hidden even when they are 0: otherwise "hidden" would mean "at least 1". A cell
// can be `fixed` (always published: the number of reports in a group), `unpublished` (never
// shown, so hidden for free) or a mirror of a cell of another table (the number in work is the
// population of the in-work tables); a witness that changes a mirrored row is carried into every
// table that mirrors it. Pure and deterministic.
import type { Cube } from "./cube";

export interface TableSpec {
  readonly id: string;
  readonly cube: Cube;
  /** Always published and never part of a witness. */
  readonly fixed?: (cell: number) => boolean;
  /**
   * Shown as long as this table's mirrored row is shown in the same column (e.g. N and "not
   * answered" of an in-work table, whose sum is the number in work); open once it is hidden.
   */
  readonly pinned?: (cell: number) => boolean;
  /** Never shown: hidden at no cost, needs no protection. */
  readonly unpublished?: (cell: number) => boolean;
  /** The least value the cell could have, as a reader of the page knows it (default 0). */
  readonly lowerBound?: (cell: number) => number;
  /** How much it costs the reader to lose this cell, per unit of its value (default 1). */
  readonly weight?: (cell: number) => number;
  /** Inequalities over codes of the first dimension, Σ coef·x ≤ 0, at every combination of the other dimensions. */
  readonly inequalities?: readonly { readonly terms: readonly { readonly code: number; readonly coef: number }[] }[];
  /** Any further published figure the witness must keep (e.g. a mean): true if `values` still agrees with it. */
  readonly check?: (values: Float64Array, touched: readonly number[]) => boolean;
}

/** `to`'s first-dimension code `toRow` holds the same numbers as `from`'s `fromRow` (other dimensions alike). */
export interface Link {
  readonly from: string;
  readonly fromRow: number;
  readonly to: string;
  readonly toRow: number;
}

export interface SuppressionResult {
  /** Per table: 1 where the cell is hidden (including unpublished cells). */
  readonly hidden: ReadonlyMap<string, Uint8Array>;
  /** Tables that could not be protected and are withheld whole. */
  readonly withheld: ReadonlySet<string>;
  /** Primary (below k) and secondary counts, for the reader's note. */
  readonly primary: number;
  readonly secondary: number;
}

/** Cells 1 … k−1 are hidden first (primary suppression). */
export function isSmall(value: number, k: number): boolean {
  return value > 0 && value < k;
}

/** How much dearer a complement of k or more is when the same change cannot also take it below k. */
const UNCOVERED = 50;

interface Vector {
  readonly codes: readonly number[];
  readonly coefs: readonly number[];
}

interface Entry {
  readonly table: Table;
  readonly cell: number;
  readonly coef: number;
}

interface Candidate {
  readonly entries: readonly Entry[];
  readonly cost: number;
}

/** A cell the witness must move (sign 0: either way), when it is sought from a linked table. */
interface Requirement {
  readonly table: Table;
  readonly cell: number;
  readonly sign: number;
}

class Table {
  readonly spec: TableSpec;
  readonly cube: Cube;
  readonly hidden: Uint8Array;
  readonly mirrorOf = new Map<number, { table: Table; cell: number }>();
  readonly links: { to: Table; fromRow: number; toRow: number }[] = [];
  /** Per cell, computed once: fixed, unpublished, pinned; lower bounds and costs. */
  private readonly fixedCells: Uint8Array;
  private readonly unpublishedCells: Uint8Array;
  private readonly pinnedTo: Int32Array;
  private readonly lbs: Float64Array;
  private readonly costs: Float64Array;
  /** 1 for each first-dimension code that some inequality names. */
  readonly inInequality: Uint8Array;
  constructor(spec: TableSpec) {
    this.spec = spec;
    this.cube = spec.cube;
    const n = spec.cube.size;
    this.hidden = new Uint8Array(n);
    this.fixedCells = new Uint8Array(n);
    this.unpublishedCells = new Uint8Array(n);
    this.pinnedTo = new Int32Array(n).fill(-1);
    this.lbs = new Float64Array(n);
    this.costs = new Float64Array(n);
    this.inInequality = new Uint8Array(spec.cube.dims[0].codes.length);
    for (const inequality of spec.inequalities ?? []) for (const term of inequality.terms) this.inInequality[term.code] = 1;
    for (let c = 0; c < n; c++) {
      this.fixedCells[c] = spec.fixed?.(c) ? 1 : 0;
      this.unpublishedCells[c] = spec.unpublished?.(c) ? 1 : 0;
      this.lbs[c] = spec.lowerBound?.(c) ?? 0;
      this.costs[c] = (spec.weight?.(c) ?? 1) * (1 + spec.cube.values[c]);
    }
  }
  /** Cells pinned to the mirrored row `row` (called once the link is known). */
  pinTo(row: number) {
    for (let c = 0; c < this.cube.size; c++) {
      if (!this.spec.pinned?.(c)) continue;
      const coords = this.cube.coords(c);
      coords[0] = row;
      this.pinnedTo[c] = this.cube.cell(coords);
    }
  }
  /** Fixed for good (whatever else is hidden). */
  fixedForGood(cell: number) {
    return this.fixedCells[cell] === 1;
  }
  fixed(cell: number) {
    if (this.fixedCells[cell]) return true;
    const mirror = this.pinnedTo[cell];
    return mirror >= 0 && !this.hidden[mirror];
  }
  unpublished(cell: number) {
    return this.unpublishedCells[cell] === 1;
  }
  lb(cell: number) {
    return this.lbs[cell];
  }
  cost(cell: number) {
    return this.costs[cell];
  }
  /** A cell known to be k or more can never look small: it is not hidden as a complement. */
  provablyLarge(cell: number, k: number) {
    return this.lbs[cell] >= k;
  }
}

/** The 1-dimensional changes through `code` that keep every sum of the dimension: +1 on `code`. */
function vectorsThrough(cube: Cube, d: number, code: number): Vector[] {
  const dim = cube.dims[d];
  const own = new Set(dim.codes[code].leaves);
  const build = (plus: number, minus: number | null): Vector => {
    const codes: number[] = [];
    const coefs: number[] = [];
    dim.codes.forEach((c, i) => {
      let coef = 0;
      for (const leaf of c.leaves) coef += leaf === plus ? 1 : leaf === minus ? -1 : 0;
      if (coef !== 0) {
        codes.push(i);
        coefs.push(coef);
      }
    });
    return { codes, coefs };
  };
  const out: Vector[] = [];
  for (const plus of own) {
    for (let minus = 0; minus < dim.leafCount; minus++) if (!own.has(minus)) out.push(build(plus, minus));
    out.push(build(plus, null));
  }
  return out;
}

function product(vectors: readonly Vector[]): { coords: number[]; coef: number }[] {
  let acc: { coords: number[]; coef: number }[] = [{ coords: [], coef: 1 }];
  for (const v of vectors) {
    const next: typeof acc = [];
    for (const a of acc) for (let i = 0; i < v.codes.length; i++) next.push({ coords: [...a.coords, v.codes[i]], coef: a.coef * v.coefs[i] });
    acc = next;
  }
  return acc;
}

export class Suppressor {
  private readonly tables = new Map<string, Table>();
  private readonly k: number;
  private readonly withheld = new Set<string>();
  private readonly protectedCells = new Map<Table, Set<number>>();
  private primary = 0;

  constructor(specs: readonly TableSpec[], links: readonly Link[], k: number) {
    this.k = k;
    for (const s of specs) this.tables.set(s.id, new Table(s));
    for (const l of links) {
      const from = this.tables.get(l.from)!;
      const to = this.tables.get(l.to)!;
      from.links.push({ to, fromRow: l.fromRow, toRow: l.toRow });
      to.pinTo(l.toRow);
      for (let cell = 0; cell < to.cube.size; cell++) {
        const coords = to.cube.coords(cell);
        if (coords[0] !== l.toRow) continue;
        to.mirrorOf.set(cell, { table: from, cell: from.cube.cell([l.fromRow, ...coords.slice(1)]) });
      }
    }
  }

  run(): SuppressionResult {
    const queue: Entry[] = [];
    for (const t of this.tables.values()) {
      this.protectedCells.set(t, new Set());
      for (let cell = 0; cell < t.cube.size; cell++) {
        if (t.unpublished(cell)) t.hidden[cell] = 1;
        else if (!t.fixed(cell) && !t.mirrorOf.has(cell) && isSmall(t.cube.values[cell], this.k)) {
          t.hidden[cell] = 1;
          this.primary++;
          queue.push({ table: t, cell, coef: 1 });
        }
      }
    }
    this.syncMirrors();
    while (queue.length) {
      const { table, cell } = queue.shift()!;
      if (this.withheld.has(table.spec.id) || this.protectedCells.get(table)!.has(cell)) continue;
      const added = this.protect(table, cell);
      if (added === null) {
        this.withhold(table);
        continue;
      }
      this.protectedCells.get(table)!.add(cell);
      queue.push(...added);
    }
    const hidden = new Map<string, Uint8Array>();
    let secondary = 0;
    for (const t of this.tables.values()) {
      hidden.set(t.spec.id, t.hidden);
      for (let c = 0; c < t.cube.size; c++) if (t.hidden[c] && !t.unpublished(c) && !t.mirrorOf.has(c) && !isSmall(t.cube.values[c], this.k)) secondary++;
    }
    return { hidden, withheld: this.withheld, primary: this.primary, secondary };
  }

  /** A table that cannot be protected, and every table linked to it, is hidden whole. */
  private withhold(table: Table) {
    const group = new Set<Table>([table]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const t of this.tables.values()) {
        const linked = t.links.some((l) => group.has(l.to)) || [...group].some((g) => g.links.some((l) => l.to === t));
        if (linked && !group.has(t)) {
          group.add(t);
          grew = true;
        }
      }
    }
    // Pinned cells go too: their population is hidden with the group.
    for (const t of group) {
      this.withheld.add(t.spec.id);
      for (let c = 0; c < t.cube.size; c++) if (!t.fixedForGood(c)) t.hidden[c] = 1;
    }
  }

  private syncMirrors() {
    for (const t of this.tables.values()) for (const [cell, src] of t.mirrorOf) t.hidden[cell] = src.table.hidden[src.cell];
  }

  /** Finds (and makes) a witness for one hidden cell; returns the cells newly hidden, or null if none exists. */
  private protect(table: Table, cell: number): Entry[] | null {
    const value = table.cube.values[cell];
    const working = new Map<Table, Float64Array>();
    const work = (t: Table) => {
      let w = working.get(t);
      if (!w) working.set(t, (w = Float64Array.from(t.cube.values)));
      return w;
    };
    const added: Entry[] = [];
    const hide = (c: Candidate) => {
      for (const e of c.entries) {
        if (!e.table.hidden[e.cell]) {
          e.table.hidden[e.cell] = 1;
          if (!e.table.mirrorOf.has(e.cell)) added.push(e);
        }
      }
      this.syncMirrors();
    };
    // Every change applied is a witness for each cell below k that it moves: some (N and "not
    // answered" under a mirrored population) move no other way.
    const witnessed = (c: Candidate) => {
      for (const e of c.entries) if (!e.table.mirrorOf.has(e.cell) && e.table.cube.values[e.cell] < this.k) this.protectedCells.get(e.table)!.add(e.cell);
    };
    if (value < this.k) {
      // At least two values: a step of 1 either way.
      const best = this.witness(table, cell, work, [1, -1]);
      if (!best) return null;
      hide(best.candidate);
      witnessed(best.candidate);
      return added;
    }
    // A cell of k or more must be able to fall below k: walk it down, step by step.
    let remaining = value - this.k + 1;
    for (let round = 0; remaining > 0 && round < 64; round++) {
      const best = this.witness(table, cell, work, [-1]);
      if (!best) return null;
      hide(best.candidate);
      witnessed(best.candidate);
      const t = Math.min(best.step, remaining);
      for (const e of best.candidate.entries) work(e.table)[e.cell] += t * e.coef;
      remaining -= t;
    }
    return remaining > 0 ? null : added;
  }

  /**
   * A witness within the cell's own table, or else one that starts in a table it mirrors: N of an
   * in-work table under a hidden number in work may only move with the number in work itself.
   */
  private witness(table: Table, cell: number, work: (t: Table) => Float64Array, directions: readonly number[]) {
    const own = this.best(table, cell, work, directions);
    if (own || !table.mirrorOf.size) return own;
    const coords = table.cube.coords(cell);
    for (const from of this.tables.values()) {
      for (const link of from.links) {
        if (link.to !== table) continue;
        // The source moves the way the target must: the lifted change has the source's sign.
        const source = from.cube.cell([link.fromRow, ...coords.slice(1)]);
        const found = this.best(from, source, work, directions, { table, cell, sign: directions.length === 1 ? directions[0] : 0 });
        if (found) return found;
      }
    }
    return null;
  }

  private vectorCache = new Map<Cube, Map<string, Vector[]>>();
  private vectors(cube: Cube, d: number, code: number): Vector[] {
    let byCube = this.vectorCache.get(cube);
    if (!byCube) this.vectorCache.set(cube, (byCube = new Map()));
    const key = `${d}:${code}`;
    let v = byCube.get(key);
    if (!v) byCube.set(key, (v = vectorsThrough(cube, d, code)));
    return v;
  }

  /**
   * The cheapest witness through `cell` that allows a step of at least 1 in one of `directions`.
   * A witness whose own change also lets each cell it newly hides fall below k is preferred, so
   * complements do not call for complements of their own. Candidates are built per direction:
   * a linked table carries the change through a leaf that has room to move that way.
   */
  private best(table: Table, cell: number, work: (t: Table) => Float64Array, directions: readonly number[], require?: Requirement) {
    const coords = table.cube.coords(cell);
    const perDim = coords.map((code, d) => this.vectors(table.cube, d, code));
    let best: { candidate: Candidate; step: number; score: number } | null = null;
    const index = new Array<number>(perDim.length).fill(0);
    // Lifts depend only on the other dimensions' vectors and the direction: computed once each.
    const lifts = new Map<string, Candidate | null>();
    for (;;) {
      const vectors = index.map((i, d) => perDim[d][i]);
      for (const direction of directions) {
        const candidate = this.candidate(table, vectors, direction, best ? best.score : Number.POSITIVE_INFINITY, lifts, index.slice(1).join(","), work, require);
        if (!candidate || (require && !moves(candidate, require))) continue;
        const step = this.maxStep(candidate, 1, work);
        if (step < 1) continue;
        let back = -1; // computed only if a newly hidden cell of k or more goes down that way
        let penalty = 0;
        for (const e of candidate.entries) {
          const t = e.table;
          if (t.hidden[e.cell] || t.mirrorOf.has(e.cell)) continue;
          const v = t.cube.values[e.cell];
          if (v < this.k) continue;
          if (e.coef > 0 && back < 0) back = this.maxStep(candidate, -1, work);
          if ((e.coef > 0 ? back : step) < v - this.k + 1) penalty += UNCOVERED * t.cost(e.cell);
        }
        const score = candidate.cost + penalty;
        if (!best || score < best.score || (score === best.score && step > best.step)) best = { candidate, step, score };
      }
      let d = perDim.length - 1;
      while (d >= 0 && ++index[d] === perDim[d].length) index[d--] = 0;
      if (d < 0) break;
    }
    return best;
  }

  /**
   * The cells a change along these vectors (times `direction`) touches, including what linked
   * tables must do alike; null if too dear.
   */
  private candidate(
    table: Table,
    vectors: readonly Vector[],
    direction: number,
    limit: number,
    lifts: Map<string, Candidate | null>,
    restKey: string,
    work: (t: Table) => Float64Array,
    require?: Requirement,
  ): Candidate | null {
    const entries: Entry[] = [];
    let cost = 0;
    const dims = vectors.length;
    const pick = new Array<number>(dims).fill(0);
    const coords = new Array<number>(dims);
    for (;;) {
      let coef = direction;
      for (let d = 0; d < dims; d++) {
        coords[d] = vectors[d].codes[pick[d]];
        coef *= vectors[d].coefs[pick[d]];
      }
      const c = table.cube.cell(coords);
      if (table.fixed(c) || table.mirrorOf.has(c) || (!table.hidden[c] && table.provablyLarge(c, this.k))) return null;
      entries.push({ table, cell: c, coef });
      if (!table.hidden[c]) {
        cost += table.cost(c);
        if (cost > limit) return null;
      }
      let d = dims - 1;
      while (d >= 0 && ++pick[d] === vectors[d].codes.length) pick[d--] = 0;
      if (d < 0) break;
    }
    for (const link of table.links) {
      const at = vectors[0].codes.indexOf(link.fromRow);
      if (at < 0) continue;
      const r = vectors[0].coefs[at] * direction;
      const key = `${link.to.spec.id}|${r}|${restKey}`;
      let lift = lifts.get(key);
      if (lift === undefined) lifts.set(key, (lift = this.lift(link.to, link.toRow, r, vectors.slice(1), work(link.to), require?.table === link.to ? require : undefined)));
      if (!lift) return null;
      entries.push(...lift.entries);
      cost += lift.cost;
      if (cost > limit) return null;
    }
    return { entries, cost };
  }

  /**
   * In a mirroring table: the cheapest single leaf under the mirrored row that carries the same
   * change and has room to move that way (a leaf at its bound would stop the whole witness).
   */
  private lift(to: Table, toRow: number, r: number, rest: readonly Vector[], values: Float64Array, require?: Requirement): Candidate | null {
    let best: Candidate | null = null;
    for (const leaf of to.cube.dims[0].codes[toRow].leaves) {
      const row = this.vectors(to.cube, 0, leaf).find((v) => v.coefs.every((x) => x === 1));
      if (!row) continue;
      const entries: Entry[] = [];
      let cost = 0;
      let ok = true;
      for (const { coords, coef } of product([{ codes: row.codes, coefs: row.coefs.map((x) => x * r) }, ...rest])) {
        const c = to.cube.cell(coords);
        const mirrored = coords[0] === toRow;
        // Cells pinned to the population open up here: the same change hides the population.
        if (to.fixedForGood(c) || (!mirrored && (to.mirrorOf.has(c) || (!to.hidden[c] && to.provablyLarge(c, this.k))))) {
          ok = false;
          break;
        }
        if (coef < 0 && values[c] + coef < to.lb(c)) {
          ok = false;
          break;
        }
        entries.push({ table: to, cell: c, coef });
        if (!to.hidden[c] && !mirrored) cost += to.cost(c);
      }
      if (ok && (!best || cost < best.cost) && (!require || moves({ entries, cost }, require))) best = { entries, cost };
    }
    return best;
  }

  /** How far the change can go in `direction` (+1: as given) without breaking a bound, inequality or check. */
  private maxStep(candidate: Candidate, direction: number, work: (t: Table) => Float64Array): number {
    let step = Number.POSITIVE_INFINITY;
    // Bounds first (cheap, and most candidates stop here); the entries grouped by table meanwhile.
    const byTable = new Map<Table, Entry[]>();
    let table: Table | null = null;
    let values: Float64Array | null = null;
    let group: Entry[] = [];
    for (const e of candidate.entries) {
      if (e.table !== table) {
        table = e.table;
        values = work(table);
        group = byTable.get(table) ?? [];
        byTable.set(table, group);
      }
      group.push(e);
      if (direction * e.coef < 0) {
        step = Math.min(step, (values![e.cell] - table.lb(e.cell)) / Math.abs(e.coef));
        if (step < 1) return 0;
      }
    }
    for (const [t, entries] of byTable) {
      if (!t.spec.inequalities?.length) continue;
      step = Math.min(step, this.inequalityStep(t, entries, direction, work(t)));
      if (step < 1) return 0;
    }
    step = Math.floor(step);
    if (step < 1) return 0;
    // Extra checks (means, medians): the largest of a few steps that passes.
    for (const [t, entries] of byTable) {
      if (!t.spec.check) continue;
      const touched = entries.map((e) => e.cell);
      const base = work(t);
      const tryStep = (s: number) => {
        const w = Float64Array.from(base);
        for (const e of entries) w[e.cell] += direction * e.coef * s;
        return t.spec.check!(w, touched);
      };
      let s = Number.isFinite(step) ? step : 64;
      while (s >= 1 && !tryStep(s)) s = s > 1 ? Math.floor(s / 2) : 0;
      step = Math.min(step, s);
      if (step < 1) return 0;
    }
    return step;
  }

  /** The largest step that keeps the table's inequalities, at every combination of the other dimensions the change touches. */
  private inequalityStep(t: Table, entries: readonly Entry[], direction: number, w: Float64Array): number {
    // Row-major with the inequalities' dimension first: a cell is code × stride + the rest.
    const stride = t.cube.strides[0];
    const delta = new Map<number, number>();
    const rests = new Set<number>();
    for (const e of entries) {
      if (!t.inInequality[Math.floor(e.cell / stride)]) continue;
      delta.set(e.cell, (delta.get(e.cell) ?? 0) + e.coef * direction);
      rests.add(e.cell % stride);
    }
    let step = Number.POSITIVE_INFINITY;
    for (const inequality of t.spec.inequalities!) {
      for (const rest of rests) {
        let current = 0;
        let change = 0;
        for (const term of inequality.terms) change += term.coef * (delta.get(term.code * stride + rest) ?? 0);
        if (change <= 0) continue;
        for (const term of inequality.terms) current += term.coef * w[term.code * stride + rest];
        step = Math.min(step, Math.floor((-current + 1e-9) / change));
      }
    }
    return step;
  }
}

function moves(candidate: Candidate, require: Requirement): boolean {
  return candidate.entries.some((e) => e.table === require.table && e.cell === require.cell && (require.sign === 0 || Math.sign(e.coef) === require.sign));
}

/** Suppresses small cells and their complements over linked tables. */
export function suppress(specs: readonly TableSpec[], links: readonly Link[], k: number): SuppressionResult {
  return new Suppressor(specs, links, k).run();
}

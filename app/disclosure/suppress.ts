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

class Table {
  readonly spec: TableSpec;
  readonly cube: Cube;
  readonly hidden: Uint8Array;
  readonly mirrorOf = new Map<number, { table: Table; cell: number }>();
  readonly links: { to: Table; fromRow: number; toRow: number }[] = [];
  constructor(spec: TableSpec) {
    this.spec = spec;
    this.cube = spec.cube;
    this.hidden = new Uint8Array(spec.cube.size);
  }
  fixed(cell: number) {
    return this.spec.fixed?.(cell) ?? false;
  }
  unpublished(cell: number) {
    return this.spec.unpublished?.(cell) ?? false;
  }
  lb(cell: number) {
    return this.spec.lowerBound?.(cell) ?? 0;
  }
  cost(cell: number) {
    return (this.spec.weight?.(cell) ?? 1) * (1 + this.cube.values[cell]);
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
    for (const t of group) {
      this.withheld.add(t.spec.id);
      for (let c = 0; c < t.cube.size; c++) if (!t.fixed(c)) t.hidden[c] = 1;
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
    if (value < this.k) {
      // At least two values: a step of 1 either way.
      const best = this.best(table, cell, work, 1, [1, -1]);
      if (!best) return null;
      hide(best.candidate);
      return added;
    }
    // A cell of k or more must be able to fall below k: walk it down, step by step.
    let remaining = value - this.k + 1;
    for (let round = 0; remaining > 0 && round < 64; round++) {
      const best = this.best(table, cell, work, 1, [-1]);
      if (!best) return null;
      hide(best.candidate);
      const t = Math.min(best.step, remaining);
      for (const e of best.candidate.entries) work(e.table)[e.cell] += t * e.coef;
      remaining -= t;
    }
    return remaining > 0 ? null : added;
  }

  /** The cheapest witness through `cell` that allows at least `need` in one of `directions`. */
  private best(table: Table, cell: number, work: (t: Table) => Float64Array, need: number, directions: readonly number[]) {
    const coords = table.cube.coords(cell);
    const perDim = coords.map((code, d) => vectorsThrough(table.cube, d, code));
    let best: { candidate: Candidate; step: number } | null = null;
    const combos = product(perDim.map((vs) => ({ codes: vs.map((_, i) => i), coefs: vs.map(() => 1) })));
    for (const combo of combos) {
      const vectors = combo.coords.map((i, d) => perDim[d][i]);
      const candidate = this.candidate(table, vectors);
      if (!candidate) continue;
      if (best && candidate.cost > best.candidate.cost) continue;
      for (const direction of directions) {
        const step = this.maxStep(candidate, direction, work);
        if (step < need) continue;
        if (!best || candidate.cost < best.candidate.cost || step > best.step) best = { candidate: direction === 1 ? candidate : flip(candidate), step };
      }
    }
    return best;
  }

  /** The cells a change along these vectors touches, including what linked tables must do alike. */
  private candidate(table: Table, vectors: readonly Vector[]): Candidate | null {
    const entries: Entry[] = [];
    let cost = 0;
    for (const { coords, coef } of product(vectors)) {
      const c = table.cube.cell(coords);
      if (table.fixed(c) || table.mirrorOf.has(c)) return null;
      entries.push({ table, cell: c, coef });
      if (!table.hidden[c]) cost += table.cost(c);
    }
    for (const link of table.links) {
      const r = vectors[0].coefs[vectors[0].codes.indexOf(link.fromRow)] ?? 0;
      if (r === 0) continue;
      const lift = this.lift(link.to, link.toRow, r, vectors.slice(1));
      if (!lift) return null;
      entries.push(...lift.entries);
      cost += lift.cost;
    }
    return { entries, cost };
  }

  /** In a mirroring table: the cheapest single leaf under the mirrored row that carries the same change. */
  private lift(to: Table, toRow: number, r: number, rest: readonly Vector[]): Candidate | null {
    let best: Candidate | null = null;
    for (const leaf of to.cube.dims[0].codes[toRow].leaves) {
      const row = vectorsThrough(to.cube, 0, leaf).find((v) => v.codes.length > 0 && v.coefs.every((x) => x === 1) && v.codes.includes(toRow));
      if (!row) continue;
      const entries: Entry[] = [];
      let cost = 0;
      let ok = true;
      for (const { coords, coef } of product([{ codes: row.codes, coefs: row.coefs.map((x) => x * r) }, ...rest])) {
        const c = to.cube.cell(coords);
        const mirrored = coords[0] === toRow;
        if (to.fixed(c) || (!mirrored && to.mirrorOf.has(c))) {
          ok = false;
          break;
        }
        entries.push({ table: to, cell: c, coef });
        if (!to.hidden[c] && !mirrored) cost += to.cost(c);
      }
      if (ok && (!best || cost < best.cost)) best = { entries, cost };
    }
    return best;
  }

  /** How far the change can go in `direction` (+1: as given) without breaking a bound, inequality or check. */
  private maxStep(candidate: Candidate, direction: number, work: (t: Table) => Float64Array): number {
    let step = Number.POSITIVE_INFINITY;
    const byTable = new Map<Table, Entry[]>();
    for (const e of candidate.entries) {
      const w = work(e.table);
      if (direction * e.coef < 0) step = Math.min(step, w[e.cell] - e.table.lb(e.cell));
      byTable.set(e.table, [...(byTable.get(e.table) ?? []), e]);
    }
    if (step < 1) return 0;
    for (const [t, entries] of byTable) {
      const w = work(t);
      for (const inequality of t.spec.inequalities ?? []) {
        // Evaluate at every combination of the other dimensions that the change touches.
        const rests = new Map<string, number[]>();
        for (const e of entries) {
          const coords = t.cube.coords(e.cell);
          rests.set(coords.slice(1).join(","), coords.slice(1));
        }
        const delta = new Map<number, number>(entries.map((e) => [e.cell, e.coef * direction]));
        for (const rest of rests.values()) {
          let current = 0;
          let change = 0;
          for (const term of inequality.terms) {
            const c = t.cube.cell([term.code, ...rest]);
            current += term.coef * w[c];
            change += term.coef * (delta.get(c) ?? 0);
          }
          if (change > 0) step = Math.min(step, Math.floor((-current + 1e-9) / change));
        }
      }
    }
    step = Math.floor(step);
    if (step < 1) return 0;
    // Extra checks (means, medians): accept the largest step that passes, trying a few.
    for (const [t, entries] of byTable) {
      if (!t.spec.check) continue;
      const touched = entries.map((e) => e.cell);
      const tryStep = (s: number) => {
        const w = Float64Array.from(work(t));
        for (const e of entries) w[e.cell] += direction * e.coef * s;
        return t.spec.check!(w, touched);
      };
      const finite = Number.isFinite(step) ? step : 64;
      let s = finite;
      while (s >= 1 && !tryStep(s)) s = s > 1 ? Math.floor(s / 2) : 0;
      step = Math.min(step, s);
      if (step < 1) return 0;
    }
    return step;
  }
}

function flip(c: Candidate): Candidate {
  return { entries: c.entries.map((e) => ({ ...e, coef: -e.coef })), cost: c.cost };
}

/** Suppresses small cells and their complements over linked tables. */
export function suppress(specs: readonly TableSpec[], links: readonly Link[], k: number): SuppressionResult {
  return new Suppressor(specs, links, k).run();
}

// The attacker of the disclosure tests: every number a page shows goes into one linear system
// (cells ≥ 0, sums equal to their totals, percentages as bounds given their rounding, means as
// bounds given the bands); each hidden cell's feasible interval is then found by linear
// programming (HiGHS). A hidden cell is protected when its interval holds at least two whole
// numbers, one of them below the threshold. The solver knows nothing of how the app chose what
// to hide.
import highsLoader from "highs";

export type Term = readonly [variable: string, coef: number];

export interface Constraint {
  readonly terms: readonly Term[];
  readonly op: "=" | "<=" | ">=";
  readonly rhs: number;
  /** Where it came from, for messages. */
  readonly note?: string;
}

export class LinearSystem {
  /** Published values. */
  readonly known = new Map<string, number>();
  /** Variables that may be negative (e.g. a sum of values). */
  readonly free = new Set<string>();
  readonly constraints: Constraint[] = [];
  /** The cells shown as hidden, to be tested. */
  readonly hidden = new Set<string>();

  publish(name: string, value: number) {
    const before = this.known.get(name);
    if (before !== undefined && Math.abs(before - value) > 1e-9) throw new Error(`${name} shown as ${before} and as ${value}`);
    if (this.hidden.has(name)) throw new Error(`${name} is both shown (${value}) and hidden`);
    this.known.set(name, value);
  }

  hide(name: string) {
    if (this.known.has(name)) throw new Error(`${name} is both shown (${this.known.get(name)}) and hidden`);
    this.hidden.add(name);
  }

  add(terms: readonly Term[], op: Constraint["op"], rhs: number, note?: string) {
    this.constraints.push({ terms, op, rhs, note });
  }

  /** total = Σ parts */
  sum(total: string, parts: readonly string[], note?: string) {
    this.add([[total, 1], ...parts.map((p): Term => [p, -1])], "=", 0, note);
  }
}

export interface Interval {
  readonly min: number;
  readonly max: number;
}

export interface Finding {
  readonly cell: string;
  readonly interval: Interval;
}

type Highs = Awaited<ReturnType<typeof highsLoader>>;
let solver: Promise<Highs> | null = null;

const EPS = 1e-6;

/** The whole numbers an interval holds, at most 2 listed (enough for the verdict). */
export function isProtected(interval: Interval, k: number): boolean {
  const lo = Math.ceil(interval.min - EPS);
  const hi = Math.floor(interval.max + EPS);
  return hi - lo >= 1 && lo <= k - 1;
}

/**
 * Every hidden cell's interval, or for a protected cell the part of it found so far: the cells
 * are decided from feasible points of the system (LP solutions), and a cell whose values at
 * those points already span two whole numbers, one below k, needs no LP of its own. Every
 * other cell gets its exact minimum and maximum. Without `k`, every interval is exact. Throws
 * if the published numbers contradict the constraints (the attacker's model of the page is then
 * wrong, not the page safe).
 */
export async function intervals(system: LinearSystem, k?: number): Promise<Map<string, Interval>> {
  const highs = await (solver ??= highsLoader());
  // Substitute the published values; check the constraints left with no unknown.
  const reduced: { terms: Term[]; op: Constraint["op"]; rhs: number; note?: string }[] = [];
  for (const c of system.constraints) {
    let rhs = c.rhs;
    const terms: Term[] = [];
    for (const [v, coef] of c.terms) {
      const value = system.known.get(v);
      if (value === undefined) terms.push([v, coef]);
      else rhs -= coef * value;
    }
    if (terms.length === 0) {
      const ok = c.op === "=" ? Math.abs(rhs) < 1e-6 : c.op === "<=" ? 0 <= rhs + 1e-6 : 0 >= rhs - 1e-6;
      if (!ok) throw new Error(`published numbers break ${c.note ?? JSON.stringify(c)}`);
      continue;
    }
    reduced.push({ terms, op: c.op, rhs, note: c.note });
  }
  // Components of unknowns linked by a constraint: each is one LP (a table and those linked to it).
  const parent = new Map<string, string>();
  const find = (v: string): string => {
    let p = parent.get(v) ?? v;
    if (p !== v) {
      p = find(p);
      parent.set(v, p);
    }
    return p;
  };
  for (const c of reduced) for (let i = 1; i < c.terms.length; i++) parent.set(find(c.terms[i][0]), find(c.terms[0][0]));
  const byComponent = new Map<string, typeof reduced>();
  for (const c of reduced) {
    const root = find(c.terms[0][0]);
    byComponent.set(root, [...(byComponent.get(root) ?? []), c]);
  }
  const hiddenBy = new Map<string, string[]>();
  for (const cell of system.hidden) hiddenBy.set(find(cell), [...(hiddenBy.get(find(cell)) ?? []), cell]);
  const out = new Map<string, Interval>();
  for (const [root, cells] of hiddenBy) {
    const constraints = byComponent.get(root) ?? [];
    const names = new Set<string>(cells);
    for (const c of constraints) for (const [v] of c.terms) names.add(v);
    const ids = new Map([...names].map((n, i) => [n, `x${i}`]));
    const expr = (terms: readonly Term[]) => terms.map(([v, coef]) => `${coef >= 0 ? "+" : "-"} ${Math.abs(coef)} ${ids.get(v)}`).join(" ");
    const body = [
      "Subject To",
      ...constraints.map((c, i) => ` c${i}: ${expr(c.terms)} ${c.op === "=" ? "=" : c.op} ${c.rhs}`),
      ...cells.map((cell, i) => ` h${i}: + 1 ${ids.get(cell)} >= 0`),
      "Bounds",
      ...[...names].map((n) => (system.free.has(n) ? ` ${ids.get(n)} free` : ` ${ids.get(n)} >= 0`)),
      "End",
    ].join("\n");
    // What the feasible points seen so far show of each cell.
    const seen = new Map<string, Interval>();
    const solve = (sense: "Minimize" | "Maximize", objective: readonly Term[]) => {
      const result = highs.solve(`${sense}\n obj: ${expr(objective)}\n${body}`);
      if (result.Status === "Unbounded") return sense === "Minimize" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
      if (result.Status !== "Optimal") throw new Error(`LP for ${objective.map(([v]) => v).join(" + ")}: ${result.Status}`);
      for (const cell of cells) {
        const x = result.Columns[ids.get(cell)!].Primal;
        const s = seen.get(cell);
        seen.set(cell, { min: Math.min(x, s?.min ?? x), max: Math.max(x, s?.max ?? x) });
      }
      return result.ObjectiveValue;
    };
    const decided = (cell: string) => k !== undefined && isProtected(seen.get(cell)!, k);
    if (k !== undefined) {
      // Two points that move every cell as far as it goes together, low and high.
      solve("Minimize", cells.map((c): Term => [c, 1]));
      solve("Maximize", cells.map((c): Term => [c, 1]));
    }
    for (const cell of cells) {
      if (decided(cell)) {
        out.set(cell, seen.get(cell)!);
        continue;
      }
      const min = solve("Minimize", [[cell, 1]]);
      const max = decided(cell) && k !== undefined ? seen.get(cell)!.max : solve("Maximize", [[cell, 1]]);
      out.set(cell, { min, max });
    }
  }
  return out;
}

/** The hidden cells an attacker pins down or proves to be k or more. */
export async function attack(system: LinearSystem, k: number): Promise<Finding[]> {
  const found = await intervals(system, k);
  return [...found].filter(([, interval]) => !isProtected(interval, k)).map(([cell, interval]) => ({ cell, interval }));
}

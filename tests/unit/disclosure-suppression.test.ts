// Complementary suppression (app/disclosure) against the attacker of tests/support: the issue's
// own example, then generated cubes with many small cells (rows with N, a summary and the
// population; case projects under programmes under a total; years under "all periods"), linked
// tables and bounded rows. Every hidden cell must keep two possible values, one below k.
import { describe, expect, it } from "vitest";
import { Cube, dimension, type Dimension } from "../../app/disclosure/cube";
import { isSmall, suppress, type Link, type TableSpec } from "../../app/disclosure/suppress";
import { LinearSystem, attack, intervals } from "../support/disclosure-attacker";

/** The attacker's system for cubes: every sum of every dimension, shown cells fixed, hidden ones open. */
function systemOf(tables: readonly { spec: TableSpec; hidden: Uint8Array }[], links: readonly Link[] = []) {
  const system = new LinearSystem();
  const name = (table: string, cell: number) => `${table}:${cell}`;
  for (const { spec, hidden } of tables) {
    const { cube } = spec;
    for (let cell = 0; cell < cube.size; cell++) {
      if (spec.unpublished?.(cell)) continue;
      if (hidden[cell]) system.hide(name(spec.id, cell));
      else system.publish(name(spec.id, cell), cube.values[cell]);
    }
    cube.dims.forEach((dim: Dimension, d) => {
      for (let cell = 0; cell < cube.size; cell++) {
        const coords = cube.coords(cell);
        const code = dim.codes[coords[d]];
        if (code.leaves.length === 1 && dim.codes[code.leaves[0]] === code) continue;
        const parts = code.leaves.map((leaf) => name(spec.id, cube.cell(coords.map((c, i) => (i === d ? leaf : c)))));
        system.sum(name(spec.id, cell), parts, `${spec.id} ${dim.name}`);
      }
    });
    for (const inequality of spec.inequalities ?? []) {
      for (let cell = 0; cell < cube.size; cell++) {
        const coords = cube.coords(cell);
        if (coords[0] !== 0) continue;
        system.add(
          inequality.terms.map((t) => [name(spec.id, cube.cell([t.code, ...coords.slice(1)])), t.coef] as const),
          "<=",
          0,
        );
      }
    }
  }
  for (const link of links) {
    const from = tables.find((t) => t.spec.id === link.from)!.spec.cube;
    const to = tables.find((t) => t.spec.id === link.to)!.spec.cube;
    for (let cell = 0; cell < to.size; cell++) {
      const coords = to.coords(cell);
      if (coords[0] === link.toRow) system.sum(name(link.to, cell), [name(link.from, from.cell([link.fromRow, ...coords.slice(1)]))], "link");
    }
  }
  return system;
}

function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const columns = dimension(
  "column",
  ["a1", "a2", "a3", "b1", "b2"],
  [
    { key: "A", of: ["a1", "a2", "a3"] },
    { key: "B", of: ["b1", "b2"] },
    { key: "total", of: ["a1", "a2", "a3", "b1", "b2"] },
  ],
);
const periods = dimension("period", ["2017", "2018"], [{ key: "all", of: ["2017", "2018"] }]);

/** Rows like a statistics table: four categories, N, a summary, missing and the population. */
const rows = dimension(
  "row",
  ["c1", "c2", "c3", "c4", "missing"],
  [
    { key: "N", of: ["c1", "c2", "c3", "c4"] },
    { key: "low", of: ["c1", "c2"] },
    { key: "pop", of: ["c1", "c2", "c3", "c4", "missing"] },
  ],
);

/** Rows × case projects under programmes under a total, as on the statistics page: the base (population, N, not answered) is shown. */
function generatedTable(id: string, seed: number, small: number, dims: readonly Dimension[] = [rows, columns]): TableSpec {
  const next = random(seed);
  const leaf = new Map<string, number>();
  const cube = new Cube(dims, (leaves) => {
    const key = leaves.join(",");
    if (!leaf.has(key)) {
      const r = next();
      // Many small cells: a share of 0–4, some zeros, the rest larger.
      leaf.set(key, leaves[0] === 4 ? (r < 0.7 ? 0 : 1 + Math.floor(next() * 3)) : r < small ? Math.floor(next() * 5) : 5 + Math.floor(next() * 20));
    }
    return leaf.get(key)!;
  });
  const base = new Set(["pop", "N", "missing"].map((key) => rows.codes.findIndex((c) => c.key === key)));
  return { id, cube, fixed: (cell) => base.has(cube.coords(cell)[0]) };
}

describe("the issue's example: Under 25, Intro 20, Jobbsjansen 1, total 21", () => {
  const ages = dimension("age", ["under25", "25to34", "35plus"], [{ key: "N", of: ["under25", "25to34", "35plus"] }]);
  const programmes = dimension("programme", ["intro", "jobbsjansen"], [{ key: "total", of: ["intro", "jobbsjansen"] }]);
  const values: Record<string, number[]> = { under25: [20, 1], "25to34": [40, 30], "35plus": [51, 60] };
  const cube = new Cube([ages, programmes], ([a, p]) => values[ages.codes[a].key][p]);
  const spec: TableSpec = { id: "age", cube };

  it("primary suppression alone gives the hidden cell away", async () => {
    const primary = new Uint8Array(cube.size).map((_, cell) => (isSmall(cube.values[cell], 5) ? 1 : 0));
    const found = await attack(systemOf([{ spec, hidden: primary }]), 5);
    expect(found).toEqual([{ cell: `age:${cube.at(["under25", "jobbsjansen"])}`, interval: { min: 1, max: 1 } }]);
  });

  it("with complementary suppression every hidden cell keeps two values, one below 5", async () => {
    const result = suppress([spec], [], 5);
    const hidden = result.hidden.get("age")!;
    expect(hidden[cube.at(["under25", "jobbsjansen"])]).toBe(1);
    expect(result.secondary).toBeGreaterThan(0);
    expect(await attack(systemOf([{ spec, hidden }]), 5)).toEqual([]);
    // The totals of the whole table stay: they are what the reader needs most.
    expect(hidden[cube.at(["N", "total"])]).toBe(0);
  });
});

describe("generated tables with many small cells", () => {
  for (const [seed, small] of [
    [1, 0.3],
    [2, 0.5],
    [3, 0.7],
    [4, 0.9],
  ] as const) {
    it(`seed ${seed}, ${Math.round(small * 100)} % small cells: no hidden cell can be pinned down`, async () => {
      const spec = generatedTable("t", seed, small);
      const result = suppress([spec], [], 5);
      const hidden = result.hidden.get("t")!;
      for (let cell = 0; cell < spec.cube.size; cell++) if (isSmall(spec.cube.values[cell], 5) && !spec.fixed!(cell)) expect(hidden[cell]).toBe(1);
      const system = systemOf([{ spec, hidden }]);
      expect(system.hidden.size).toBeGreaterThan(0);
      // The table is not simply hidden whole: categories of the total stay readable.
      expect(result.withheld.size).toBe(0);
      expect(["c1", "c2", "c3", "c4"].filter((c) => !hidden[spec.cube.at([c, "total"])]).length).toBeGreaterThan(0);
      expect(await attack(system, 5)).toEqual([]);
    });
  }

  it("a third dimension (years under all years): still no hidden cell can be pinned down", async () => {
    const spec = generatedTable("t", 5, 0.3, [rows, columns, periods]);
    const result = suppress([spec], [], 5);
    expect(await attack(systemOf([{ spec, hidden: result.hidden.get("t")! }]), 5)).toEqual([]);
  });

  it("the attacker finds cells in the same tables with primary suppression only", async () => {
    const spec = generatedTable("t", 2, 0.5);
    const primary = new Uint8Array(spec.cube.size).map((_, cell) => (isSmall(spec.cube.values[cell], 5) && !spec.fixed!(cell) ? 1 : 0));
    expect((await attack(systemOf([{ spec, hidden: primary }]), 5)).length).toBeGreaterThan(0);
  });
});

describe("linked tables and bounded rows", () => {
  // Tables in which N of the in-work table must move with the number in work itself (no witness inside it).
  for (const [seed, small] of [
    [7, 0.2],
    [8, 0.4],
    [9, 0.4],
  ] as const) {
    it(`seed ${seed}: a row that is another table's population is protected in both at once, with N and «not answered» pinned to it`, async () => {
      const status = generatedTable("status", seed, small);
      // The "in work" table splits c1 of the status table (its population) into two kinds and "not answered".
      const split = dimension("kind", ["k1", "k2", "missing"], [{ key: "N", of: ["k1", "k2"] }, { key: "pop", of: ["k1", "k2", "missing"] }]);
      const c1 = rows.codes.findIndex((c) => c.key === "c1");
      const inWork = new Cube([split, columns], ([kind, col]) => {
        const total = status.cube.values[status.cube.cell([c1, col])];
        const missing = total >= 8 ? 1 : 0;
        const share = Math.floor((total - missing) / 3);
        return [total - missing - share, share, missing][kind];
      });
      const pop = split.codes.findIndex((c) => c.key === "pop");
      const pinnedRows = ["N", "missing"].map((key) => split.codes.findIndex((c) => c.key === key));
      const work: TableSpec = { id: "work", cube: inWork, pinned: (cell) => pinnedRows.includes(inWork.coords(cell)[0]) };
      const links: Link[] = [{ from: "status", fromRow: c1, to: "work", toRow: pop }];
      const result = suppress([status, work], links, 5);
      // Protected, not withheld: N and "not answered" stay readable wherever the number in work is.
      expect(result.withheld.size).toBe(0);
      const hiddenWork = result.hidden.get("work")!;
      for (let col = 0; col < columns.codes.length; col++) {
        if (!hiddenWork[inWork.cell([pop, col])]) for (const row of pinnedRows) expect(hiddenWork[inWork.cell([row, col])]).toBe(0);
      }
      const system = systemOf(
        [
          { spec: status, hidden: result.hidden.get("status")! },
          { spec: work, hidden: hiddenWork },
        ],
        links,
      );
      expect([...system.hidden].filter((name) => name.startsWith("work:")).length).toBeGreaterThan(0);
      expect(await attack(system, 5)).toEqual([]);
    });
  }

  it("rows bounded by N (multiple choice) stay protected under their bound", async () => {
    const flags = dimension("flag", ["f1", "f2", "f3", "N", "missing"], [{ key: "pop", of: ["N", "missing"] }]);
    const next = random(11);
    const leaf = new Map<string, number>();
    const cube = new Cube([flags, columns, periods], (leaves) => {
      const key = leaves.slice(1).join(",");
      if (!leaf.has(key)) leaf.set(key, 3 + Math.floor(next() * 12));
      const n = leaf.get(key)!;
      return leaves[0] === 3 ? n : leaves[0] === 4 ? 2 : Math.floor(next() * (n + 1));
    });
    const pop = flags.codes.findIndex((c) => c.key === "pop");
    const spec: TableSpec = {
      id: "needs",
      cube,
      fixed: (cell) => cube.coords(cell)[0] === pop,
      inequalities: [0, 1, 2].map((f) => ({ terms: [{ code: f, coef: 1 }, { code: 3, coef: -1 }] })),
    };
    const result = suppress([spec], [], 5);
    const system = systemOf([{ spec, hidden: result.hidden.get("needs")! }]);
    const found = await intervals(system);
    expect(found.size).toBeGreaterThan(0);
    expect(await attack(system, 5)).toEqual([]);
  });
});

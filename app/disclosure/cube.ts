// A table as statistics offices protect it: every published number is a cell of one cube whose
// dimensions each have leaves and sums of leaves (a programme is the sum of its case projects, N
// the sum of the answer categories, "A2+ or lower" the sum of six levels). Every filter choice of
// a page shows a slice of the cube, so one suppression pattern serves them all and no difference
// of two choices opens a hidden cell. Pure.

export interface Code {
  readonly key: string;
  /** The leaves this code sums (a leaf sums itself). A leaf in no other code stands alone. */
  readonly leaves: readonly number[];
}

export interface Dimension {
  readonly name: string;
  /** Number of leaves; leaf i is the code whose `leaves` is `[i]`. */
  readonly leafCount: number;
  readonly codes: readonly Code[];
}

/** A dimension from leaf keys and named sums of them (by key). */
export function dimension(name: string, leaves: readonly string[], sums: readonly { key: string; of: readonly string[] }[] = []): Dimension {
  const index = new Map(leaves.map((k, i) => [k, i]));
  const codes: Code[] = leaves.map((key, i) => ({ key, leaves: [i] }));
  for (const s of sums) {
    if (index.has(s.key) || codes.some((c) => c.key === s.key)) throw new Error(`code ${s.key} twice in ${name}`);
    const of = s.of.map((k) => {
      const i = index.get(k);
      if (i === undefined) throw new Error(`no leaf ${k} in ${name}`);
      return i;
    });
    codes.push({ key: s.key, leaves: [...new Set(of)].sort((a, b) => a - b) });
  }
  return { name, leafCount: leaves.length, codes };
}

export class Cube {
  readonly dims: readonly Dimension[];
  /** Values of every cell (every combination of codes), row-major over `dims`. */
  readonly values: Float64Array;
  readonly strides: readonly number[];
  readonly size: number;
  private readonly codeIndex: readonly Map<string, number>[];

  /** `leafValue` gives the count of each combination of leaves. */
  constructor(dims: readonly Dimension[], leafValue: (leaves: readonly number[]) => number) {
    this.dims = dims;
    const strides: number[] = [];
    let size = 1;
    for (let d = dims.length - 1; d >= 0; d--) {
      strides[d] = size;
      size *= dims[d].codes.length;
    }
    this.strides = strides;
    this.size = size;
    this.codeIndex = dims.map((d) => new Map(d.codes.map((c, i) => [c.key, i])));
    this.values = new Float64Array(size);
    // Sums are separable: sum over the leaves of one dimension at a time.
    for (let cell = 0; cell < size; cell++) {
      const coords = this.coords(cell);
      let total = 0;
      const leafSets = coords.map((c, d) => dims[d].codes[c].leaves);
      const pick = new Array<number>(dims.length).fill(0);
      for (;;) {
        total += leafValue(pick.map((p, d) => leafSets[d][p]));
        let d = dims.length - 1;
        while (d >= 0 && ++pick[d] === leafSets[d].length) pick[d--] = 0;
        if (d < 0) break;
      }
      this.values[cell] = total;
    }
  }

  coords(cell: number): number[] {
    return this.strides.map((s, d) => Math.floor(cell / s) % this.dims[d].codes.length);
  }

  cell(coords: readonly number[]): number {
    let i = 0;
    for (let d = 0; d < coords.length; d++) i += coords[d] * this.strides[d];
    return i;
  }

  /** The cell at these code keys, one per dimension. */
  at(keys: readonly string[]): number {
    return this.cell(
      keys.map((k, d) => {
        const i = this.codeIndex[d].get(k);
        if (i === undefined) throw new Error(`no code ${k} in ${this.dims[d].name}`);
        return i;
      }),
    );
  }

  has(d: number, key: string): boolean {
    return this.codeIndex[d].has(key);
  }

  codeOf(d: number, key: string): number {
    const i = this.codeIndex[d].get(key);
    if (i === undefined) throw new Error(`no code ${key} in ${this.dims[d].name}`);
    return i;
  }
}

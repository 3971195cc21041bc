// Inter-coder agreement (app/coding/agreement.ts) against published worked examples, each asserted
// to the precision it was published with, plus figures derived by hand in the comments (so a
// reader can check them) and the segment-weighted character units against naive per-character ones.
import { describe, expect, it } from "vitest";
import {
  agreement,
  characterUnits,
  cohensKappa,
  disagreements,
  krippendorffAlpha,
  percentAgreement,
  statistics,
  type TextCoding,
  type Unit,
} from "../../app/coding/agreement";

/** Units from a coders × units table (one row per coder); null = the coder did not code the unit. */
function table<V extends string | number | boolean>(rows: Record<string, readonly (V | null)[]>): Unit<V>[] {
  const coders = Object.keys(rows);
  return rows[coders[0]].map((_, u) => ({
    id: String(u + 1),
    values: Object.fromEntries(coders.map((c) => [c, rows[c][u]]).filter(([, v]) => v !== null)),
  }));
}

/** Two coders' contingency table (rows: coder a's category, columns: coder b's) as units. */
function contingency(categories: readonly string[], counts: readonly (readonly number[])[]): Unit<string>[] {
  const units: Unit<string>[] = [];
  counts.forEach((row, i) => row.forEach((n, j) => {
    for (let k = 0; k < n; k++) units.push({ id: `${i}${j}${k}`, values: { a: categories[i], b: categories[j] } });
  }));
  return units;
}

/** Fails on any NaN or ±Infinity anywhere in a result. */
function expectFinite(value: unknown, path = "result"): void {
  if (typeof value === "number") expect(Number.isFinite(value), `${path} = ${value}`).toBe(true);
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) expectFinite(v, `${path}.${k}`);
}

// Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. Annenberg School for
// Communication, University of Pennsylvania (repository.upenn.edu/asc_papers/43), section C
// "Nominal data, any number of observers, missing data": 4 observers, 12 units. Nominal α = 0.743;
// its coincidence matrix has marginals n_1..n_5 = 9, 13, 10, 5, 3 and n = 40 (o_11 = 7,
// o_12 = 4/3). The same matrix is the "C" data of R's irr::kripp.alpha example (nominal 0.743),
// which only moves unit 12's single value, unpairable either way.
const krippendorff2011 = table({
  A: [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
  B: [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
  C: [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
  D: [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
});

describe("Krippendorff's α (nominal, coincidence matrix)", () => {
  it("reproduces Krippendorff (2011): 4 coders, 12 units, missing values, α = 0.743", () => {
    const alpha = krippendorffAlpha(krippendorff2011);
    expect(alpha.reason).toBeNull();
    expect(alpha.value).toBeCloseTo(0.743, 3);
    // The published coincidence matrix, categories 1..5 in order of first appearance.
    expect(alpha.categories).toEqual([1, 2, 3, 4, 5]);
    expect(alpha.coincidences.map((row) => row.reduce((s, x) => s + x, 0))).toEqual([9, 13, 10, 5, 3].map((x) => expect.closeTo(x, 12)));
    expect(alpha.coincidences[0][0]).toBeCloseTo(7, 12);
    expect(alpha.coincidences[0][1]).toBeCloseTo(4 / 3, 12);
    expect(alpha.pairableValues).toBeCloseTo(40, 12);
    // Unit 12 has one value: not pairable, so 11 units count and dropping it changes nothing.
    expect(alpha.pairableUnits).toBe(11);
    expect(krippendorffAlpha(krippendorff2011.slice(0, 11)).value).toBe(alpha.value);
  });

  it("reproduces Wikipedia's «Krippendorff's alpha» computational example: 3 coders, 15 units, nominal α = 0.691", () => {
    // https://en.wikipedia.org/wiki/Krippendorff%27s_alpha#A_computational_example (the same data
    // and 0.691358 are in the test suite of the Python package `krippendorff`).
    const wikipedia = table({
      A: [null, null, null, null, null, 3, 4, 1, 2, 1, 1, 3, 3, null, 3],
      B: [1, null, 2, 1, 3, 3, 4, 3, null, null, null, null, null, null, null],
      C: [null, null, 2, 1, 3, 4, 4, null, 2, 1, 1, 3, 3, null, 4],
    });
    expect(krippendorffAlpha(wikipedia).value).toBeCloseTo(0.691, 3);
  });

  it("lists the units where coders differ, never a unit with one value or with a missing coder only", () => {
    const found = disagreements(krippendorff2011);
    expect(found.map((d) => d.unit)).toEqual(["2", "6", "8"]);
    expect(found[0].values).toEqual({ A: 2, B: 2, C: 3, D: 2 });
  });
});

// Wikipedia, «Cohen's kappa», worked example: 50 grant proposals read by two readers; both Yes 20,
// A Yes / B No 5, A No / B Yes 10, both No 15. Published: p_o = 0.7, p_e = 0.5, κ = 0.4, each
// derived there exactly (35/50; 0.5·0.6 + 0.5·0.4; 0.2/0.5), so asserted to 12 places: Scott's π
// (0.394) would pass a one-decimal check.
const grants = contingency(["Yes", "No"], [[20, 5], [10, 15]]);

// Bonnardel, P., «The Kappa coefficient: the measurement of interrater agreement when the ratings
// are on categorical scales. The case of two raters», notes to his program Kappa.exe
// (http://kappa.perso.worldonline.fr/kappa.txt), hypothetical example: 100 subjects, 3 diagnostic categories, rows rater A, columns
// rater B. Published: Po = 0.770, Pe = 0.336, K = 0.654.
const diagnoses = contingency(["1", "2", "3"], [[25, 3, 5], [6, 32, 8], [1, 0, 20]]);

describe("Cohen's κ and percent agreement", () => {
  it("reproduces Wikipedia's worked example: p_o = 0.7, p_e = 0.5, κ = 0.4", () => {
    const kappa = cohensKappa(grants, "a", "b");
    expect(kappa.observed).toBeCloseTo(0.7, 12);
    expect(kappa.expected).toBeCloseTo(0.5, 12);
    expect(kappa.value).toBeCloseTo(0.4, 12);
    expect(kappa.units).toBe(50);
    expect(percentAgreement(grants).value).toBeCloseTo(0.7, 12);
  });

  it("reproduces Bonnardel's 3 × 3 example: Po = 0.770, Pe = 0.336, κ = 0.654", () => {
    const kappa = cohensKappa(diagnoses, "a", "b");
    expect(kappa.observed).toBeCloseTo(0.77, 3);
    expect(kappa.expected).toBeCloseTo(0.336, 3);
    expect(kappa.value).toBeCloseTo(0.654, 3);
    expect(percentAgreement(diagnoses).value).toBeCloseTo(0.77, 3);
  });

  it("averages percent agreement over coder pairs, each on the units both coded (Krippendorff 2011 data)", () => {
    // By hand, pair by pair (agreeing units / units both coded):
    // AB 8/9, AC 5/8, AD 8/9, BC 6/9, BD 9/10, CD 7/10; mean = (22/9 + 5/8 + 8/5)/6 = 1681/2160.
    const result = percentAgreement(krippendorff2011, ["A", "B", "C", "D"]);
    expect(result.pairs.map((p) => [p.coders.join(""), p.agreement, p.units])).toEqual([
      ["AB", 8 / 9, 9],
      ["AC", 5 / 8, 8],
      ["AD", 8 / 9, 9],
      ["BC", 6 / 9, 9],
      ["BD", 9 / 10, 10],
      ["CD", 7 / 10, 10],
    ]);
    expect(result.value).toBeCloseTo(1681 / 2160, 12);
  });

  it("gives α close to but not the same as κ for two coders without missing data", () => {
    // Grants, coincidence matrix (each unit adds both ordered pairs, m_u − 1 = 1):
    // o_YY = 2·20 = 40, o_NN = 2·15 = 30, o_YN = o_NY = 5 + 10 = 15; n_Y = 55, n_N = 45, n = 100.
    // D_o = 30/100 = 0.3; D_e = 2·55·45/(100·99) = 0.5; α = 1 − 0.3/0.5 = 0.4 — here equal to κ,
    // by coincidence: Scott's chance term 1 − (0.55² + 0.45²) = 0.495, times n/(n−1) = 100/99, is
    // exactly κ's 1 − p_e = 0.5.
    expect(krippendorffAlpha(grants).value).toBeCloseTo(0.4, 12);
    // Diagnoses: o_11 = 50, o_22 = 64, o_33 = 40, o_12 = 3 + 6 = 9, o_13 = 5 + 1 = 6, o_23 = 8 + 0 = 8;
    // n_1 = 65, n_2 = 81, n_3 = 54, n = 200; Σ_{c≠k} o_ck = 46, Σ_{c≠k} n_c n_k = 200² − (65² + 81² + 54²) = 26298.
    // α = 1 − 199·46/26298 = 17144/26298 = 8572/13149 ≈ 0.6519, while κ ≈ 0.6537.
    const alpha = krippendorffAlpha(diagnoses);
    expect(alpha.value).toBeCloseTo(8572 / 13149, 12);
    expect(alpha.observedDisagreement).toBeCloseTo(46 / 200, 12);
    expect(alpha.expectedDisagreement).toBeCloseTo(26298 / (200 * 199), 12);
    expect(Math.abs(alpha.value! - cohensKappa(diagnoses, "a", "b").value!)).toBeGreaterThan(0.001);
  });
});

describe("undefined results are null with a reason, never NaN", () => {
  it("all coders agree on a single category: κ and α are 0/0, percent agreement is 1", () => {
    const units = table({ a: ["x", "x", "x"], b: ["x", "x", "x"], c: ["x", null, "x"] });
    const alpha = krippendorffAlpha(units);
    expect([alpha.value, alpha.reason]).toEqual([null, "one-category"]);
    const kappa = cohensKappa(units, "a", "b");
    expect([kappa.value, kappa.reason, kappa.observed]).toEqual([null, "one-category", 1]);
    expect(percentAgreement(units).value).toBe(1);
    expect(disagreements(units)).toEqual([]);
    expectFinite([alpha, kappa, percentAgreement(units)]);
  });

  it("two coders who each used one category, but not the same one, have κ = 0 and α = −1 (defined)", () => {
    // p_o = 0, p_e = 1·0 + 0·1 = 0, κ = 0. o_xy = o_yx = 2, n = 4, D_o = 1, D_e = 8/12, α = 1 − 3/2.
    const units = table({ a: ["x", "x"], b: ["y", "y"] });
    expect(cohensKappa(units, "a", "b").value).toBe(0);
    expect(krippendorffAlpha(units).value).toBeCloseTo(-0.5, 12);
  });

  it("units coded by fewer than two coders are not pairable", () => {
    const units = table({ a: [1, null, 2], b: [null, 1, null] });
    expect(krippendorffAlpha(units)).toMatchObject({ value: null, reason: "no-pairable-units", pairableUnits: 0, pairableValues: 0 });
    expect(cohensKappa(units, "a", "b")).toMatchObject({ value: null, reason: "no-pairable-units", units: 0 });
    expect(percentAgreement(units)).toMatchObject({ value: null, reason: "no-pairable-units", pairs: [] });
    expectFinite([krippendorffAlpha(units), cohensKappa(units, "a", "b"), percentAgreement(units)]);
  });

  it("empty input", () => {
    expect(krippendorffAlpha([])).toMatchObject({ value: null, reason: "no-units", categories: [], coincidences: [] });
    expect(cohensKappa([], "a", "b")).toMatchObject({ value: null, reason: "no-units" });
    expect(percentAgreement([], ["a", "b"])).toMatchObject({ value: null, reason: "no-units" });
    const report = agreement({ unitKind: "record", coders: ["a", "b"], codes: ["X"], records: [] });
    expect(report.units).toBe(0);
    expect(report.overall.alpha.reason).toBe("no-units");
    expectFinite(report);
  });
});

describe("a coding round: per code and overall", () => {
  // Researcher R and job specialist J code four notes with codes X and Y.
  const round = {
    unitKind: "record" as const,
    coders: ["R", "J"],
    codes: ["X", "Y"],
    records: [
      { id: "n1", codes: { R: ["X"], J: ["X"] } },
      { id: "n2", codes: { R: ["X", "Y"], J: ["X"] } },
      { id: "n3", codes: { R: [], J: ["Y"] } },
      { id: "n4", codes: { R: ["Y"], J: ["Y"] } },
    ],
  };

  it("computes each code as a binary variable, with the unit kind and count carried through", () => {
    const report = agreement(round);
    expect([report.unitKind, report.units, report.coders]).toEqual(["record", 4, ["R", "J"]]);
    const [x, y] = report.perCode;
    // X: (R, J) = (1,1) (1,1) (0,0) (0,0): perfect agreement on two categories.
    expect([x.code, x.units, x.percentAgreement.value, x.kappa.value, x.alpha.value]).toEqual(["X", 4, 1, 1, 1]);
    expect(x.disagreements).toEqual([]);
    // Y: (0,0) (1,0) (0,1) (1,1). p_o = 0.5, p_e = 0.5·0.5 + 0.5·0.5 = 0.5, κ = 0.
    // o_00 = 2, o_11 = 2, o_01 = o_10 = 2; n_0 = n_1 = 4, n = 8; D_o = 4/8, D_e = 2·4·4/(8·7) = 4/7; α = 1 − 7/8 = 0.125.
    expect([y.percentAgreement.value, y.kappa.value, y.kappa.expected]).toEqual([0.5, 0, 0.5]);
    expect(y.alpha.value).toBeCloseTo(0.125, 12);
    expect(y.disagreements).toEqual([
      { unit: "n2", weight: 1, values: { R: true, J: false } },
      { unit: "n3", weight: 1, values: { R: false, J: true } },
    ]);
  });

  it("pools the codes overall: one binary decision per (note, code) pair, not a mean of the codes", () => {
    // 8 decisions, 6 alike: percent 0.75. R applied 4 of 8, J 4 of 8: p_e = 0.5, κ = (0.75 − 0.5)/0.5 = 0.5.
    // o_11 = 2·3 = 6, o_00 = 6, o_01 = o_10 = 2; n_0 = n_1 = 8, n = 16; D_o = 4/16, D_e = 2·8·8/(16·15) = 8/15;
    // α = 1 − (1/4)(15/8) = 17/32 = 0.53125 (the mean of the per-code α would be 0.5625).
    const { overall } = agreement(round);
    expect([overall.units, overall.percentAgreement.value, overall.kappa.value]).toEqual([8, 0.75, 0.5]);
    expect(overall.alpha.value).toBeCloseTo(17 / 32, 12);
  });

  it("gives no κ for three coders, and treats a note a coder did not code as missing", () => {
    const three = { ...round, coders: ["R", "J", "K"], records: [...round.records.slice(0, 3), { id: "n4", codes: { R: ["Y"], J: ["Y"], K: ["Y"] } }] };
    const report = agreement(three);
    expect(report.overall.kappa).toMatchObject({ value: null, reason: "not-two-coders" });
    // K coded only n4. α on Y by hand: n4 = (1,1,1) has m_u = 3 and adds 3·2/(3 − 1) = 3 to o_11;
    // with n1 (0,0), n2 (1,0), n3 (0,1): o_00 = 2, o_11 = 3, o_01 = o_10 = 2; n_0 = 4, n_1 = 5, n = 9;
    // α = 1 − (n − 1)·Σ_{c≠k} o_ck / Σ_{c≠k} n_c n_k = 1 − 8·4/(2·4·5) = 0.2.
    expect(report.perCode[1].alpha.value).toBeCloseTo(0.2, 12);
    expect(report.perCode[1].percentAgreement.pairs.map((p) => p.units)).toEqual([4, 1, 1]);
  });

  it("refuses a coder who is not in the round and a code listed twice", () => {
    expect(() => agreement({ ...round, coders: ["R"] })).toThrow(/J is not a coder/);
    expect(() => agreement({ ...round, codes: ["X", "X"] })).toThrow(/twice/);
  });
});

describe("character units", () => {
  /** One unit per character, as the definition reads (only for small texts). */
  function naiveUnits(text: TextCoding, code: string): Unit<boolean>[] {
    return Array.from({ length: text.length }, (_, i) => ({
      id: String(i),
      values: Object.fromEntries(
        Object.entries(text.ranges).map(([coder, ranges]) => [coder, ranges.some((r) => r.code === code && r.start <= i && i < r.end)]),
      ),
    }));
  }

  /** A small deterministic generator (LCG), so the cases are the same on every run. */
  function generator(seed: number) {
    let s = seed;
    return (n: number) => {
      s = (s * 1103515245 + 12345) % 2147483648;
      return s % n;
    };
  }

  function randomText(seed: number, coders: readonly string[]): TextCoding {
    const next = generator(seed);
    const length = 1 + next(40);
    const ranges = Object.fromEntries(
      coders.map((c) => [
        c,
        Array.from({ length: next(5) }, () => {
          const a = next(length + 1);
          const b = next(length + 1);
          return { code: next(2) ? "P" : "Q", start: Math.min(a, b), end: Math.max(a, b) };
        }),
      ]),
    );
    return { id: `t${seed}`, length, ranges };
  }

  it("cuts at range boundaries, joins runs coded alike, and keeps the passages", () => {
    const text = { id: "note", length: 10, ranges: { A: [{ code: "P", start: 2, end: 6 }], B: [{ code: "P", start: 4, end: 6 }, { code: "P", start: 6, end: 8 }] } };
    const units = characterUnits(text, "P");
    expect(units.map((u) => [u.passage!.start, u.passage!.end, u.weight, u.values])).toEqual([
      [0, 2, 2, { A: false, B: false }],
      [2, 4, 2, { A: true, B: false }],
      [4, 6, 2, { A: true, B: true }],
      [6, 8, 2, { A: false, B: true }],
      [8, 10, 2, { A: false, B: false }],
    ]);
    expect(disagreements(units).map((d) => "abcdefghij".slice(d.passage!.start, d.passage!.end))).toEqual(["cd", "gh"]);
    expect(characterUnits({ ...text, ranges: { A: [{ code: "P", start: 0, end: 5 }, { code: "P", start: 5, end: 10 }] } }, "P")).toHaveLength(1);
  });

  it("gives exactly the per-character statistics, weighting each segment by its length", () => {
    for (let seed = 1; seed <= 60; seed++) {
      for (const coders of [["A", "B"], ["A", "B", "C"]]) {
        const text = randomText(seed, coders);
        for (const code of ["P", "Q"]) {
          const segments = statistics(characterUnits(text, code), coders);
          const naive = statistics(naiveUnits(text, code), coders);
          expect(segments.units).toBe(text.length);
          for (const [s, n] of [
            [segments.alpha.value, naive.alpha.value],
            [segments.alpha.pairableValues, naive.alpha.pairableValues],
            [segments.kappa.value, naive.kappa.value],
            [segments.percentAgreement.value, naive.percentAgreement.value],
          ]) {
            if (n === null) expect(s).toBeNull();
            else expect(s).toBeCloseTo(n, 12);
          }
          expect(segments.alpha.reason).toBe(naive.alpha.reason);
          const weight = (units: Unit<boolean>[]) => disagreements(units).reduce((sum, d) => sum + d.weight, 0);
          expect(weight(characterUnits(text, code))).toBe(weight(naiveUnits(text, code)));
        }
      }
    }
  });

  it("keeps a 100,000-character text to a handful of segments, and a coder who did not code the text missing", () => {
    const text = {
      id: "transcript",
      length: 100_000,
      ranges: { A: [{ code: "P", start: 10_000, end: 60_000 }], B: [{ code: "P", start: 20_000, end: 60_000 }] },
    };
    const units = characterUnits(text, "P");
    expect(units.map((u) => u.weight)).toEqual([10_000, 10_000, 40_000, 40_000]);
    const report = agreement({ unitKind: "character", coders: ["A", "B", "C"], codes: ["P"], texts: [text] });
    expect([report.unitKind, report.units]).toEqual(["character", 100_000]);
    // C coded nothing of this text: no value, so only the pair A–B is compared (90,000 of 100,000 alike).
    expect(report.perCode[0].percentAgreement.pairs).toEqual([{ coders: ["A", "B"], agreement: 0.9, units: 100_000 }]);
  });

  it("refuses a range outside the text", () => {
    expect(() => characterUnits({ id: "t", length: 5, ranges: { A: [{ code: "P", start: 3, end: 6 }] } }, "P")).toThrow(/outside/);
    expect(() => characterUnits({ id: "t", length: 5, ranges: { A: [{ code: "P", start: 4, end: 2 }] } }, "P")).toThrow(/outside/);
  });
});

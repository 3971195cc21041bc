// Results like Tabell 7–9: ranking by «Ja», whole percentages, N per statement, exclusions,
// open answers, employment counts; and the demo wave reproduces the report (instruments.md §4.8).
import path from "node:path";
import { describe, expect, it } from "vitest";
import { migrateDatabase, openDatabase } from "../../db/connection.server";
import { loadDemo } from "../../db/demo/index.server";
import { DERIVED_COUNTS, EMPLOYMENT_TOTALS } from "../../db/demo/survey.server";
import { surveyAnswers, surveyLinks, surveyWaves } from "../../db/schema";
import { computeResults, loadAnswers, loadExclusions, type CountsTable, type MatrixTable, type StoredAnswer } from "../../app/survey/results.server";
import { responseStats } from "../../app/survey/waves.server";
import { employerSurvey } from "../support/survey-answers";
import { tempDataDir } from "../support/server";

const instrument = employerSurvey();
const matrix = (blocks: ReturnType<typeof computeResults>, item: string) => blocks.find((b) => b.item === item) as MatrixTable;

describe("computeResults", () => {
  it("ranks statements by the share of «Ja», keeps the questionnaire order on ties, counts N without blanks", () => {
    const answers: StoredAnswer[] = [
      { id: 1, answers: { q1_oppfolging_info: 2, q1_ingen_lonn_oppstart: 1, q1_oppfolgingsplan: 1, q2_andre_maater: "Bra" } },
      { id: 2, answers: { q1_oppfolging_info: 3, q1_ingen_lonn_oppstart: 1, q1_oppfolgingsplan: 2, q2_andre_maater: "  " } },
      { id: 3, answers: { q1_oppfolging_info: 1, q1_ingen_lonn_oppstart: null, q1_oppfolgingsplan: 1 } },
    ];
    const blocks = computeResults(instrument, answers, []);
    const q1 = matrix(blocks, "q1");
    expect(q1.rows.slice(0, 3).map((r) => r.variable)).toEqual(["q1_ingen_lonn_oppstart", "q1_oppfolgingsplan", "q1_oppfolging_info"]);
    expect(q1.rows[0]).toMatchObject({ counts: [2, 0, 0], percents: [100, 0, 0], n: 2 });
    expect(q1.rows[1]).toMatchObject({ counts: [2, 1, 0], percents: [67, 33, 0], n: 3 });
    expect(q1.rows[2]).toMatchObject({ counts: [1, 1, 1], percents: [33, 33, 33], n: 3 });
    const open = blocks.find((b) => b.kind === "text")!;
    expect(open.kind === "text" && open.texts).toEqual(["Bra"]);
  });

  it("takes an excluded answer out of its statistic only, and says so", () => {
    const answers: StoredAnswer[] = [
      { id: 10, answers: { q1_oppfolging_info: 1, ans_direkte: 50, ans_praksis_forst: 8, ans_vikariat: 0, ans_kun_praksis: 0, ans_kun_jobbsmak: 0 } },
      { id: 11, answers: { q1_oppfolging_info: 2, ans_direkte: 1, ans_praksis_forst: 1, ans_vikariat: 0, ans_kun_praksis: 1, ans_kun_jobbsmak: 0 } },
    ];
    const blocks = computeResults(instrument, answers, [{ answerId: 10, item: "ansettelse", reason: "58", by: "F" }]);
    const counts = blocks.find((b) => b.kind === "counts") as CountsTable;
    expect(counts.options.map((o) => o.total)).toEqual([1, 1, 0, 1, 0]);
    expect(counts.employers).toBe(1);
    expect(counts.excluded).toEqual([{ answerId: 10, item: "ansettelse", reason: "58", by: "F", total: 58 }]);
    expect(counts.perAnswer.map((a) => [a.answerId, a.total, a.excluded])).toEqual([[10, 58, true], [11, 3, false]]);
    expect(matrix(blocks, "q1").rows.find((r) => r.variable === "q1_oppfolging_info")!.n).toBe(2);
  });
});

describe("the demo wave", () => {
  it("reproduces Tabell 7–9 to the count, 45/168 = 27 %, and 12/32/17/25/5 at 44 employers; loading twice adds nothing", async () => {
    const { db, sqlite } = openDatabase(path.join(tempDataDir("survey-demo-"), "d.db"));
    migrateDatabase(db);
    await loadDemo(db);
    await loadDemo(db);
    const waves = db.select().from(surveyWaves).all();
    expect(waves).toHaveLength(1);
    const wave = waves[0];
    expect(db.select().from(surveyLinks).all()).toHaveLength(168);
    expect(db.select().from(surveyLinks).all().filter((l) => l.used)).toHaveLength(45);
    expect(db.select().from(surveyAnswers).all()).toHaveLength(45);
    const stats = responseStats(db, wave.id);
    expect([stats.links, stats.answers, stats.rate]).toEqual([168, 45, 27]);
    expect(stats.rounds.map((r) => r.answers)).toEqual([24, 13, 8]);
    const blocks = computeResults(instrument, loadAnswers(db, wave.id), loadExclusions(db, wave.id));
    for (const [item, rows] of Object.entries(DERIVED_COUNTS)) {
      const table = matrix(blocks, item);
      const found = instrument.sections.flatMap((s) => s.items).find((i) => i.name === item);
      if (found?.type !== "matrix") throw new Error(`${item} is not a matrix`);
      const inQuestionnaireOrder = found.statements;
      inQuestionnaireOrder.forEach((s, i) => {
        expect(table.rows.find((r) => r.variable === s.variable)!.counts, `${item} ${s.variable}`).toEqual(rows[i]);
      });
    }
    expect(matrix(blocks, "q1").rows[0].percents).toEqual([80, 18, 2]);
    expect(matrix(blocks, "q2").rows.at(-1)!.percents).toEqual([56, 27, 18]);
    const counts = blocks.find((b) => b.kind === "counts") as CountsTable;
    expect(counts.options.map((o) => o.total)).toEqual(EMPLOYMENT_TOTALS);
    expect(counts.employers).toBe(44);
    expect(counts.excluded[0].total).toBe(58);
    const kept = counts.perAnswer.filter((a) => !a.excluded);
    expect(kept.every((a) => a.total >= 1 && a.total <= 7)).toBe(true);
    sqlite.close();
  });
});

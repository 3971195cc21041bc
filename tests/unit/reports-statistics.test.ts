// The participant-report statistics: the pure pieces (which version applies on a date, the
// tables, hiding small cells), and the demo data, which must reproduce instruments.md §6.4
// through the same module API the statistics page and the exports use.
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db, type Sqlite } from "../../db/connection.server";
import { loadDemo } from "../../db/demo/index.server";
import { DEMO_REPORT_PLAN, demoReportParticipants } from "../../db/demo/reports.server";
import { projects, reportParticipants, reportVersions } from "../../db/schema";
import { catalogs } from "../../app/i18n/catalog";
import { loadCodebook } from "../../app/instruments/codebook.server";
import { answersToFormValues } from "../../app/instruments/form-values";
import { toFormInstrument } from "../../app/instruments/types";
import { parseInstrumentForm } from "../../app/instruments/validate.server";
import { versionAsOf } from "../../app/reports/as-of";
import { countWithdrawn, listParticipantReports, listParticipantReportVersions } from "../../app/reports/data.server";
import { findIdentifiers } from "../../app/reports/identifiers.server";
import { computeReportStatistics, isInWork, type Label, type StatTable } from "../../app/reports/statistics";
import { buildStatisticsCube, type CubeRecord } from "../../app/reports/statistics-cube";
import { cell, presentView } from "../../app/reports/suppression";
import { seedDemo } from "../support/seed";

const instrument = loadCodebook(path.resolve("surveys")).get("participant-report")!;
const variables = new Map(instrument.variables.map((v) => [v.name, v]));
const items = new Map(instrument.sections.flatMap((s) => s.items).map((i) => [i.name, i]));
const codes = {
  options: (name: string) => variables.get(name)?.options.map((o) => o.code) ?? [],
  flags: (name: string) => {
    const item = items.get(name);
    return item?.type === "multiple_choice" ? item.options.map((o) => ({ code: o.code, variable: o.variable })) : [];
  },
};

function table(tables: readonly StatTable[], id: string) {
  const found = tables.find((t) => t.id === id);
  if (!found) throw new Error(`no table ${id}`);
  return found;
}
/** Count of a row (or summary) in a column. */
function count(t: StatTable, row: string, column: string) {
  const r = [...t.rows, ...t.summaries].find((x) => x.key === row);
  if (!r) throw new Error(`no row ${row} in ${t.id}`);
  return r.counts[t.columns.indexOf(column as never)];
}
function share(t: StatTable, row: string, column: string) {
  const r = [...t.rows, ...t.summaries].find((x) => x.key === row)!;
  const i = t.columns.indexOf(column as never);
  return Math.round((100 * r.counts[i]) / (r.n ?? t.n)[i]);
}

describe("which version applies on a date", () => {
  const versions = [
    { number: 1, effectiveDate: "2018-03-01", status: 10 },
    { number: 2, effectiveDate: "2018-09-01", status: 1 },
    { number: 3, effectiveDate: "2018-09-01", status: 6 }, // a correction for the same date
    { number: 4, effectiveDate: "2018-06-01", status: 9 }, // saved later, about an earlier date
  ];
  it("is the last one effective by then, corrections winning", () => {
    expect(versionAsOf(versions, "2018-02-28")).toBeNull();
    expect(versionAsOf(versions, "2018-03-01")?.number).toBe(1);
    expect(versionAsOf(versions, "2018-07-15")?.number).toBe(4);
    expect(versionAsOf(versions, "2018-09-01")?.number).toBe(3);
    expect(versionAsOf(versions)?.number).toBe(3);
  });
});

describe("small cells", () => {
  it("a hidden cell reads «:» with no share; a share needs a shown base of at least k", () => {
    expect(cell(0, false, 20, 5, "nb")).toMatchObject({ text: "0", suppressed: false });
    expect(cell(4, true, 20, 5, "nb")).toEqual({ text: ":", percent: null, share: null, suppressed: true });
    expect(cell(40, true, 200, 5, "en").text).toBe(":");
    expect(cell(5, false, 20, 5, "en")).toMatchObject({ text: "5", percent: "25%", suppressed: false });
    expect(cell(5, false, 20, 5, "nb").percent).toMatch(/^25\s%$/);
    // No share of a hidden base, nor of a base below k.
    expect(cell(5, false, null, 5, "nb").percent).toBeNull();
    expect(cell(0, false, 3, 5, "nb").percent).toBeNull();
  });

  it("a view on the page never carries a hidden count", () => {
    const records: CubeRecord[] = [
      ...Array.from({ length: 6 }, () => ({ programme: "intro" as const, caseProjectId: 1, startMonth: "2017-03", answers: { kjonn: 1, alder_overtatt: 30, status: 6 } })),
      ...Array.from({ length: 3 }, () => ({ programme: "intro" as const, caseProjectId: 1, startMonth: "2017-03", answers: { kjonn: 2, alder_overtatt: 50, status: 1 } })),
      ...Array.from({ length: 2 }, () => ({ programme: "jobbsjansen" as const, caseProjectId: 2, startMonth: "2017-03", answers: { kjonn: 1, alder_overtatt: 41, status: 1 } })),
    ];
    const cube = buildStatisticsCube({
      records,
      caseProjects: [
        { id: 1, programme: "intro" },
        { id: 2, programme: "jobbsjansen" },
      ],
      withdrawn: [],
      codes,
      k: 5,
    });
    const label = (l: Label) => ("key" in l ? l.key : "flag" in l ? `${l.flag.item}=${l.flag.code}` : `${l.option.variable}=${l.option.code}`);
    const view = presentView(cube, { caseProject: null, programme: null }, { locale: "en", label, column: (c) => c, codes });
    const gender = view.tables.find((t) => t.id === "gender")!;
    expect(gender.columns.map((c) => c.key)).toEqual(["intro", "jobbsjansen", "total"]);
    // Women 6 | 2 | 8, men 3 | 0 | 3: the 2 and the 3s are hidden, and with them enough that
    // none can be worked out from N (9 | 2 | 11, always shown).
    const texts = gender.rows.map((r) => r.cells.map((c) => c.text));
    expect(texts[0][1]).toBe(":");
    expect(texts[1][0]).toBe(":");
    expect(texts[1][2]).toBe(":");
    expect(gender.n.map((c) => c.text)).toEqual(["9", "2", "11"]);
    expect(gender.hidden).toBe(true);
    // The number of reports per programme is the base of the page and always shown.
    for (const table of view.tables.filter((t) => t.id !== "programme")) for (const row of [...table.rows, ...table.summaries]) for (const c of row.cells) expect(c.suppressed || !/^[1-4]$/.test(c.text), `${table.id} ${row.key}`).toBe(true);
  });

  it("the number of different countries is shown only in a column whose country cells are all shown", () => {
    // Intro: 8 from country 1, 2 from country 2, 5 from each of 3–10, 6 from each of 11 and 12;
    // Jobbsjansen: 3 from country 1, 8 from country 2, 5 from each of 3–10.
    const intro = [8, 2, 5, 5, 5, 5, 5, 5, 5, 5, 6, 6];
    const jobbsjansen = [3, 8, 5, 5, 5, 5, 5, 5, 5, 5];
    const records: CubeRecord[] = [
      ...intro.flatMap((n, i) => Array.from({ length: n }, () => ({ programme: "intro" as const, caseProjectId: 1, startMonth: "2017-03", answers: { kjonn: 1, hjemland: 100 + i, status: 1 } }))),
      ...jobbsjansen.flatMap((n, i) => Array.from({ length: n }, () => ({ programme: "jobbsjansen" as const, caseProjectId: 2, startMonth: "2017-03", answers: { kjonn: 2, hjemland: 100 + i, status: 1 } }))),
    ];
    const cube = buildStatisticsCube({
      records,
      caseProjects: [
        { id: 1, programme: "intro" },
        { id: 2, programme: "jobbsjansen" },
      ],
      withdrawn: [],
      codes,
      k: 5,
    });
    const label = (l: Label) => ("key" in l ? l.key : "flag" in l ? `${l.flag.item}=${l.flag.code}` : `${l.option.variable}=${l.option.code}`);
    const countries = presentView(cube, { caseProject: null, programme: null }, { locale: "en", label, column: (c) => c, codes }).tables.find((t) => t.id === "countries")!;
    expect(countries.rows.some((r) => r.cells.some((c) => c.suppressed))).toBe(true);
    const distinct = countries.distinct!;
    expect(distinct.some((d) => d !== "–")).toBe(true);
    // A count of countries beside a hidden cell says whether the hidden cell is empty.
    distinct.forEach((d, col) => {
      if (d !== "–") for (const row of countries.rows) expect(row.cells[col].suppressed, `${row.key} in column ${col}`).toBe(false);
    });
  });

  it("every table, band, group and summary label has text in both languages", () => {
    const stats = computeReportStatistics([{ programme: "intro", answers: { status: 6, hjemland: 760 } }], codes);
    const keys = new Set<string>();
    for (const t of stats.tables) {
      keys.add(`reports.table.${t.id}`);
      for (const r of [...t.rows, ...t.summaries]) if ("key" in r.label) keys.add(r.label.key);
    }
    for (const key of keys) {
      expect(catalogs.nb, key).toHaveProperty([key]);
      expect(catalogs.en, key).toHaveProperty([key]);
    }
  });
});

describe("the demo reports", () => {
  const participants = demoReportParticipants(instrument.variables.map((v) => v.name));

  it("are valid answers of the instrument, with no identifier-looking text", () => {
    const form = toFormInstrument(instrument);
    for (const p of participants) {
      for (const v of p.versions) {
        const values = answersToFormValues(form, v.answers);
        const data = new URLSearchParams([...values]);
        const parsed = parseInstrumentForm(form, data, "nb");
        expect(parsed.status, JSON.stringify(parsed)).toBe("success");
        if (parsed.status === "success") expect(parsed.answers).toEqual(v.answers);
        for (const name of ["henvisning", "progresjon", "stilling", "bransje_annet", "se_tilforte"]) {
          expect(findIdentifiers(String(v.answers[name] ?? ""))).toEqual([]);
        }
      }
      const dates = p.versions.map((v) => v.effectiveDate);
      expect(dates).toEqual([...dates].sort());
      expect(new Set(dates).size).toBe(dates.length);
      expect(dates[0] >= `${p.startMonth}-01`).toBe(true);
    }
  });

  it("come from 13 job specialists as the report says (111 Intro, 91 Jobbsjansen)", () => {
    expect(DEMO_REPORT_PLAN).toHaveLength(13);
    expect(participants).toHaveLength(202);
    expect(participants.filter((p) => p.programme === "intro")).toHaveLength(111);
  });
});

describe("statistics of the demo project match instruments.md §6.4", () => {
  let db: Db;
  let sqlite: Sqlite;
  let projectId: number;
  let tables: readonly StatTable[];
  let reports: ReturnType<typeof listParticipantReports>;

  beforeAll(async () => {
    const { dataDir } = await seedDemo();
    ({ db, sqlite } = openDatabase(path.join(dataDir, "medforsker.db")));
    projectId = db.select({ id: projects.id }).from(projects).where(eq(projects.slug, "afi-2017")).get()!.id;
    reports = listParticipantReports(db, { projectId });
    tables = computeReportStatistics(reports, codes).tables;
  });
  afterAll(() => sqlite?.close());

  it("202 reports: Intro 111, Jobbsjansen 91; 99 (49 %) in work", () => {
    expect(reports).toHaveLength(202);
    const programme = table(tables, "programme");
    expect(count(programme, "intro", "total")).toBe(111);
    expect(count(programme, "jobbsjansen", "total")).toBe(91);
    const status = table(tables, "statusGroup");
    expect(count(status, "work", "total")).toBe(99);
    expect(share(status, "work", "total")).toBe(49);
  });

  it("39 % women in Intro; Jobbsjansen is for women", () => {
    const gender = table(tables, "gender");
    expect(share(gender, "1", "intro")).toBe(39);
    expect(share(gender, "2", "intro")).toBe(61);
    expect(count(gender, "2", "jobbsjansen")).toBe(0);
  });

  it("23 and 34 countries; Syria and Eritrea over half of Intro; Pakistan 30 % of Jobbsjansen", () => {
    const countries = table(tables, "countries");
    expect(countries.distinct?.slice(0, 2)).toEqual([23, 34]);
    expect(count(countries, "760", "intro") + count(countries, "232", "intro")).toBeGreaterThan(111 / 2);
    expect(share(countries, "586", "jobbsjansen")).toBe(30);
  });

  it("Norwegian at the start: none 8 %, A1/A1+ 23 %, A2 32 %, A2+ 11 %: 74 % very low", () => {
    const norwegian = table(tables, "norwegian");
    expect(["none", "a1", "a2", "a2plus", "aLevel"].map((row) => share(norwegian, row, "total"))).toEqual([8, 23, 32, 11, 74]);
  });

  it("work experience: one in three none, 7 % under a year, one in three five years or more", () => {
    const work = table(tables, "workExperience");
    expect(share(work, "none", "total")).toBe(33);
    expect(share(work, "under1", "total")).toBe(7);
    expect(share(work, "5plus", "total")).toBe(33);
    expect(share(table(tables, "norwegianWork"), "2", "total")).toBeGreaterThan(50);
  });

  it("over half without formal qualifications; one in three did not finish primary school", () => {
    expect(share(table(tables, "qualifications"), "2", "total")).toBeGreaterThan(50);
    expect(share(table(tables, "schooling"), "under10", "total")).toBe(33);
  });

  it("one in eight a single mother; one in three with children", () => {
    const children = table(tables, "children");
    expect(Math.round(202 / count(children, "singleMothers", "total"))).toBe(8);
    const withChildren = count(children, "1to2", "total") + count(children, "3plus", "total");
    expect(Math.round(202 / withChildren)).toBe(3);
  });

  it("of those in work: one third permanent, 30 % full time, about half 60 % or more", () => {
    expect(share(table(tables, "contract"), "1", "total")).toBe(33);
    const position = table(tables, "position");
    expect(share(position, "100", "total")).toBe(30);
    expect(Math.abs(share(position, "60plus", "total") - 50)).toBeLessThanOrEqual(2);
  });

  it("more than ten in retail and in canteens; several or single ones elsewhere", () => {
    const sector = table(tables, "sector");
    expect(count(sector, "1", "total")).toBeGreaterThan(10);
    expect(count(sector, "2", "total")).toBeGreaterThan(10);
    for (const code of [3, 4, 5, 6, 7, 8, 9]) {
      expect(count(sector, String(code), "total")).toBeGreaterThanOrEqual(2);
      expect(count(sector, String(code), "total")).toBeLessThanOrEqual(10);
    }
    for (const code of [10, 11, 12, 13]) expect(count(sector, String(code), "total")).toBeLessThanOrEqual(2);
  });

  it("not in work: most in a follow-up track, about 20 being profiled, more than ten in school and paused", () => {
    const status = table(tables, "statusGroup");
    expect(count(status, "followUp", "total")).toBeGreaterThan((202 - 99) / 2);
    expect(count(status, "profiling", "total")).toBe(20);
    expect(count(status, "school", "total")).toBeGreaterThan(10);
    expect(count(status, "health", "total")).toBeGreaterThan(10);
  });

  it("those in work compared with all: more with 10+ years of school, small margins, same A-level share", () => {
    const compare = table(tables, "compare");
    expect(share(compare, "schooling10plus", "inWork")).toBeGreaterThan(share(compare, "schooling10plus", "all"));
    expect(share(compare, "work5plus", "inWork")).toBeGreaterThan(share(compare, "work5plus", "all"));
    expect(share(compare, "noWork", "inWork")).toBeLessThan(share(compare, "noWork", "all"));
    expect(share(compare, "aLevel", "inWork")).toBe(74);
    expect(share(compare, "aLevel", "all")).toBe(74);
  });

  it("assistance needs (Tabell 6) are counted over the reports that coded any", () => {
    const micro = table(tables, "behov_mikro");
    expect(micro.rows).toHaveLength(8);
    expect(table(tables, "behov_meso").rows).toHaveLength(12);
    expect(table(tables, "behov_makro").rows).toHaveLength(4);
    const tagged = reports.filter((r) => Object.entries(r.answers).some(([k, v]) => k.startsWith("behov_m") && v === 1)).length;
    expect(micro.n[micro.columns.indexOf("total")]).toBe(tagged);
    expect(count(micro, "11", "total")).toBe(reports.filter((r) => r.answers.behov_mi1 === 1).length);
  });

  it("13 job specialists delivered; 6 of them had 9–13 participants move into work", () => {
    const perJs = new Map<number, number>();
    for (const r of reports) perJs.set(r.jsId, (perJs.get(r.jsId) ?? 0) + (isInWork(r.answers) ? 1 : 0));
    expect(perJs.size).toBe(13);
    const high = [...perJs.values()].filter((n) => n >= 9 && n <= 13);
    expect(high).toHaveLength(6);
    expect([...perJs.values()].filter((n) => n < 9).every((n) => n <= 6)).toBe(true);
  });

  it("the withdrawn participant is in no statistic and no export; the draft-only one has no report", () => {
    const stored = db.select({ id: reportParticipants.id }).from(reportParticipants).all();
    expect(stored).toHaveLength(204);
    expect(countWithdrawn(db, projectId)).toBe(1);
    const withdrawn = db.select().from(reportParticipants).all().find((p) => p.withdrawnDate)!;
    expect(reports.some((r) => r.participantId === withdrawn.id)).toBe(false);
    const versions = listParticipantReportVersions(db, { projectId });
    expect(versions.some((r) => r.participantId === withdrawn.id)).toBe(false);
    expect(versions.length).toBe(db.select({ id: reportVersions.id }).from(reportVersions).all().length - 1);
    expect(reports.every((r) => r.consent.status === "given" && r.participantCode.startsWith("D-"))).toBe(true);
  });

  it("status on an earlier date comes from the versions that applied then", () => {
    const midway = listParticipantReports(db, { projectId, asOf: "2018-06-30" });
    expect(midway.length).toBeGreaterThan(0);
    expect(midway.length).toBeLessThan(202);
    const inWorkThen = midway.filter((r) => isInWork(r.answers)).length;
    expect(inWorkThen).toBeLessThan(99);
    expect(midway.every((r) => r.version.effectiveDate <= "2018-06-30")).toBe(true);
    expect(listParticipantReports(db, { projectId, asOf: "2016-12-31" })).toEqual([]);
  });

  it("filters by programme, case project and start period", () => {
    expect(listParticipantReports(db, { projectId, programme: "jobbsjansen" })).toHaveLength(91);
    const one = reports[0];
    const sameCase = listParticipantReports(db, { projectId, caseProjectId: one.caseProjectId });
    expect(sameCase.every((r) => r.caseProjectId === one.caseProjectId)).toBe(true);
    expect(sameCase.length).toBe(reports.filter((r) => r.caseProjectId === one.caseProjectId).length);
    const early = listParticipantReports(db, { projectId, startFrom: "2017-01", startTo: "2017-06" });
    expect(early.length).toBeGreaterThan(0);
    expect(early.every((r) => r.startMonth >= "2017-01" && r.startMonth <= "2017-06")).toBe(true);
  });

  it("loading the demo again adds nothing", async () => {
    const before = db.select({ id: reportVersions.id }).from(reportVersions).all().length;
    await loadDemo(db);
    expect(db.select({ id: reportVersions.id }).from(reportVersions).all().length).toBe(before);
    expect(db.select({ id: reportParticipants.id }).from(reportParticipants).all()).toHaveLength(204);
  });
});

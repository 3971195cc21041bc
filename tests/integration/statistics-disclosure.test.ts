// The statistics page against an attacker who reads it whole (issue 13 §1): every view (case
// project × programme × status date) of the demo project, over HTTP from the built server as a
// researcher, goes into one linear system per status date; no hidden cell may be pinned down or
// proved to be k or more. The unsuppressed page of before (the issue's «Under 25 år: Intro 20,
// Jobbsjansen <5, Totalt 21») fails this attacker.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "../support/http";
import { identities, seedDemo } from "../support/seed";
import { startServer, type RunningServer } from "../support/server";
import { attackStatisticsPage, parseStatisticsPage } from "../support/statistics-attacker";

let server: RunningServer;
let researcher: Client;

beforeAll(async () => {
  const seeded = await seedDemo();
  server = await startServer({ dataDir: seeded.dataDir });
  researcher = new Client(server.url);
  const res = await researcher.post("/login", { email: identities.researcher, password: seeded.passwords[identities.researcher] });
  expect(res.status).toBe(200);
});
afterAll(async () => {
  await server?.stop();
});

describe("the statistics page of the demo project", () => {
  it("shows the report's headline figures and says once per table why cells are hidden", async () => {
    const html = await (await researcher.get("/reports/statistics")).text();
    const page = parseStatisticsPage(html);
    expect(page.reports).toBe(202);
    expect(page.inWork).toEqual({ count: 99, percent: 49 });
    const age = page.tables.find((t) => t.id === "age")!;
    expect(age.columns).toEqual(["intro", "jobbsjansen", "total"]);
    expect(html).toContain("Celler merket «:» er skjult med vilje");
    expect(html).not.toContain("&lt;5");
  });

  it("keeps every hidden cell open to at least two values, one below k, for every filter choice", { timeout: 600_000 }, async () => {
    const report = await attackStatisticsPage(researcher, 5);
    console.log(`statistics attacker: ${report.pages} pages, dates ${report.dates.join(", ")}, ${report.hidden} hidden cells`);
    expect(report.hidden).toBeGreaterThan(100);
    expect(report.findings).toEqual([]);
    // Protected, not coarsened: every table of the demo is shown per case project, at every date
    // (N and «not answered» of the in-work tables are shown wherever the number in work is).
    expect(report.withheld).toEqual([]);
    expect(report.inconsistent).toEqual([]);
  });
});

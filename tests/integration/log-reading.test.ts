// Who reads what of the log, over real HTTP on the demo project: researchers read every
// submitted month with filters and can reopen a month (recorded); case leads see the compliance
// grid of their own organisation with counts and never the text; the demo grid shows the
// delivery figures of instruments.md §3.4 (5 all 16 months, 8 some, the rest none).
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoDelivery } from "../../db/demo/logs.server";
import { demoJobSpecialists } from "../../db/demo/people";
import { Client } from "../support/http";
import { loginAs, noteFields } from "../support/log-helpers";
import { identities, seedDemo } from "../support/seed";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let db: Database.Database;
let passwords: Record<string, string> = {};
let researcher: Client;
let leadA: Client;
let jsA: Client;

const userId = (email: string) => (db.prepare("select id from users where email = ?").get(email) as { id: number }).id;
/** A month of a person by state, from the database. */
function monthOf(email: string, submitted: boolean): string {
  const id = userId(email);
  const row = submitted
    ? db.prepare("select month from log_months where author_id = ? and status = 'submitted' order by month limit 1").get(id)
    : db.prepare("select distinct month from log_notes n where author_id = ? and not exists (select 1 from log_months m where m.author_id = n.author_id and m.month = n.month) order by month limit 1").get(id);
  return (row as { month: string }).month;
}
function noteTexts(email: string, month: string): string[] {
  return (db.prepare("select answers from log_notes where author_id = ? and month = ?").all(userId(email), month) as { answers: string }[]).map((r) => JSON.parse(r.answers).situasjon as string);
}

beforeAll(async () => {
  const seeded = await seedDemo();
  passwords = seeded.passwords;
  server = await startServer({ dataDir: seeded.dataDir });
  db = new Database(path.join(seeded.dataDir, "medforsker.db"));
  researcher = await loginAs(server.url, identities.researcher, passwords[identities.researcher]);
  leadA = await loginAs(server.url, identities.leadA, passwords[identities.leadA]);
  jsA = await loginAs(server.url, identities.jsA, passwords[identities.jsA]);
});
afterAll(async () => {
  db?.close();
  await server?.stop();
});

describe("the demo logs", () => {
  it("reproduce the delivery figures: 5 job specialists all 16 months, 8 some months, 4 none", () => {
    const perPerson = db.prepare("select u.email, count(m.month) n from users u left join log_months m on m.author_id = u.id and m.status = 'submitted' where u.role = 'job_specialist' group by u.id").all() as { email: string; n: number }[];
    expect(perPerson).toHaveLength(17);
    expect(perPerson.filter((p) => p.n === 16)).toHaveLength(5);
    expect(perPerson.filter((p) => p.n > 0 && p.n < 16)).toHaveLength(8);
    expect(perPerson.filter((p) => p.n === 0)).toHaveLength(4);
    expect(demoDelivery.all.map((i) => demoJobSpecialists[i].email).sort()).toEqual(perPerson.filter((p) => p.n === 16).map((p) => p.email).sort());
    const steps = db.prepare("select step, count(*) n from log_notes group by step order by step").all() as { step: number; n: number }[];
    expect(steps.map((s) => s.step)).toEqual([1, 2, 3, 4, 5]);
    expect(Math.min(...steps.map((s) => s.n))).toBeGreaterThan(20);
  });

  it("read like practice notes, not a handful of stock sentences", () => {
    const notes = (db.prepare("select author_id, answers from log_notes").all() as { author_id: number; answers: string }[]).map((r) => ({ author: r.author_id, ...JSON.parse(r.answers) }));
    const situations = notes.map((n) => n.situasjon as string);
    // No job specialist writes the same situation twice …
    for (const author of new Set(notes.map((n) => n.author))) {
      const own = notes.filter((n) => n.author === author).map((n) => n.situasjon);
      expect(new Set(own).size, `author ${author}`).toBe(own.length);
    }
    // … and across the project most situations are told once, none in more than 2 % of the notes.
    expect(new Set(situations).size).toBeGreaterThan(notes.length / 2);
    const counts = new Map<string, number>();
    for (const s of situations) counts.set(s, (counts.get(s) ?? 0) + 1);
    expect(Math.max(...counts.values())).toBeLessThan(notes.length * 0.02);
    // Every text is filled in (no {slot} left) and reads as whole sentences.
    for (const n of notes) {
      for (const field of ["situasjon", "bistand", "resultat", "annerledes"]) expect(n[field], field).toMatch(/^[A-ZÆØÅÉ][^{}]+\.$/);
    }
  });

  it("load once: a second demo load adds nothing", async () => {
    const before = db.prepare("select count(*) n from log_notes").get();
    const { loadDemo } = await import("../../db/demo/index.server");
    const { drizzle } = await import("drizzle-orm/better-sqlite3");
    const schema = await import("../../db/schema");
    await loadDemo(drizzle(db, { schema }));
    expect(db.prepare("select count(*) n from log_notes").get()).toEqual(before);
  });
});

describe("the compliance grid", () => {
  it("shows researchers every job specialist × 16 months with the 5 + 8 pattern and totals", async () => {
    const html = await (await researcher.get("/logs/compliance")).text();
    expect(html).toContain("5 jobbspesialister har levert alle 16 månedene, 8 har levert noen måneder, 4 har ikke levert.");
    expect(html.match(/<th scope="row" class="log-grid__person">/g)).toHaveLength(17);
    expect(html.match(/log-grid__cell--submitted/g)!.length).toBeGreaterThan(80);
    expect(html).toContain("log-grid__cell--draft");
    expect(html).toContain("16 av 16");
    expect(html).toContain("Levert per måned");
  });

  it("shows a case lead only their own organisation, with counts and never the text", async () => {
    const html = await (await leadA.get("/logs/compliance")).text();
    const rows = [...html.matchAll(/<th scope="row" class="log-grid__person">([^<]+)/g)].map((m) => m[1]);
    // NAV Søndre Nordstrand: js01, js02 and the substitute js17.
    expect(rows.sort()).toEqual(["Aina Demosen", "Bjarne Demosen", "Ragnhild Demosen"]);
    expect(html).not.toContain("Cecilie Demosen");
    for (const text of (db.prepare("select answers from log_notes").all() as { answers: string }[]).map((r) => JSON.parse(r.answers).situasjon)) expect(html).not.toContain(text);
    expect(html).not.toMatch(/href="\/logs\/\d+/);
    expect(html).toMatch(/\d+ notater/);
    // And no way round it.
    expect((await leadA.request("GET", "/logs")).status).toBe(403);
    expect((await leadA.request("GET", `/logs/${userId(identities.jsA)}/${monthOf(identities.jsA, true)}`)).status).toBe(403);
  });

  it("lets a researcher set the project's logging period", async () => {
    const bad = await researcher.request("POST", "/logs/compliance", { intent: "set-period", project: "afi-2017", from: "2018-12", to: "2017-09" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Sluttmåneden kan ikke være før startmåneden");
    const html = await (await researcher.post("/logs/compliance", { intent: "set-period", project: "afi-2017", from: "2018-01", to: "2018-06" })).text();
    expect(html.match(/class="log-grid__month"/g)).toHaveLength(6);
    expect(db.prepare("select log_start, log_end from projects where slug = 'afi-2017'").get()).toEqual({ log_start: "2018-01", log_end: "2018-06" });
    expect(db.prepare("select count(*) n from audit_log where action = 'project.log_period_changed'").get()).toEqual({ n: 1 });
    await researcher.post("/logs/compliance", { intent: "set-period", project: "afi-2017", from: "2017-09", to: "2018-12" });
  });
});

describe("researchers read submitted logs", () => {
  it("read all submitted notes and never the unsubmitted ones", async () => {
    const submitted = monthOf(identities.jsA, true);
    const open = monthOf(identities.jsA, false);
    const html = await (await researcher.get(`/logs?person=${userId(identities.jsA)}&month=${submitted}`)).text();
    for (const text of noteTexts(identities.jsA, submitted)) expect(html).toContain(text);
    const person = await (await researcher.get(`/logs/${userId(identities.jsA)}/${open}`)).text();
    expect(person).toContain("Måneden er ikke levert");
    const openIds = db.prepare("select id from log_notes where author_id = ? and month = ?").all(userId(identities.jsA), open) as { id: number }[];
    const everything = await (await researcher.get(`/logs?person=${userId(identities.jsA)}&month=${open}`)).text();
    expect(everything).toContain("Ingen leverte notater passer med utvalget.");
    expect(openIds.length).toBeGreaterThan(0);
  });

  it("filter by case, programme, person, step, month and text", async () => {
    const count = async (query: string) => Number(/(\d+) notat(?:er)? \(side/.exec(await (await researcher.get(`/logs${query}`)).text())![1]);
    const total = await count("");
    const expected = (where: string, ...args: unknown[]) =>
      (db.prepare(`select count(*) n from log_notes n join log_months m on m.author_id = n.author_id and m.month = n.month join case_projects c on c.id = n.case_project_id where ${where}`).get(...args) as { n: number }).n;
    expect(total).toBe(expected("1 = 1"));
    const org = (db.prepare("select id from organisations where name = 'NAV Sarpsborg'").get() as { id: number }).id;
    expect(await count(`?case=${org}`)).toBe(expected("c.organisation_id = ?", org));
    expect(await count("?programme=intro")).toBe(expected("c.programme = 'intro'"));
    expect(await count("?step=5")).toBe(expected("n.step = 5"));
    expect(await count("?month=2018-03&step=3")).toBe(expected("n.month = '2018-03' and n.step = 3"));
    expect(await count("?q=ringevikariat")).toBe(expected("n.search_text like '%ringevikariat%'"));
    expect(await count("?q=ringevikariat&programme=jobbsjansen")).toBe(expected("n.search_text like '%ringevikariat%' and c.programme = 'jobbsjansen'"));
    expect(await count("?q=RINGEVIKARIAT")).toBeGreaterThan(0);
    const page2 = await (await researcher.get("/logs?page=2")).text();
    expect(page2).toContain("(side 2 av");
  });

  it("reopen a month, and the reopening is recorded; the job specialist can then change it", async () => {
    const month = monthOf(identities.jsA, true);
    const id = userId(identities.jsA);
    const target = `/logs/${id}/${month}`;
    const page = await (await researcher.get(target)).text();
    expect(page).toContain("Åpne måneden igjen");
    const unconfirmed = await researcher.request("POST", target, { intent: "reopen", reason: "Mangler trinn" });
    expect(unconfirmed.status).toBe(400);
    const done = await researcher.post(target, { intent: "reopen", reason: "Rett opp trinn i notatene", confirm: "yes" });
    const html = await done.text();
    expect(html).toContain("er åpnet igjen");
    expect(html).toContain("åpnet igjen av Forsker Demosen");
    expect(html).toContain("«Rett opp trinn i notatene»");
    expect(db.prepare("select status, reopened_by from log_months where author_id = ? and month = ?").get(id, month)).toEqual({ status: "reopened", reopened_by: userId(identities.researcher) });
    expect(db.prepare("select count(*) n from audit_log where action = 'log.month_reopened'").get()).toEqual({ n: 1 });
    // Reopening twice is refused.
    expect((await researcher.request("POST", target, { intent: "reopen", confirm: "yes" })).status).toBe(409);

    // The job specialist can change a note of that month and submit again.
    const note = db.prepare("select id, date from log_notes where author_id = ? and month = ? limit 1").get(id, month) as { id: number; date: string };
    const edit = await jsA.request("POST", `/log/notes/${note.id}`, { intent: "save-note", draftKey: "r".repeat(24), ...noteFields({ dato: note.date, situasjon: "Rettet etter gjenåpning." }) });
    expect(edit.status).toBe(302);
    const resubmit = await jsA.post("/log", { intent: "submit-month", month, confirm: "yes" });
    expect(await resubmit.text()).toContain("er levert. Takk!");
    const history = await (await researcher.get(target)).text();
    expect(history.match(/levert av Aina Demosen/g)).toHaveLength(2);
    expect(history).toContain("Rettet etter gjenåpning.");
  });

  it("cannot be done by job specialists or for people who are not job specialists", async () => {
    expect((await jsA.request("GET", "/logs")).status).toBe(403);
    expect((await jsA.request("GET", "/logs/compliance")).status).toBe(403);
    expect((await researcher.request("GET", `/logs/${userId(identities.leadA)}/2018-01`)).status).toBe(404);
    expect((await researcher.request("GET", `/logs/${userId(identities.jsA)}/2018-13`)).status).toBe(404);
  });
});

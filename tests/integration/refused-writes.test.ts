// Issue 12 §1: a write the database cannot do is never a bare 500. Another connection really holds
// SQLite's write lock past the server's bound (WRITE_WAIT_MS), and every kind of form is posted
// over real HTTP without JavaScript: the person gets «Ikke lagret» in their language with what
// they typed in a form that sends it again, and sending it once the lock is gone saves it once.
import Database from "better-sqlite3";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { Client } from "../support/http";
import { decode, draftKeyOf, inputValue, loginAs, postNote, textareaValue } from "../support/log-helpers";
import { identities, seedDemo } from "../support/seed";
import { startServer, type RunningServer } from "../support/server";
import { answerForm, createWave, demoProjectId, employerSurvey, issueLinks } from "../support/survey-flow";

const WAIT_MS = 600;

let server: RunningServer;
let passwords: Record<string, string>;
let lock: Database.Database | null = null;

beforeAll(async () => {
  const seeded = await seedDemo();
  passwords = seeded.passwords;
  server = await startServer({ dataDir: seeded.dataDir, env: { WRITE_WAIT_MS: String(WAIT_MS) } });
});
afterEach(() => releaseLock());
afterAll(async () => {
  releaseLock();
  await server?.stop();
});

/** Another connection takes the write lock and keeps it until released. */
function takeLock() {
  lock = new Database(server.databasePath);
  lock.exec("BEGIN IMMEDIATE");
}
function releaseLock() {
  if (lock?.open) {
    lock.exec("ROLLBACK");
    lock.close();
  }
  lock = null;
}

function count(sql: string, ...params: unknown[]): number {
  const db = new Database(server.databasePath, { readonly: true });
  try {
    return db.prepare(sql).pluck().get(...params) as number;
  } finally {
    db.close();
  }
}

/** The «ikke lagret» form of a page: where it posts and every field it sends. */
function retryForm(html: string): { action: string; body: URLSearchParams } {
  const form = /<form[^>]*method="post"[^>]*action="([^"]*)"[^>]*>([\s\S]*?)<\/form>/.exec(html.slice(html.indexOf("<main")));
  expect(form, "a form that sends it again").not.toBeNull();
  const body = new URLSearchParams();
  for (const m of form![2].matchAll(/<input[^>]*type="hidden"[^>]*>|<textarea[^>]*>[\s\S]*?<\/textarea>/g)) {
    const name = decode(/name="([^"]*)"/.exec(m[0])![1]);
    const value = m[0].startsWith("<input") ? decode(/value="([^"]*)"/.exec(m[0])?.[1] ?? "") : decode(/>([\s\S]*?)<\/textarea>$/.exec(m[0])![1]);
    body.append(name, value);
  }
  return { action: decode(form![1]), body };
}

function expectNotSaved(res: Response, html: string, typed: string[], language: "nb" | "en" = "nb") {
  expect(res.status, html.slice(0, 400)).toBe(503);
  expect(html).toContain(`<html lang="${language === "nb" ? "nb-NO" : "en-GB"}"`);
  expect(html).toContain(language === "nb" ? "<h1>Ikke lagret</h1>" : "<h1>Not saved</h1>");
  expect(html).toContain(language === "nb" ? "Databasen var opptatt for lenge" : "The database was busy");
  for (const text of typed) expect(decode(html)).toContain(text);
}

describe("a write the database refuses", () => {
  it("a log note without JavaScript: «Ikke lagret», the note kept in a form that saves it once", async () => {
    const js = await loginAs(server.url, identities.jsA, passwords[identities.jsA]);
    const key = await draftKeyOf(js);
    takeLock();
    const started = Date.now();
    const res = await postNote(js, key, { situasjon: "Låst database: dette må ikke gå tapt.", god_praksis: "Tålmodighet" });
    const html = await res.text();
    expect(Date.now() - started, "waited for the lock first").toBeGreaterThanOrEqual(WAIT_MS);
    expectNotSaved(res, html, []);
    expect(textareaValue(html, "situasjon")).toBe("Låst database: dette må ikke gå tapt.");
    expect(textareaValue(html, "god_praksis")).toBe("Tålmodighet");
    expect(inputValue(html, "draftKey")).toBe(key);
    expect(inputValue(html, "intent")).toBe("save-note");
    expect(count("SELECT count(*) FROM log_notes WHERE client_key = ?", key)).toBe(0);

    // The lock is still held: trying again says the same and keeps the text.
    const retry = retryForm(html);
    const again = await js.request("POST", retry.action, retry.body);
    expect(again.status).toBe(503);
    expect(textareaValue(await again.text(), "situasjon")).toBe("Låst database: dette må ikke gå tapt.");

    releaseLock();
    const saved = await js.request("POST", retry.action, retry.body);
    expect(saved.status).toBe(302);
    expect(saved.headers.get("Location")).toMatch(/saved=\d+/);
    // Sent once more (a double click): still one note.
    expect((await js.request("POST", retry.action, retry.body)).status).toBe(302);
    expect(count("SELECT count(*) FROM log_notes WHERE client_key = ?", key)).toBe(1);
    expect(count("SELECT count(*) FROM log_notes WHERE client_key = ? AND answers LIKE '%Låst database: dette må ikke gå tapt.%'", key)).toBe(1);
  });

  it("says so in the person's language", async () => {
    const js = await loginAs(server.url, identities.jsB, passwords[identities.jsB]);
    expect((await js.request("POST", "/language", { locale: "en", redirectTo: "/log" })).status).toBe(302);
    const key = await draftKeyOf(js);
    takeLock();
    const res = await postNote(js, key, { situasjon: "Written in English while locked" });
    const html = await res.text();
    expectNotSaved(res, html, ["Written in English while locked", "Try again"], "en");
  });

  it("the employer's questionnaire comes back with the answers in it, and they are stored once when sent again", async () => {
    const researcher = await loginAs(server.url, identities.researcher, passwords[identities.researcher]);
    const specialist = await loginAs(server.url, identities.jsA, passwords[identities.jsA]);
    const waveId = await createWave(researcher, { projectId: await demoProjectId(researcher), title: "Låst runde" });
    const [link] = (await issueLinks(specialist, waveId, 1)).links;
    const employer = new Client(server.url);
    expect((await employer.request("GET", new URL(link.url).pathname)).status).toBe(303);
    const form = answerForm(employerSurvey(), 7);
    takeLock();
    const res = await employer.request("POST", "/s", form);
    const html = await res.text();
    expect(res.status).toBe(503);
    expect(res.headers.get("Retry-After")).toBe("5");
    expect(html).toContain("<h2>Ikke lagret</h2>");
    expect(html).toContain("Svarene dine er ikke tapt");
    expect(decode(html)).toContain("Svar nummer 7");
    // A chosen option is still chosen.
    const [field, code] = [...form].find(([name, value]) => /^q\d/.test(name) && /^\d+$/.test(value))!;
    expect(new RegExp(`<input[^>]*id="inst-${field}-${code}"[^>]*>`).exec(html)?.[0]).toContain('checked=""');
    expect(count("SELECT count(*) FROM survey_answers WHERE wave_id = ?", waveId)).toBe(0);
    releaseLock();
    const sent = await employer.request("POST", "/s", form);
    expect(sent.status).toBe(303);
    expect(sent.headers.get("Location")).toBe("/s/done");
    expect(count("SELECT count(*) FROM survey_answers WHERE wave_id = ?", waveId)).toBe(1);
  });

  it("reports, exchanges, projects, waves and the log-in: the same page, with what was typed", async () => {
    const researcher = await loginAs(server.url, identities.researcher, passwords[identities.researcher]);
    const js = await loginAs(server.url, identities.jsA, passwords[identities.jsA]);
    const reportsPage = await (await js.get("/reports")).text();
    const projectId = String(await demoProjectId(researcher));
    takeLock();
    const cases: [Client, string, Record<string, string>, string[]][] = [
      [js, "/reports", { intent: "add-participant", clientKey: inputValue(reportsPage, "clientKey")!, startMonth: "2018-02", consentDate: "2018-02-12", consentConfirmed: "on" }, []],
      [researcher, "/exchanges/new", { projectId: "1", audience: "job_specialists", date: "2030-02-12", startTime: "12:00", endTime: "15:00", place: "Møterom Fjordgata", theme: "Låste databaser", status: "planned" }, ["Møterom Fjordgata", "Låste databaser"]],
      [researcher, "/projects", { title: "Prosjekt under lås", slug: "under-laas" }, ["Prosjekt under lås"]],
      [researcher, "/waves/new", { projectId, instrumentId: "employer-survey", title: "Bølge under lås", infoNb: "Informasjon om låsen.", infoEn: "About the lock.", contact: "", openDate: "2030-01-01", closeDate: "2030-02-01", minAnswers: "5" }, ["Bølge under lås", "Informasjon om låsen."]],
    ];
    for (const [client, path, body, typed] of cases) {
      const res = await client.request("POST", path, body);
      const html = await res.text();
      expectNotSaved(res, html, typed);
      const retry = retryForm(html);
      expect(retry.action).toBe(path);
      for (const [name, value] of Object.entries(body)) expect(retry.body.getAll(name), `${path} ${name}`).toEqual([value]);
    }
    // Logging in writes a session: the e-mail is kept, the password asked for again.
    const visitor = new Client(server.url);
    const login = await visitor.request("POST", "/login", { email: identities.jsA, password: passwords[identities.jsA], redirectTo: "/log" });
    const loginHtml = await login.text();
    expectNotSaved(login, loginHtml, [identities.jsA]);
    expect(loginHtml).not.toContain(passwords[identities.jsA]);
    expect(loginHtml).toMatch(/<input[^>]*name="password"[^>]*type="password"|<input[^>]*type="password"[^>]*name="password"/);
    // The draft autosave (JavaScript) gets JSON; the page keeps the text in the browser.
    const autosave = await js.request("POST", "/log/autosave", { draftKey: "autosave-locked-key-0001", situasjon: "Under lås" }, { Accept: "application/json" });
    expect(autosave.status).toBe(503);
    expect(await autosave.json()).toEqual({ status: "not-saved", reason: "busy" });
    releaseLock();
    expect(server.output()).not.toMatch(/\n\s+at /);
    expect(server.output()).toContain("write refused (busy)");
  });
});

// Participant reports over real HTTP against the built server and a real SQLite file, posting
// forms the way a browser without JavaScript does: adding a participant (a code, no name),
// conditional fields, identifiers refused and never stored, drafts, dated versions, consent
// withdrawal, who may see what, and the researchers' statistics page.
import fs from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db, type Sqlite } from "../../db/connection.server";
import { auditLog, projects, reportDrafts, reportParticipants, reportVersions } from "../../db/schema";
import { listParticipantReports } from "../../app/reports/data.server";
import { Client } from "../support/http";
import { identities, seedDemo } from "../support/seed";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let passwords: Record<string, string> = {};
let db: Db;
let sqlite: Sqlite;
let projectId: number;
const clients = {} as Record<"jsA" | "jsB" | "leadA" | "researcher", Client>;

async function login(email: string): Promise<Client> {
  const client = new Client(server.url);
  const res = await client.post("/login", { email, password: passwords[email] });
  expect(res.status, `login as ${email}`).toBe(200);
  return client;
}

function inputValue(html: string, name: string): string | null {
  const m = new RegExp(`<input[^>]*name="${name}"[^>]*>`).exec(html);
  if (!m) return null;
  return /value="([^"]*)"/.exec(m[0])?.[1] ?? "";
}

function textareaValue(html: string, name: string): string | null {
  const m = new RegExp(`<textarea[^>]*name="${name}"[^>]*>([\\s\\S]*?)</textarea>`).exec(html);
  return m ? m[1].replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&amp;/g, "&") : null;
}

/** The text of the error element that a field's aria-describedby points at. */
function errorOf(html: string, name: string): string | null {
  const control = new RegExp(`<(?:input|select|textarea)[^>]*name="${name}"[^>]*>`).exec(html)?.[0];
  const fieldset = new RegExp(`<fieldset[^>]*aria-describedby="([^"]*)"[^>]*>(?:(?!</fieldset>)[\\s\\S])*?name="${name}"`).exec(html);
  const ids = (/aria-describedby="([^"]*)"/.exec(control ?? "")?.[1] ?? fieldset?.[1] ?? "").split(" ").filter(Boolean);
  for (const id of ids) {
    const m = new RegExp(`<p[^>]*id="${id}"[^>]*class="(?:inst-error|field-error)"[^>]*>([\\s\\S]*?)</p>|<p[^>]*class="(?:inst-error|field-error)"[^>]*id="${id}"[^>]*>([\\s\\S]*?)</p>`).exec(html);
    if (m) return (m[1] ?? m[2]).replace(/<[^>]+>/g, "");
  }
  return null;
}

async function addParticipant(client: Client, values: Record<string, string> = {}): Promise<string> {
  const page = await (await client.get("/reports")).text();
  const res = await client.request("POST", "/reports", {
    intent: "add-participant",
    clientKey: inputValue(page, "clientKey")!,
    startMonth: "2018-02",
    consentDate: "2018-02-12",
    consentConfirmed: "on",
    ...values,
  });
  expect(res.status).toBe(302);
  const location = res.headers.get("Location")!;
  expect(location).toMatch(/^\/reports\/D-[2-9A-Z]{6}\?created=1$/);
  return /\/reports\/(D-[2-9A-Z]{6})/.exec(location)![1];
}

const background = {
  hjemland: "232",
  kjonn: "1",
  alder_overtatt: "31",
  norsknivaa: "5",
  henvisning: "Lite arbeidserfaring og behov for tett oppfølging mot arbeidsgivere.",
  se_tilforte: "Jobbspesialisten fulgte opp på arbeidsplassen hver uke.",
};
const inWork = { kontrakt: "2", stillingsprosent: "60", bransje: "1", stilling: "Butikkmedarbeider", etteroppfolging: "1" };

async function keyOf(client: Client, code: string) {
  return inputValue(await (await client.get(`/reports/${code}`)).text(), "clientKey")!;
}

async function submit(client: Client, code: string, values: Record<string, string>, intent = "submit", key?: string) {
  return client.request("POST", `/reports/${code}`, { intent, clientKey: key ?? (await keyOf(client, code)), _effectiveDate: "2018-04-01", ...values });
}

function participantId(code: string): number {
  return db.select({ id: reportParticipants.id }).from(reportParticipants).where(eq(reportParticipants.code, code)).get()!.id;
}

function versionsOf(code: string) {
  return db.select().from(reportVersions).where(eq(reportVersions.participantId, participantId(code))).orderBy(reportVersions.number).all();
}

beforeAll(async () => {
  const seeded = await seedDemo();
  passwords = seeded.passwords;
  server = await startServer({ dataDir: seeded.dataDir });
  ({ db, sqlite } = openDatabase(server.databasePath));
  projectId = db.select({ id: projects.id }).from(projects).where(eq(projects.slug, "afi-2017")).get()!.id;
  for (const who of ["jsA", "jsB", "leadA", "researcher"] as const) clients[who] = await login(identities[who]);
});

afterAll(async () => {
  sqlite?.close();
  await server?.stop();
});

describe("adding a participant", () => {
  it("makes a code; the form asks for no name; a double submit adds one participant", async () => {
    const page = await (await clients.jsA.get("/reports")).text();
    const names = [...page.matchAll(/<(?:input|select|textarea)[^>]*name="([^"]+)"/g)].map((m) => m[1]).filter((n) => n !== "locale" && n !== "redirectTo");
    expect(names.sort()).toEqual(["clientKey", "consentConfirmed", "consentDate", "startMonth"]);
    const body = { intent: "add-participant", clientKey: inputValue(page, "clientKey")!, startMonth: "2018-01", consentDate: "2018-01-10", consentConfirmed: "on" };
    const first = await clients.jsA.request("POST", "/reports", body);
    const second = await clients.jsA.request("POST", "/reports", body);
    expect(first.status).toBe(302);
    expect(second.headers.get("Location")).toBe(first.headers.get("Location"));
    const code = /D-[2-9A-Z]{6}/.exec(first.headers.get("Location")!)![0];
    expect(db.select().from(reportParticipants).where(eq(reportParticipants.code, code)).all()).toHaveLength(1);
    const list = await (await clients.jsA.get("/reports")).text();
    expect(list).toContain(code);
  });

  it("needs the consent confirmed and a real, past date; keeps what was typed", async () => {
    const page = await (await clients.jsA.get("/reports")).text();
    const res = await clients.jsA.post("/reports", { intent: "add-participant", clientKey: inputValue(page, "clientKey")!, startMonth: "2018-13", consentDate: "2999-01-01" });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(errorOf(html, "consentConfirmed")).toContain("Kryss av for at samtykket er innhentet");
    expect(errorOf(html, "startMonth")).toContain("Skriv måneden som ÅÅÅÅ-MM");
    expect(errorOf(html, "consentDate")).toBe("Datoen kan ikke være fram i tid");
    expect(inputValue(html, "startMonth")).toBe("2018-13");
    expect(inputValue(html, "consentDate")).toBe("2999-01-01");
  });
});

describe("the report form", () => {
  let code: string;
  beforeAll(async () => {
    code = await addParticipant(clients.jsA);
  });

  it("requires the outcome section only for those in work, and says so at each field", async () => {
    const res = await submit(clients.jsA, code, { ...background, status: "6" });
    expect(res.status).toBe(400);
    const html = await res.text();
    for (const name of ["kontrakt", "etteroppfolging"]) expect(errorOf(html, name), name).toBe("Velg ett av svaralternativene");
    expect(errorOf(html, "stillingsprosent")).toBe("Dette feltet må fylles ut");
    expect(textareaValue(html, "henvisning")).toBe(background.henvisning);
    expect(html).toContain("Det du skrev, er tatt vare på som utkast.");
    expect(versionsOf(code)).toHaveLength(0);
    const draft = db.select().from(reportDrafts).where(eq(reportDrafts.participantId, participantId(code))).get();
    expect(draft?.values).toMatchObject({ status: "6", henvisning: background.henvisning, _effectiveDate: "2018-04-01" });
  });

  it("drops the outcome answers of someone not in work (the server follows the same rule)", async () => {
    const res = await submit(clients.jsA, code, { ...background, status: "3", ...inWork });
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`/reports/${code}?saved=1`);
    const [v1] = versionsOf(code);
    expect(v1).toMatchObject({ number: 1, status: 3, effectiveDate: "2018-04-01", instrumentId: "participant-report" });
    for (const name of ["kontrakt", "stillingsprosent", "bransje", "stilling", "etteroppfolging"]) expect(v1.answers[name], name).toBeNull();
    expect(v1.answers).toMatchObject({ hjemland: 232, norsknivaa: 5, henvisning: background.henvisning });
    // The draft is gone once a version is saved.
    expect(db.select().from(reportDrafts).where(eq(reportDrafts.participantId, participantId(code))).get()).toBeUndefined();
  });

  it("refuses identifier-looking text and never stores it, not even as a draft", async () => {
    const secret = "Heter Amina, fødselsnummer 01018512345";
    for (const intent of ["submit", "draft"]) {
      const res = await submit(clients.jsA, code, { ...background, status: "3", henvisning: secret }, intent);
      expect(res.status).toBe(400);
      const html = await res.text();
      const message = errorOf(html, "henvisning")!;
      expect(message).toContain("fødselsnummer eller D-nummer («01018512345»)");
      expect(message).toContain("navn («Amina»)");
      expect(textareaValue(html, "henvisning")).toBe(secret);
      expect(html).toContain("Ingenting er lagret");
    }
    sqlite.pragma("wal_checkpoint(PASSIVE)");
    for (const file of [server.databasePath, `${server.databasePath}-wal`]) {
      if (fs.existsSync(file)) expect(fs.readFileSync(file).includes("01018512345"), path.basename(file)).toBe(false);
    }
  });

  it("checks the work-experience band against the years, and the effective date", async () => {
    const res = await submit(clients.jsA, code, { ...background, status: "3", arbeidserf_hjemland: "2", arbeidserf_hjemland_aar: "4", _effectiveDate: "2017-12-31" });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(errorOf(html, "arbeidserf_hjemland_aar")).toContain("Antall år fylles bare ut når deltakeren har ett år eller mer");
    expect(errorOf(html, "_effectiveDate")).toBe("Datoen kan ikke være før deltakeren startet hos jobbspesialisten (februar 2018)");
    expect(inputValue(html, "_effectiveDate")).toBe("2017-12-31");
  });

  it("keeps each change as a dated version, so the status on a date can be reported", async () => {
    const key = await keyOf(clients.jsA, code);
    const body = { ...background, status: "8", ...inWork, _effectiveDate: "2018-09-01" };
    const first = await submit(clients.jsA, code, body, "submit", key);
    const twin = await submit(clients.jsA, code, body, "submit", key);
    expect(first.headers.get("Location")).toBe(`/reports/${code}?saved=2`);
    expect(twin.headers.get("Location")).toBe(`/reports/${code}?saved=2`);
    expect(versionsOf(code).map((v) => [v.number, v.effectiveDate, v.status])).toEqual([
      [1, "2018-04-01", 3],
      [2, "2018-09-01", 8],
    ]);
    const id = participantId(code);
    const on = (asOf?: string) => listParticipantReports(db, { projectId, asOf }).find((r) => r.participantId === id);
    expect(on("2018-03-31")).toBeUndefined();
    expect(on("2018-06-30")?.answers.status).toBe(3);
    expect(on("2018-09-01")?.answers).toMatchObject({ status: 8, kontrakt: 2, stillingsprosent: 60 });
    expect(on()?.version.number).toBe(2);

    const versions = await (await clients.jsA.get(`/reports/${code}/versions`)).text();
    expect(versions).toContain("2018-09-01");
    expect(versions).toContain("Type arbeidskontrakt");
    expect(versions).toContain("Første versjon");
    const v1 = await (await clients.jsA.get(`/reports/${code}/versions?v=1`)).text();
    expect(v1).toContain("Versjon 1, gjelder fra 1. april 2018");
    expect(v1).toContain("Ikke aktuelt");
    // The form opens with the current version filled in.
    const form = await (await clients.jsA.get(`/reports/${code}`)).text();
    expect(inputValue(form, "stillingsprosent")).toBe("60");
    expect(form).toContain("Skjemaet er fylt ut med versjon 2");
  });

  it("keeps a draft until it is saved or discarded", async () => {
    const res = await submit(clients.jsA, code, { ...background, status: "8", ...inWork, stillingsprosent: "80" }, "draft");
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`/reports/${code}?draft=saved`);
    let page = await (await clients.jsA.get(`/reports/${code}?draft=saved`)).text();
    expect(page).toContain("Utkastet er lagret");
    expect(page).toContain("Skjemaet viser utkastet ditt fra");
    expect(inputValue(page, "stillingsprosent")).toBe("80");
    expect(versionsOf(code)).toHaveLength(2);
    const discard = await clients.jsA.request("POST", `/reports/${code}`, { intent: "discard-draft" });
    expect(discard.headers.get("Location")).toBe(`/reports/${code}?draft=discarded`);
    page = await (await clients.jsA.get(`/reports/${code}`)).text();
    expect(inputValue(page, "stillingsprosent")).toBe("60");
  });
});

describe("a report posted after the session ended", () => {
  const unescape = (v: string) => v.replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  const carried = (html: string) => Object.fromEntries([...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1], unescape(m[2])]));

  it("comes back with a login form that carries it; logging in there saves it", async () => {
    const code = await addParticipant(clients.jsA);
    const key = await keyOf(clients.jsA, code);
    const loggedOut = new Client(server.url);
    const res = await loggedOut.request("POST", `/reports/${code}`, { intent: "submit", clientKey: key, _effectiveDate: "2018-04-01", ...background, status: "3" });
    expect(res.status).toBe(401);
    const html = await res.text();
    expect(html).toContain("Logg inn igjen for å lagre rapporten");
    const values = carried(html);
    expect(values).toMatchObject({ henvisning: background.henvisning, resumeIntent: "submit", clientKey: key });
    expect(versionsOf(code)).toHaveLength(0);

    const wrong = await loggedOut.request("POST", `/reports/${code}`, { ...values, intent: "reauth", email: identities.jsA, password: "feil passord her" });
    expect(wrong.status).toBe(401);
    const wrongHtml = await wrong.text();
    expect(wrongHtml).toContain("Feil e-postadresse eller passord");
    expect(carried(wrongHtml).se_tilforte).toBe(background.se_tilforte);

    const ok = await loggedOut.request("POST", `/reports/${code}`, { ...values, intent: "reauth", email: identities.jsA, password: passwords[identities.jsA] });
    expect(ok.status).toBe(302);
    expect(ok.headers.get("Location")).toBe(`/reports/${code}?saved=1`);
    expect(versionsOf(code).map((v) => v.answers.henvisning)).toEqual([background.henvisning]);
    expect((await loggedOut.request("GET", `/reports/${code}`)).status).toBe(200);
  });

  it("logging in there as someone else saves nothing", async () => {
    const code = await addParticipant(clients.jsA);
    const loggedOut = new Client(server.url);
    const res = await loggedOut.request("POST", `/reports/${code}`, { intent: "submit", clientKey: await keyOf(clients.jsA, code), _effectiveDate: "2018-04-01", ...background, status: "3" });
    const values = carried(await res.text());
    const other = await loggedOut.request("POST", `/reports/${code}`, { ...values, intent: "reauth", email: identities.jsB, password: passwords[identities.jsB] });
    expect(other.status).toBe(404);
    expect(versionsOf(code)).toHaveLength(0);
  });
});

describe("who sees a participant", () => {
  let code: string;
  beforeAll(async () => {
    code = await addParticipant(clients.jsA);
  });

  it("only the job specialist who follows them; others get 404, other roles 403", async () => {
    for (const suffix of ["", "/versions", "/consent"]) {
      expect((await clients.jsA.request("GET", `/reports/${code}${suffix}`)).status).toBe(200);
      expect((await clients.jsB.request("GET", `/reports/${code}${suffix}`)).status).toBe(404);
      expect((await clients.leadA.request("GET", `/reports/${code}${suffix}`)).status).toBe(403);
      expect((await clients.researcher.request("GET", `/reports/${code}${suffix}`)).status).toBe(403);
      const anonymous = await new Client(server.url).request("GET", `/reports/${code}${suffix}`);
      expect(anonymous.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
    }
    expect((await clients.jsB.request("POST", `/reports/${code}`, { intent: "submit", ...background, status: "3" })).status).toBe(404);
    expect((await clients.jsB.request("POST", `/reports/${code}/consent`, { withdrawnDate: "2018-05-01", withdrawalConfirmed: "on" })).status).toBe(404);
    expect(versionsOf(code)).toHaveLength(0);
    expect((await clients.jsA.request("GET", "/reports/not-a-code")).status).toBe(404);
    expect(await (await clients.jsB.get("/reports")).text()).not.toContain(code);
  });

  it("a case lead sees counts per job specialist of their own case, never contents", async () => {
    const home = await (await clients.leadA.get("/")).text();
    expect(home).toContain("Individrapporter per jobbspesialist");
    expect(home).toContain("Aina Demosen");
    expect(home).not.toContain("Cecilie Demosen"); // jsB, another organisation
    expect(home).not.toMatch(/D-[2-9A-Z]{6}/);
  });
});

describe("consent withdrawal", () => {
  let code: string;
  async function reportsOnStatisticsPage() {
    const html = await (await clients.researcher.get("/reports/statistics")).text();
    return /data-testid="reports-count">([^<]+)</.exec(html)![1];
  }

  beforeAll(async () => {
    code = await addParticipant(clients.jsB);
    expect((await submit(clients.jsB, code, { ...background, status: "6", ...inWork })).status).toBe(302);
  });

  it("is recorded, takes the participant out of statistics and exports, and closes the report", async () => {
    const before = Number(await reportsOnStatisticsPage());
    const early = await clients.jsB.post(`/reports/${code}/consent`, { withdrawnDate: "2018-01-01", withdrawalConfirmed: "on" });
    expect(early.status).toBe(400);
    expect(errorOf(await early.text(), "withdrawnDate")).toBe("Datoen kan ikke være før samtykket ble innhentet (12. februar 2018)");
    const unconfirmed = await clients.jsB.post(`/reports/${code}/consent`, { withdrawnDate: "2018-10-01" });
    expect(errorOf(await unconfirmed.text(), "withdrawalConfirmed")).toContain("Kryss av for å bekrefte");

    const res = await clients.jsB.request("POST", `/reports/${code}/consent`, { withdrawnDate: "2018-10-01", withdrawalConfirmed: "on" });
    expect(res.headers.get("Location")).toBe(`/reports/${code}/consent?done=1`);
    const page = await (await clients.jsB.get(`/reports/${code}/consent?done=1`)).text();
    expect(page).toContain("Samtykket ble trukket 1. oktober 2018. Registrert av Cecilie Demosen");
    const row = db.select().from(reportParticipants).where(eq(reportParticipants.code, code)).get()!;
    expect(row.withdrawnDate).toBe("2018-10-01");
    expect(db.select().from(auditLog).where(and(eq(auditLog.action, "report.consent.withdrawn"), eq(auditLog.subject, `participant:${row.id}`))).all()).toHaveLength(1);

    expect(Number(await reportsOnStatisticsPage())).toBe(before - 1);
    expect(listParticipantReports(db, { projectId }).some((r) => r.participantId === row.id)).toBe(false);
    expect(listParticipantReports(db, { projectId, asOf: "2018-06-30" }).some((r) => r.participantId === row.id)).toBe(false);
    // The report can no longer be changed; the saved version is kept.
    expect((await submit(clients.jsB, code, { ...background, status: "3" })).status).toBe(409);
    expect(versionsOf(code)).toHaveLength(1);
    const form = await (await clients.jsB.get(`/reports/${code}`)).text();
    expect(form).toContain("Deltakeren trakk samtykket 1. oktober 2018");
    expect(form).not.toContain('name="henvisning"');
  });
});

describe("the statistics page", () => {
  it("shows the demo figures, hides small cells and filters by programme, case and date", async () => {
    const html = await (await clients.researcher.get("/reports/statistics")).text();
    expect(html).toContain("Statistikk fra individrapportene");
    expect(html).toContain("Celler merket «:» er skjult med vilje");
    expect(html).not.toContain("&lt;5");
    expect(html).toContain("Bistandsbehov på mikronivå (Tabell 6)");
    expect(html).toContain("Bistandsbehov for å bedre norskkunnskaper");
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="chart-gender-title chart-gender-desc"/);

    const intro = await (await clients.researcher.get("/reports/statistics?programme=intro")).text();
    expect(/data-testid="reports-count">([^<]+)</.exec(intro)![1]).toBe("111");
    const early = await (await clients.researcher.get("/reports/statistics?asOf=2018-06-30")).text();
    expect(Number(/data-testid="reports-count">([^<]+)</.exec(early)![1])).toBeLessThan(202);

    const bad = await clients.researcher.get("/reports/statistics?asOf=2018-05-17&case=999999&programme=begge");
    expect(bad.status).toBe(200);
    const badHtml = await bad.text();
    expect(errorOf(badHtml, "asOf")).toBe("Velg en av datoene i lista");
    expect(errorOf(badHtml, "case")).toBe("Velg et av alternativene");
    expect(errorOf(badHtml, "programme")).toBe("Velg et av alternativene");
    expect(/data-testid="reports-count">([^<]+)</.exec(badHtml)![1]).toBe(/data-testid="reports-count">([^<]+)</.exec(html)![1]);
  });

  it("never sends a hidden count to the browser", async () => {
    // Jobbsjansen in one case project: small groups everywhere.
    const cases = db.select({ id: reportParticipants.caseProjectId }).from(reportParticipants).all();
    const html = await (await clients.researcher.get(`/reports/statistics?case=${cases[0].id}&programme=jobbsjansen`)).text();
    // Category cells (the table bodies; reports, N and "not answered" are the shown base).
    const bodies = [...html.matchAll(/<section class="rep-table"[^>]*id="([^"]+)"[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/g)].filter((m) => m[1] !== "programme").map((m) => m[2]);
    const cells = bodies.flatMap((b) => [...b.matchAll(/<td class="num">([^<]*)<\/td>/g)].map((m) => m[1])).filter((v) => /^\d+$/.test(v));
    expect(cells.length).toBeGreaterThan(0);
    expect(cells.every((v) => v === "0" || Number(v) >= 5)).toBe(true);
    // The page's data (Remix single fetch: one flat array of every value) holds display cells
    // only: no raw table ("counts") and no count from 1 to 4 as text.
    const payload = await (await clients.researcher.get(`/reports/statistics.data?case=${cases[0].id}&programme=jobbsjansen`)).text();
    // turbo-stream: objects name their keys and values by index into the array.
    const values: unknown[] = JSON.parse(payload.split("\n")[0]);
    expect(values).toContain("cells");
    expect(values).not.toContain("counts");
    const textKey = `_${values.indexOf("text")}`;
    const texts = values
      .filter((o): o is Record<string, number> => typeof o === "object" && o !== null && !Array.isArray(o) && textKey in o)
      .map((o) => values[o[textKey]]);
    expect(texts.length).toBeGreaterThan(50);
    expect(texts).toContain(":");
    // Counts from 1 to 4 are there only as the shown base (reports, N, "not answered"), never
    // as a hidden cell: no more of them than the page itself shows outside the table bodies.
    const shownSmall = [...html.replace(/<tbody>[\s\S]*?<\/tbody>/g, "").matchAll(/>([1-4])</g)].length;
    expect(texts.filter((v) => typeof v === "string" && /^[1-4]$/.test(v)).length).toBeLessThanOrEqual(shownSmall);
  });
});

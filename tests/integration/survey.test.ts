// The employer survey over real HTTP: waves, links, the employer's questionnaire, exactly-once
// answers that survive a crash, what job specialists may see, reminders and response rates,
// results like Tabell 7–9 from the demo wave, exclusions, thresholds and rate limits.
import fs from "node:fs";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "../support/http";
import { identities, seedDemo } from "../support/seed";
import { startServer, type RunningServer } from "../support/server";
import { answerForm, createWave, demoProjectId, employerSurvey, issueLinks, respond, shiftDate, today, tokenOf } from "../support/survey-flow";

let server: RunningServer;
let passwords: Record<string, string>;
let researcher: Client;
let jsA: Client;
let jsB: Client;
let projectId: number;
const instrument = employerSurvey();

async function login(email: string) {
  const client = new Client(server.url);
  const res = await client.post("/login", { email, password: passwords[email] });
  expect(res.status).toBe(200);
  return client;
}

function db() {
  return new Database(server.databasePath, { readonly: true, fileMustExist: true });
}

function count(sql: string, ...params: unknown[]): number {
  const conn = db();
  try {
    return conn.prepare(sql).pluck().get(...params) as number;
  } finally {
    conn.close();
  }
}

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&#x27;/g, "'").replace(/&quot;/g, '"').replace(/\s+/g, " ");

beforeAll(async () => {
  const seeded = await seedDemo();
  passwords = seeded.passwords;
  server = await startServer({ dataDir: seeded.dataDir, env: { SURVEY_WAL_TRUNCATE_MS: "300" } });
  researcher = await login(identities.researcher);
  jsA = await login(identities.jsA);
  jsB = await login(identities.jsB);
  projectId = await demoProjectId(researcher);
});

afterAll(async () => {
  await server?.stop();
});

describe("waves", () => {
  it("a researcher opens a wave with AFI's information text by default; bad dates are pointed out", async () => {
    const form = await (await researcher.get("/waves/new")).text();
    expect(form).toContain("Arbeidsforskningsinstituttet (AFI)");
    expect(form).toContain('value="employer-survey" selected=""');
    expect(form).toMatch(/name="minAnswers"[^>]*value="5"/);
    const bad = await researcher.request("POST", "/waves/new", {
      projectId: String(projectId),
      instrumentId: "employer-survey",
      title: "Feil",
      infoNb: "x",
      infoEn: "x",
      openDate: "2026-02-10",
      closeDate: "2026-02-01",
      minAnswers: "5",
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Stengedatoen kan ikke være før åpningsdatoen");
    const id = await createWave(researcher, { projectId, title: "Runde med lenker" });
    const page = await (await researcher.get(`/waves/${id}`)).text();
    expect(page).toContain("Runde med lenker");
    expect(page).toContain("[LENKE]");
  });

  it("offers only instruments meant for surveys, and refuses the others if posted", async () => {
    const form = await (await researcher.get("/waves/new")).text();
    const select = /<select[^>]*name="instrumentId"[^>]*>([\s\S]*?)<\/select>/.exec(form)![1];
    expect([...select.matchAll(/<option value="([^"]*)"/g)].map((m) => m[1])).toEqual(["employer-survey"]);
    for (const instrumentId of ["log-entry", "participant-report", "exchange-preparation"]) {
      const res = await researcher.request("POST", "/waves/new", {
        projectId: String(projectId),
        instrumentId,
        title: "Feil skjema",
        infoNb: "x",
        infoEn: "x",
        openDate: "2026-02-01",
        closeDate: "2026-02-10",
        minAnswers: "5",
      });
      expect(res.status, instrumentId).toBe(400);
    }
  });

  it("a case lead sees no wave; a job specialist never sees results", async () => {
    const lead = await login(identities.leadA);
    expect((await lead.request("GET", "/waves")).status).toBe(403);
    expect((await jsA.request("GET", "/waves/1/results")).status).toBe(403);
  });
});

describe("links", () => {
  it("a job specialist gets N single-use links as a list, a CSV and an e-mail text; a double submit makes no twins", async () => {
    const waveId = await createWave(researcher, { projectId });
    const batch = await issueLinks(jsA, waveId, 7, "double-submit-key-1");
    expect(batch.links).toHaveLength(7);
    expect(new Set(batch.links.map((l) => l.url)).size).toBe(7);
    for (const l of batch.links) expect(l.url).toMatch(new RegExp(`^${server.url}/s/[A-Za-z0-9_-]{22}$`));
    expect(batch.csv).toMatch(/^\uFEFF?Nr\.;Kode;Lenke\r\n1;[0-9A-F]{6};http/);
    const raw = Buffer.from(await (await jsA.request("GET", `/waves/${waveId}/links/${batch.batchId}.csv`)).arrayBuffer());
    expect([...raw.subarray(0, 3)], "UTF-8 BOM for Excel").toEqual([0xef, 0xbb, 0xbf]);
    const again = await jsA.request("POST", `/waves/${waveId}`, { intent: "links", count: "7", requestKey: "double-submit-key-1" });
    expect(again.headers.get("Location")).toBe(`/waves/${waveId}/links/${batch.batchId}`);
    expect(count("SELECT count(*) FROM survey_links WHERE wave_id = ?", waveId)).toBe(7);
    const page = await (await jsA.get(`/waves/${waveId}/links/${batch.batchId}`)).text();
    expect(page).toContain(batch.links[0].url);
    expect(page).toContain("[LENKE]");
    // Another job specialist cannot see them; after "I have copied them" nobody can.
    expect((await jsB.request("GET", `/waves/${waveId}/links/${batch.batchId}`)).status).toBe(404);
    expect((await jsB.request("GET", `/waves/${waveId}/links/${batch.batchId}.csv`)).status).toBe(404);
    await jsA.request("POST", `/waves/${waveId}/links/${batch.batchId}`, { intent: "forget" });
    const gone = await (await jsA.get(`/waves/${waveId}/links/${batch.batchId}`)).text();
    expect(gone).not.toContain(batch.links[0].url);
    expect((await jsA.request("GET", `/waves/${waveId}/links/${batch.batchId}.csv`)).status).toBe(404);
    // The ledger keeps only hashes: no link is in the database.
    const bytes = fs.readFileSync(server.databasePath);
    for (const l of batch.links) expect(bytes.includes(Buffer.from(tokenOf(l.url)))).toBe(false);
  });

  it("refuses more than 500 links at once and any count below 1, with the message at the field", async () => {
    const waveId = await createWave(researcher, { projectId });
    const res = await jsA.request("POST", `/waves/${waveId}`, { intent: "links", count: "501", requestKey: "too-many-links" });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Skriv et helt tall fra 1 til 500");
  });
});

describe("the employer's questionnaire", () => {
  let waveId: number;
  let links: string[];
  beforeAll(async () => {
    waveId = await createWave(researcher, { projectId, title: "Arbeidsgiverne våre" });
    links = (await issueLinks(jsA, waveId, 12)).links.map((l) => l.url);
  });

  it("opens without an account; the token leaves the address bar at once and the page has no script", async () => {
    const employer = new Client(server.url);
    const first = await employer.request("GET", new URL(links[0]).pathname);
    expect(first.status).toBe(303);
    expect(first.headers.get("Location")).toBe("/s");
    expect(first.headers.get("Set-Cookie")).toMatch(/^medforsker_link=[A-Za-z0-9_-]{22}; Path=\/s; HttpOnly; SameSite=Lax/);
    const page = await employer.request("GET", "/s");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).not.toContain(tokenOf(links[0]));
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain("Arbeidsgiverne våre");
    expect(html).toContain("frivillig og anonymt");
    expect(html).toContain("Nei, men kunne vært viktig");
    expect(html).not.toMatch(/vet ikke/i);
    expect(html.match(/type="radio"/g)).toHaveLength(32 * 3);
    expect(html.match(/type="number"/g)).toHaveLength(5);
    expect(html).toContain('<html lang="nb-NO"');
  });

  it("is compressed and small: HTML + CSS at most 15 KB transferred", async () => {
    const employer = new Client(server.url, { "Accept-Encoding": "gzip" });
    await employer.request("GET", new URL(links[1]).pathname);
    const page = await fetch(`${server.url}/s`, { headers: { Cookie: employer.cookieHeader(), "Accept-Encoding": "gzip" } });
    expect(page.headers.get("Content-Encoding")).toBe("gzip");
    const html = Number(page.headers.get("Content-Length"));
    const body = await page.text();
    const href = /<link rel="stylesheet" href="([^"]+)"/.exec(body)![1];
    const css = Number((await fetch(`${server.url}${href}`)).headers.get("Content-Length"));
    console.log(`questionnaire: ${html} bytes gzip HTML (${Buffer.byteLength(body)} uncompressed) + ${css} bytes CSS`);
    expect(html + css).toBeLessThanOrEqual(15 * 1024);
  });

  it("points out missing answers at the statement and keeps every other answer", async () => {
    const employer = new Client(server.url);
    await employer.request("GET", new URL(links[2]).pathname);
    const form = answerForm(instrument, 3);
    const matrix = instrument.sections[0].items[0];
    if (matrix.type !== "matrix") throw new Error("q1 is a matrix");
    const missing = matrix.statements[4].field;
    form.delete(missing);
    form.set("ans_direkte", "-3");
    const res = await employer.request("POST", "/s", form);
    expect(res.status).toBe(400);
    const html = await res.text();
    // The message sits inside the statement's fieldset, the summary links to it.
    const fieldset = new RegExp(`<fieldset class="inst-matrix-row inst-has-error"[^>]*>(?:(?!</fieldset>).)*name="${missing}"`, "s");
    expect(html).toMatch(fieldset);
    expect(html).toContain("Velg et svar for denne påstanden");
    expect(html).toContain(`href="#inst-${missing}-1"`);
    expect(html).toContain("Tallet må være minst 0");
    // Everything else is still there.
    const other = matrix.statements[0].field;
    expect(html).toMatch(new RegExp(`name="${other}"[^>]*value="${form.get(other)}"[^>]*checked|name="${other}"[^>]*checked=""[^>]*value="${form.get(other)}"`));
    expect(html).toContain("Svar nummer 3");
    expect(count("SELECT count(*) FROM survey_answers WHERE wave_id = ?", waveId)).toBe(0);
    // Corrected, it goes through.
    form.set(missing, "1");
    form.set("ans_direkte", "2");
    const ok = await employer.request("POST", "/s", form);
    expect(ok.status).toBe(303);
    expect(ok.headers.get("Location")).toBe("/s/done");
    expect(ok.headers.get("Set-Cookie")).toMatch(/medforsker_link=;.*Max-Age=0/);
    expect(count("SELECT count(*) FROM survey_answers WHERE wave_id = ?", waveId)).toBe(1);
    const stored = db().prepare("SELECT answers, month, round FROM survey_answers WHERE wave_id = ?").get(waveId) as { answers: string; month: string; round: number };
    const answers = JSON.parse(stored.answers);
    expect(answers[missing]).toBe(1);
    expect(answers.ans_direkte).toBe(2);
    expect(Object.keys(answers).sort()).toEqual(instrument.variables.map((v) => v.name).sort());
    expect(stored.month).toBe(today().slice(0, 7));
  });

  it("a used, an unknown and a closed link get the same friendly page", async () => {
    const { post } = await respond(server.url, links[3], answerForm(instrument, 4));
    expect(post.status).toBe(303);
    const used = await respond(server.url, links[3], answerForm(instrument, 5));
    const unknown = await respond(server.url, `${server.url}/s/AAAAAAAAAAAAAAAAAAAAAA`, answerForm(instrument, 6));
    const closedWave = await createWave(researcher, { projectId, openDate: shiftDate(today(), -10), closeDate: shiftDate(today(), 10) });
    const closedLink = (await issueLinks(jsA, closedWave, 1)).links[0].url;
    await researcher.request("POST", `/waves/${closedWave}`, { intent: "close" });
    const closed = await respond(server.url, closedLink, answerForm(instrument, 7));
    expect(used.page.status).toBe(200);
    expect(used.html).toContain("Denne lenken kan ikke brukes");
    expect(unknown.html).toBe(used.html);
    expect(closed.html).toBe(used.html);
    const bodies = await Promise.all([used.post, unknown.post, closed.post].map((r) => r.text()));
    expect(new Set(bodies).size).toBe(1);
    expect(count("SELECT count(*) FROM survey_answers WHERE wave_id = ?", closedWave)).toBe(0);
  });

  it("is available in English, switching language keeps what is filled in and stores nothing", async () => {
    const employer = new Client(server.url);
    await employer.request("GET", new URL(links[4]).pathname);
    const before = count("SELECT count(*) FROM survey_answers WHERE wave_id = ?", waveId);
    const nb = await (await employer.request("GET", "/s")).text();
    expect(nb).toMatch(/<button type="submit" form="sv-form" formAction="\/s" formNoValidate="" name="sv_language" value="en" lang="en">English<\/button>/i);
    const res = await employer.request("POST", "/s", { q1_oppfolging_info: "3", q2_andre_maater: "Halvveis", sv_language: "en" });
    expect(res.status).toBe(200);
    expect(res.headers.get("Set-Cookie")).toMatch(/^medforsker_lang=/);
    const html = await res.text();
    expect(html).toContain('<html lang="en-GB"');
    expect(html).toContain("No, but it could have been important");
    expect(html).toContain("Answering is voluntary and anonymous.");
    expect(html).toMatch(/name="q1_oppfolging_info"[^>]*value="3"[^>]*checked=""|name="q1_oppfolging_info"[^>]*checked=""[^>]*value="3"/);
    expect(html).toContain(">Halvveis</textarea>");
    expect(html).not.toContain("Some answers are missing");
    expect(count("SELECT count(*) FROM survey_answers WHERE wave_id = ?", waveId)).toBe(before);
    // The language stays for the next page.
    expect(await (await employer.request("GET", "/s")).text()).toContain('<html lang="en-GB"');
  });

  it("stores one answer per link even when it is sent ten times at once", async () => {
    const employer = new Client(server.url);
    await employer.request("GET", new URL(links[5]).pathname);
    const before = count("SELECT count(*) FROM survey_answers WHERE wave_id = ?", waveId);
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => employer.request("POST", "/s", answerForm(instrument, 100 + i))));
    expect(results.filter((r) => r.status === 303)).toHaveLength(1);
    expect(count("SELECT count(*) FROM survey_answers WHERE wave_id = ?", waveId)).toBe(before + 1);
  });

  it("truncates the WAL shortly after answers came in", async () => {
    await respond(server.url, links[6], answerForm(instrument, 8));
    await new Promise((r) => setTimeout(r, 1500));
    expect(fs.statSync(`${server.databasePath}-wal`).size).toBe(0);
  });

  it("refuses an oversized body", async () => {
    const employer = new Client(server.url);
    await employer.request("GET", new URL(links[7]).pathname);
    const form = answerForm(instrument, 9);
    form.set("q2_andre_maater", "x".repeat(70_000));
    const res = await employer.request("POST", "/s", form);
    expect(res.status).toBe(413);
  });
});

describe("what a job specialist sees", () => {
  it("how many of their links are used, never an answer; which ones only with targeted reminders", async () => {
    const waveId = await createWave(researcher, { projectId, title: "Purrerunde" });
    const batch = await issueLinks(jsA, waveId, 5);
    await respond(server.url, batch.links[1].url, answerForm(instrument, 11));
    await respond(server.url, batch.links[3].url, answerForm(instrument, 12));
    let page = text(await (await jsA.get(`/waves/${waveId}`)).text());
    expect(page).toMatch(/Lenker du har fått 5 Brukt 2 Ikke brukt 3/);
    expect(page).not.toContain("Svar nummer");
    expect(page).not.toContain(batch.links[0].code);
    expect(page).toContain("Du ser bare hvor mange av lenkene dine som er brukt");
    // jsB sees nothing of jsA's links.
    expect(text(await (await jsB.get(`/waves/${waveId}`)).text())).toMatch(/Lenker du har fått 0 Brukt 0/);
    // Targeted reminders: the researcher turns them on with the explanation, the codes appear.
    const settings = await (await researcher.get(`/waves/${waveId}`)).text();
    expect(settings).toContain("ser de dermed hvem som har svart");
    const res = await researcher.request("POST", `/waves/${waveId}`, {
      intent: "update",
      title: "Purrerunde",
      infoNb: "Info",
      infoEn: "Info",
      contact: "",
      openDate: shiftDate(today(), -1),
      closeDate: shiftDate(today(), 30),
      minAnswers: "5",
      targetedReminders: "on",
    });
    expect(res.status).toBe(302);
    page = await (await jsA.get(`/waves/${waveId}`)).text();
    for (const i of [0, 2, 4]) expect(page).toContain(batch.links[i].code);
    for (const i of [1, 3]) expect(page).not.toContain(batch.links[i].code);
    // The home page panel shows the same count.
    expect(text(await (await jsA.get("/")).text())).toContain("2 av 5 lenker brukt");
  });

  it("records reminder rounds once; researchers see the response rate per round", async () => {
    const waveId = await createWave(researcher, { projectId, title: "Runder" });
    const links = (await issueLinks(jsA, waveId, 10)).links;
    await respond(server.url, links[0].url, answerForm(instrument, 20));
    await respond(server.url, links[1].url, answerForm(instrument, 21));
    for (let i = 0; i < 2; i++) {
      const res = await jsA.request("POST", `/waves/${waveId}`, { intent: "reminder", round: "1" });
      expect(res.status).toBe(302);
    }
    expect(count("SELECT count(*) FROM survey_reminders WHERE wave_id = ?", waveId)).toBe(1);
    await respond(server.url, links[2].url, answerForm(instrument, 22));
    const page = text(await (await researcher.get(`/waves/${waveId}`)).text());
    expect(page).toMatch(/Lenker delt ut 10 Svar 3 Svarprosent 30 %/);
    expect(page).toMatch(/Før purring 2 2 20 %/);
    expect(page).toMatch(/Etter purring 1 \( ?fra \d{1,2}\. [a-zæøå]+ \d{4} ?\) 1 3 30 %/);
    // Researchers see links per job specialist, never used counts per job specialist.
    expect(page).toContain("Bare hvor mange lenker hver har delt ut");
  });
});

describe("results", () => {
  it("show nothing below the threshold", async () => {
    const waveId = await createWave(researcher, { projectId, minAnswers: 3 });
    const links = (await issueLinks(jsA, waveId, 3)).links;
    await respond(server.url, links[0].url, answerForm(instrument, 30));
    await respond(server.url, links[1].url, answerForm(instrument, 31));
    let html = await (await researcher.get(`/waves/${waveId}/results`)).text();
    expect(text(html)).toContain("Runden har 2 svar. Resultatene vises først når det er minst 3 svar");
    expect(html).not.toContain("<table");
    expect(html).not.toContain("Svar nummer");
    await respond(server.url, links[2].url, answerForm(instrument, 32));
    html = await (await researcher.get(`/waves/${waveId}/results`)).text();
    expect(html).toContain("<table");
    expect(html).toContain("Svar nummer 31");
  });

  it("reproduce Tabell 7, 8 and 9, the response rate and the employment counts from the demo wave", async () => {
    const html = await (await researcher.get("/waves/1/results")).text();
    const page = text(html);
    expect(page).toContain("45 svar av 168 lenker (27 %)");
    const row = (label: string) => new RegExp(`${label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} (\\d+) (\\d+) (\\d+) (\\d+)`).exec(page)?.slice(1).map(Number);
    expect(row("Informasjon om oppfølging (hyppighet, kvalitet, formål)")).toEqual([80, 18, 2, 45]);
    expect(row("Bedriften fikk tilbud om norskopplæring til andre ansatte")).toEqual([11, 76, 13, 45]);
    expect(row("... hatt god dialog med mentor eller arbeidsgiver")).toEqual([96, 2, 2, 45]);
    expect(row("... tatt opp sensitive/vanskelige temaer med kandidaten")).toEqual([56, 27, 18, 45]);
    expect(row("... bidratt i forbindelse med ulike regler og saksbehandling i NAV (informasjon, skjemautfylling med mer)")).toEqual([69, 20, 11, 45]);
    // Sorted by «Ja»: Tabell 7 starts with 7.1 and ends with 7.11.
    const t7 = page.slice(page.indexOf("Hvorfor tok bedriften inn kandidaten? (N=45)"));
    expect(t7.indexOf("Informasjon om oppfølging")).toBeLessThan(t7.indexOf("Bedriften trengte ikke betale lønn"));
    expect(t7.indexOf("Informasjons- og opplæringsmateriale")).toBeLessThan(t7.indexOf("Bedriften fikk tilbud om norskopplæring til andre ansatte"));
    // One stacked bar chart per question, drawn on the server.
    expect(html.match(/<svg class="survey-chart"/g)).toHaveLength(3);
    // Employment: 12 / 32 / 17 / 25 / 5 at 44 employers, the 58-candidate answer excluded and shown.
    for (const [label, n] of [["Ja, direkte ansettelse", 12], ["Ja, først praksisplass, så ansettelse", 32], ["Ja, vikariat/midlertidig stilling", 17], ["Nei, kun praksisplass", 25], ["Nei, kun jobbsmak", 5]] as const) {
      expect(page).toContain(`${label} ${n}`);
    }
    expect(page).toContain("I alt 91");
    expect(page).toContain("44 arbeidsgivere svarte på spørsmålet.");
    expect(page).toContain("Ett svar (58 kandidater): Fotnote 10");
    // The open answers, and no breakdown per job specialist anywhere.
    expect(page).toContain("Var alltid glad og imøtekommende");
    for (const name of ["Aina Demosen", "Bjarne Demosen", "NAV Søndre Nordstrand"]) expect(page).not.toContain(name);
  });

  it("a researcher excludes one answer from one statistic with a required reason, audited and reversible", async () => {
    const waveId = await createWave(researcher, { projectId, minAnswers: 2 });
    const links = (await issueLinks(jsA, waveId, 2)).links;
    const big = answerForm(instrument, 40);
    big.set("ans_direkte", "50");
    await respond(server.url, links[0].url, big);
    await respond(server.url, links[1].url, answerForm(instrument, 41));
    const html = await (await researcher.get(`/waves/${waveId}/results`)).text();
    const answerId = /name="answerId" value="(\d+)"/.exec(html)![1];
    const noReason = await researcher.request("POST", `/waves/${waveId}/results`, { intent: "exclude", answerId, item: "ansettelse", reason: "" });
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain("Skriv en begrunnelse");
    const ok = await researcher.request("POST", `/waves/${waveId}/results`, { intent: "exclude", answerId, item: "ansettelse", reason: "Tallene gjelder hele bedriften" });
    expect(ok.status).toBe(302);
    const after = text(await (await researcher.get(`/waves/${waveId}/results`)).text());
    expect(after).toContain("1 arbeidsgiver svarte på spørsmålet.");
    expect(after).toContain("Tallene gjelder hele bedriften");
    expect(count("SELECT count(*) FROM audit_log WHERE action = 'survey.answer_excluded' AND subject = ?", `survey_wave:${waveId}`)).toBe(1);
    await researcher.request("POST", `/waves/${waveId}/results`, { intent: "include", answerId, item: "ansettelse" });
    expect(text(await (await researcher.get(`/waves/${waveId}/results`)).text())).toContain("2 arbeidsgivere svarte på spørsmålet.");
    expect(count("SELECT count(*) FROM audit_log WHERE action = 'survey.answer_included'")).toBe(1);
  });
});

describe("durability and limits", () => {
  it("an acknowledged answer survives the server being killed", async () => {
    const waveId = await createWave(researcher, { projectId });
    const links = (await issueLinks(jsA, waveId, 2)).links;
    const { post } = await respond(server.url, links[0].url, answerForm(instrument, 50));
    expect(post.status).toBe(303);
    await server.stop("SIGKILL");
    server = await startServer({ dataDir: server.dataDir, env: { SURVEY_WAL_TRUNCATE_MS: "300" } });
    expect(count("SELECT count(*) FROM survey_answers WHERE wave_id = ?", waveId)).toBe(1);
    // The link stays used after the restart; the other one still works.
    expect((await respond(server.url, links[0].url, answerForm(instrument, 51))).html).toContain("Denne lenken kan ikke brukes");
    expect((await respond(server.url, links[1].url, answerForm(instrument, 52))).post.status).toBe(303);
    researcher = await login(identities.researcher);
  });

  it("limits attempts with links that cannot be used, per address", async () => {
    let last: Response | null = null;
    for (let i = 0; i < 70; i++) {
      const employer = new Client(server.url);
      await employer.request("GET", `/s/${"B".repeat(21)}${String.fromCharCode(65 + (i % 26))}`);
      last = await employer.request("GET", "/s");
      if (last.status === 429) break;
    }
    expect(last!.status).toBe(429);
    expect(await last!.text()).toContain("For mange forsøk");
  });
});

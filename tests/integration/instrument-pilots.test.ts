// Pilots over HTTP (issue 14): a researcher sends a draft of the log form to a job specialist and
// a case lead (errors at the fields first); only those invited see the round; a participant's
// answers go through the form's own validation and are kept apart from the log; comments per
// item (errors at the field with the text kept, a double submit one comment), replies and
// resolution; the round's own data set without names; the comments stay with the version when it
// is published; a closed round takes no more. The demo holds a completed pilot round of the log form.
import path from "node:path";
import Database from "better-sqlite3";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Client } from "../support/http";
import { loginAs } from "../support/log-helpers";
import { identities, seedDemo } from "../support/seed";
import { startServer, type RunningServer } from "../support/server";
import { SURVEYS } from "../support/instrument-v2";
import { readFileSync } from "node:fs";

let server: RunningServer;
let dataDir: string;
let researcher: Client;
let jsA: Client;
let jsB: Client;
let leadA: Client;
let round = 0;

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, "&").replace(/\s+/g, " ");
const query = <T,>(sql: string, ...params: unknown[]) => {
  const d = new Database(path.join(dataDir, "medforsker.db"), { readonly: true });
  try {
    return d.prepare(sql).all(...params) as T[];
  } finally {
    d.close();
  }
};
const userId = (email: string) => query<{ id: number }>("SELECT id FROM users WHERE email = ?", email)[0].id;
const LOG_V2 = readFileSync(path.join(SURVEYS, "log-entry/v1.yaml"), "utf8").replace("version: 1", "version: 2").replace("Hvilket trinn i femtrinnsprosessen gjelder notatet?", "Hvilket trinn handler notatet mest om?");

beforeAll(async () => {
  const seeded = await seedDemo();
  dataDir = seeded.dataDir;
  server = await startServer({ dataDir });
  const login = (email: string) => loginAs(server.url, email, seeded.passwords[email]);
  [researcher, jsA, jsB, leadA] = await Promise.all([login(identities.researcher), login(identities.jsA), login(identities.jsB), login(identities.leadA)]);
  const form = new FormData();
  form.append("definition", new Blob([new TextEncoder().encode(LOG_V2)]), "v2.yaml");
  const res = await fetch(`${server.url}/instruments`, { method: "POST", body: form, headers: { Cookie: researcher.cookieHeader(), Origin: server.url }, redirect: "manual" });
  expect(res.headers.get("Location")).toBe("/instruments/log-entry/draft");
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

const comment = (client: Client, fields: Record<string, string>) => client.request("POST", `/pilots/${round}`, new URLSearchParams({ intent: "comment", ...fields }));

describe("starting a pilot", () => {
  it("asks for a name and people at the fields, then sends the draft to those chosen", async () => {
    const bad = await researcher.request("POST", "/instruments/log-entry/draft", new URLSearchParams({ intent: "pilot", title: "  " }));
    expect(bad.status).toBe(400);
    const html = text(await bad.text());
    expect(html).toContain("Gi runden et navn (høyst 120 tegn).");
    expect(html).toContain("Velg minst én jobbspesialist eller prosjektleder.");
    const body = new URLSearchParams({ intent: "pilot", title: "Pilot av loggskjemaet v2" });
    body.append("person", String(userId(identities.jsA)));
    body.append("person", String(userId(identities.leadA)));
    const res = await researcher.request("POST", "/instruments/log-entry/draft", body);
    expect(res.status).toBe(302);
    round = Number(/^\/pilots\/(\d+)$/.exec(res.headers.get("Location")!)![1]);
    expect(text(await (await researcher.get("/instruments/log-entry/draft")).text())).toContain("Pilot av loggskjemaet v2");
    // Only those invited learn of it; they find it on their home page.
    expect((await jsB.get(`/pilots/${round}`)).status).toBe(404);
    expect((await leadA.get(`/pilots/${round}`)).status).toBe(200);
    expect(text(await (await jsA.get("/")).text())).toContain("Pilotering Forskerne har bedt deg prøve et skjema før det tas i bruk: Pilot av loggskjemaet v2");
    expect(text(await (await jsA.get(`/pilots/${round}`)).text())).toContain("Hvilket trinn handler notatet mest om?");
  });
});

describe("taking part", () => {
  it("checks the answers with the form's own validation and keeps them apart from the log", async () => {
    const notes = query<{ n: number }>("SELECT count(*) AS n FROM log_notes")[0].n;
    const missing = await jsA.request("POST", `/pilots/${round}`, new URLSearchParams({ intent: "answers", situasjon: "Møte med arbeidsgiver" }));
    expect(missing.status).toBe(400);
    const html = await missing.text();
    expect(html).toContain(">Møte med arbeidsgiver</textarea>");
    expect(html).toMatch(/aria-invalid="true"/);
    const ok = await jsA.request(
      "POST",
      `/pilots/${round}`,
      new URLSearchParams({ intent: "answers", dato: "2026-11-02", situasjon: "Møte med arbeidsgiver", bistand: "Forklarte oppfølgingen", resultat: "Praksisplass avtalt", annerledes: "Ingenting", trinn: "3" }),
    );
    expect(ok.status).toBe(302);
    expect(JSON.parse(query<{ answers: string }>("SELECT answers FROM pilot_participants WHERE round_id = ? AND user_id = ?", round, userId(identities.jsA))[0].answers)).toMatchObject({ situasjon: "Møte med arbeidsgiver", trinn: 3 });
    expect(query<{ n: number }>("SELECT count(*) AS n FROM log_notes")[0].n).toBe(notes);
    expect(text(await (await researcher.get(`/pilots/${round}`)).text())).toMatch(/har sendt svar/);
  });

  it("takes comments per item: errors at the field with the text kept, one comment per submit", async () => {
    const page = await (await jsA.get(`/pilots/${round}`)).text();
    const key = /name="item" value="trinn"\/><input type="hidden" name="key" value="([^"]+)"/.exec(page)![1];
    const empty = await comment(jsA, { item: "trinn", key, text: "  " });
    expect(empty.status).toBe(400);
    expect(text(await empty.text())).toContain("Skriv kommentaren.");
    const long = "x".repeat(2001);
    const tooLong = await comment(jsA, { item: "trinn", key, text: long });
    expect(await tooLong.text()).toContain(`>${long}</textarea>`);
    const words = "To trinn passer ofte; hjelpeteksten hjelper.";
    const [first, second] = await Promise.all([comment(jsA, { item: "trinn", key, text: words }), comment(jsA, { item: "trinn", key, text: words })]);
    expect([first.status, second.status]).toEqual([302, 302]);
    expect(query("SELECT id FROM pilot_comments WHERE round_id = ? AND item = 'trinn'", round)).toHaveLength(1);
    expect((await comment(jsA, { item: "no_such_item", key: `${key}x`, text: "Hei" })).status).toBe(404);
    expect((await comment(jsB, { item: "trinn", key: `${key}y`, text: "Hei" })).status).toBe(404);
    // The case lead comments on the form as a whole.
    const leadPage = await (await leadA.get(`/pilots/${round}`)).text();
    const wholeKey = /name="item" value=""\/><input type="hidden" name="key" value="([^"]+)"/.exec(leadPage)![1];
    expect((await comment(leadA, { item: "", key: wholeKey, text: "Kort og greit." })).status).toBe(302);
  });

  it("lets the researcher reply and resolve, side by side with the item", async () => {
    const id = query<{ id: number }>("SELECT id FROM pilot_comments WHERE round_id = ? AND item = 'trinn'", round)[0].id;
    const page = await (await researcher.get(`/pilots/${round}`)).text();
    const key = new RegExp(`name="key" value="([^"]+)"/><input type="hidden" name="replyTo" value="${id}"`).exec(page)![1];
    expect((await comment(researcher, { item: "trinn", key, replyTo: String(id), text: "Velg det viktigste trinnet." })).status).toBe(302);
    expect((await jsA.request("POST", `/pilots/${round}`, new URLSearchParams({ intent: "resolve", commentId: String(id) }))).status).toBe(403);
    expect((await researcher.request("POST", `/pilots/${round}`, new URLSearchParams({ intent: "resolve", commentId: String(id) }))).status).toBe(302);
    const after = text(await (await jsA.get(`/pilots/${round}`)).text());
    expect(after).toMatch(/Trinn i SE \(trinn\) To trinn passer ofte; hjelpeteksten hjelper\. \(\s*Aina Demosen\s*,[^)]*,\s*løst\s*\)\s*Velg det viktigste trinnet\. \(\s*Forsker Demosen/);
  });
});

describe("the pilot's own data set", () => {
  it("has the answers and the comments with participants as P1, P2 and no names", async () => {
    const answers = await researcher.request("GET", `/pilots/${round}/csv`);
    expect(answers.headers.get("Content-Disposition")).toMatch(/pilot-\d+-log-entry-v2-svar\.csv/);
    const body = await answers.text();
    const rows = Papa.parse<string[]>(body.replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;
    expect(rows[0].slice(0, 6)).toEqual(["deltaker", "rolle", "instrument", "versjon", "dato", "situasjon"]);
    expect(rows.slice(1)).toHaveLength(1);
    expect(rows[1].slice(0, 6)).toEqual(["P1", "job_specialist", "log-entry", "2", "2026-11-02", "Møte med arbeidsgiver"]);
    const comments = Papa.parse<string[]>((await (await researcher.request("GET", `/pilots/${round}/csv?file=comments`)).text()).replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;
    expect(comments.slice(1).map((r) => [r[2], r[3], r[5]])).toEqual([
      ["trinn", "P1", "1"],
      ["", "P2", "0"],
      ["trinn", "forsker", "0"],
    ]);
    for (const csv of [body, comments.flat().join(",")]) for (const name of ["Aina", "Demosen"]) expect(csv).not.toContain(name);
    expect((await jsA.request("GET", `/pilots/${round}/csv`)).status).toBe(403);
  });
});

describe("after the pilot", () => {
  it("never throws away what participants sent: a piloted draft is not discarded, and a new upload keeps its rounds", async () => {
    const discard = await researcher.request("POST", "/instruments/log-entry/draft", new URLSearchParams({ intent: "discard" }));
    expect(discard.status).toBe(400);
    expect(text(await discard.text())).toContain("Utkastet er pilotert, og svarene og kommentarene hører til det.");
    const form = new FormData();
    form.append("definition", new Blob([new TextEncoder().encode(LOG_V2.replace("Hvilket trinn handler notatet mest om?", "Hvilket trinn handler notatet først og fremst om?"))]), "v2.yaml");
    const res = await fetch(`${server.url}/instruments`, { method: "POST", body: form, headers: { Cookie: researcher.cookieHeader(), Origin: server.url }, redirect: "manual" });
    expect(res.status).toBe(302);
    expect(text(await (await researcher.get(`/pilots/${round}`)).text())).toContain("To trinn passer ofte");
    // The participant's form (the page's main content, not its data) shows the new text.
    const main = /<main[\s\S]*<\/main>/.exec(await (await jsA.get(`/pilots/${round}`)).text())![0];
    expect(text(main)).toContain("Hvilket trinn handler notatet først og fremst om?");
  });


  it("keeps the comments with the version when it is published, and a closed round takes no more", async () => {
    expect((await researcher.request("POST", "/instruments/log-entry/draft", new URLSearchParams({ intent: "publish" }))).status).toBe(302);
    const version = text(await (await researcher.get("/instruments/log-entry?version=2")).text());
    expect(version).toMatch(/Pilotrunder\s*:\s*Pilot av loggskjemaet v2/);
    expect(text(await (await researcher.get(`/pilots/${round}`)).text())).toContain("To trinn passer ofte");
    expect((await researcher.request("POST", `/pilots/${round}`, new URLSearchParams({ intent: "close" }))).status).toBe(302);
    expect((await comment(jsA, { item: "trinn", key: "late-key", text: "En til" })).status).toBe(409);
    expect(text(await (await jsA.get("/")).text())).not.toContain("Pilotering");
    const audit = text(await (await researcher.get("/audit")).text());
    expect(audit).toContain("sendte versjon 2 av instrumentet «log-entry» til pilot (2 personer).");
  });

  it("the demo's completed pilot round of the log form, with comments", async () => {
    const page = text(await (await researcher.get("/pilots/1")).text());
    expect(page).toContain("Pilot: Pilot av loggskjemaet, august 2017");
    expect(page).toContain("Runden er avsluttet.");
    expect(page).toContain("Ofte gjelder et notat to trinn. Hvilket skal vi velge?");
    expect(page).toMatch(/løst\s*\)\s*Velg trinnet notatet mest handler om/);
    expect(text(await (await researcher.get("/instruments/log-entry?version=1")).text())).toMatch(/Pilotrunder\s*:\s*Pilot av loggskjemaet, august 2017/);
  });
});

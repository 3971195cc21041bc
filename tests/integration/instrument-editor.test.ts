// The instrument editor over HTTP (issue 14), the issue's whole path: a researcher builds a new
// short questionnaire in the browser's forms (errors at the fields with what was typed kept:
// a name SPSS cannot take, a name taken, an answer set with a code twice, a condition on a later
// question), publishes v1, starts v2 in the editor, pilots it with two job specialists who
// comment, revises it, publishes v2, opens a wave with it, and the wave's export opens in PSPP
// with v2's labels.
import { writeFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Client } from "../support/http";
import { exportIdAfter } from "../support/exports";
import { loginAs } from "../support/log-helpers";
import { identities, seedDemo } from "../support/seed";
import { startServer, type RunningServer } from "../support/server";
import { makeTempDir, psppDictionary, removeTempDirs } from "../support/spss-tools";
import { createWave, demoProjectId, issueLinks, respond } from "../support/survey-flow";

let server: RunningServer;
let researcher: Client;
let jsA: Client;
let jsB: Client;
const ID = "kort-undersokelse";

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, "&").replace(/&gt;/g, ">").replace(/&lt;/g, "<").replace(/\s+/g, " ");
const post = (client: Client, url: string, fields: Record<string, string>) => client.request("POST", url, new URLSearchParams(fields));
const yaml = async (query: string) => (await researcher.request("GET", `/instruments/${ID}/yaml?${query}`)).text();

beforeAll(async () => {
  const seeded = await seedDemo();
  server = await startServer({ dataDir: seeded.dataDir });
  const login = (email: string) => loginAs(server.url, email, seeded.passwords[email]);
  [researcher, jsA, jsB] = await Promise.all([login(identities.researcher), login(identities.jsA), login(identities.jsB)]);
}, 120_000);
afterAll(async () => {
  await server?.stop();
  removeTempDirs();
});

/** The item form's current fields as the page shows them, changed by `change`. */
async function itemForm(name: string, change: Record<string, string>): Promise<URLSearchParams> {
  const html = await (await researcher.get(`/instruments/${ID}/edit/${name}`)).text();
  const body = new URLSearchParams();
  for (const m of html.matchAll(/<input[^>]*name="([^"]+)"[^>]*>/g)) {
    if (/type="checkbox"/.test(m[0])) {
      if (/checked/.test(m[0])) body.set(m[1], "on");
    } else body.set(m[1], /value="([^"]*)"/.exec(m[0])?.[1] ?? "");
  }
  for (const m of html.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/textarea>/g)) body.set(m[1], m[2].replace(/&gt;/g, ">").replace(/&lt;/g, "<").replace(/&amp;/g, "&").replace(/&quot;/g, '"'));
  for (const m of html.matchAll(/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) body.set(m[1], /<option[^>]*value="([^"]*)"[^>]*selected/.exec(m[2])?.[1] ?? "");
  for (const [k, v] of Object.entries(change)) body.set(k, v);
  return body;
}

describe("building a questionnaire in the editor", () => {
  it("starts a new instrument, with errors at the fields first", async () => {
    const bad = await post(researcher, "/instruments", { intent: "new", id: "Kort Undersøkelse", title_nb: "Kort undersøkelse", title_en: "", use: "survey" });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(text(html)).toContain("Bruk små bokstaver a–z, sifre og bindestrek");
    expect(html).toContain('value="Kort Undersøkelse"');
    const res = await post(researcher, "/instruments", { intent: "new", id: ID, title_nb: "Kort undersøkelse", title_en: "Short survey", use: "survey" });
    expect(res.headers.get("Location")).toBe(`/instruments/${ID}/edit`);
    expect(text(await (await researcher.get(`/instruments/${ID}/edit`)).text())).toContain("Spørsmål 1 (sporsmaal_1, Kort tekst)");
  });

  it("adds questions, refusing names SPSS cannot take or that are taken", async () => {
    const add = (name: string, type = "single_choice") => post(researcher, `/instruments/${ID}/edit`, { intent: "add-item", section: "0", type, name, label_nb: "Er du fornøyd med oppfølgingen?", label_en: "Are you satisfied with the follow-up?" });
    for (const [name, message] of [
      ["1abc", "«1abc» kan ikke være et variabelnavn i SPSS"],
      ["ALL", "«ALL» kan ikke være et variabelnavn i SPSS"],
      ["SPORSMAAL_1", "Skjemaet har allerede en variabel som heter «SPORSMAAL_1»"],
    ]) {
      const res = await add(name);
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(text(html)).toContain(message);
      expect(html).toContain(`value="${name}"`);
    }
    expect((await add("fornoyd")).headers.get("Location")).toBe(`/instruments/${ID}/edit/fornoyd?saved=added`);
    expect((await post(researcher, `/instruments/${ID}/edit`, { intent: "add-item", section: "0", type: "long_text", name: "hvorfor", label_nb: "Hvorfor?", label_en: "Why?" })).status).toBe(302);
  });

  it("edits a question: an answer set with a code twice and a condition on a later question are refused at the field", async () => {
    const twice = await researcher.request("POST", `/instruments/${ID}/edit/fornoyd`, await itemForm("fornoyd", { options: "1 | Svært fornøyd | Very satisfied\n2 | Fornøyd | Satisfied\n2 | Misfornøyd | Dissatisfied" }));
    expect(twice.status).toBe(400);
    const html = await twice.text();
    expect(text(html)).toContain("Koden 2 er brukt to ganger.");
    expect(html).toContain("2 | Misfornøyd | Dissatisfied</textarea>");
    const ok = await researcher.request("POST", `/instruments/${ID}/edit/fornoyd`, await itemForm("fornoyd", { options: "1 | Svært fornøyd | Very satisfied\n2 | Fornøyd | Satisfied\n3 | Misfornøyd | Dissatisfied", required: "on" }));
    expect(ok.status).toBe(302);
    // sporsmaal_1 comes before fornoyd: it cannot depend on it.
    const later = await researcher.request("POST", `/instruments/${ID}/edit/sporsmaal_1`, await itemForm("sporsmaal_1", { when_variable: "fornoyd", when_in: "3" }));
    expect(later.status).toBe(400);
    expect(text(await later.text())).toContain("Velg et spørsmål som kommer før dette.");
    const condition = await researcher.request("POST", `/instruments/${ID}/edit/hvorfor`, await itemForm("hvorfor", { when_variable: "fornoyd", when_in: "2, 3" }));
    expect(condition.status).toBe(302);
    expect(await yaml("draft=1")).toMatch(/name: hvorfor[\s\S]*when:\s+variable: fornoyd\s+in:\s+- 2\s+- 3/);
  });

  it("reorders with buttons and publishes v1", async () => {
    expect((await post(researcher, `/instruments/${ID}/edit`, { intent: "move-item", item: "sporsmaal_1", by: "1" })).status).toBe(302);
    expect(text(await (await researcher.get(`/instruments/${ID}/edit`)).text())).toMatch(/\(fornoyd, .*\(sporsmaal_1, .*\(hvorfor, /);
    expect((await post(researcher, `/instruments/${ID}/draft`, { intent: "publish" })).headers.get("Location")).toBe(`/instruments/${ID}?version=1&published=1`);
  });
});

describe("piloting and revising v2", () => {
  let round = 0;
  it("starts v2 from v1 in the editor and pilots it with two job specialists who comment", async () => {
    expect((await post(researcher, `/instruments/${ID}/edit`, { intent: "start" })).headers.get("Location")).toBe(`/instruments/${ID}/edit`);
    expect(await yaml("draft=1")).toMatch(/^version: 2$/m);
    const body = new URLSearchParams({ intent: "pilot", title: "Pilot av kort undersøkelse" });
    const db = new Database(server.databasePath, { readonly: true });
    for (const email of [identities.jsA, identities.jsB]) body.append("person", String((db.prepare("SELECT id FROM users WHERE email = ?").get(email) as { id: number }).id));
    db.close();
    const res = await researcher.request("POST", `/instruments/${ID}/draft`, body);
    expect(res.status).toBe(302);
    round = Number(/\/pilots\/(\d+)/.exec(res.headers.get("Location")!)![1]);
    for (const [client, words] of [
      [jsA, "«Svært fornøyd» og «Fornøyd» er for like."],
      [jsB, "Legg til «Vet ikke»."],
    ] as const) {
      const page = await (await client.get(`/pilots/${round}`)).text();
      const key = /name="item" value="fornoyd"\/><input type="hidden" name="key" value="([^"]+)"/.exec(page)![1];
      expect((await post(client, `/pilots/${round}`, { intent: "comment", item: "fornoyd", key, text: words })).status).toBe(302);
    }
    expect(text(await (await researcher.get(`/pilots/${round}`)).text())).toMatch(/Svært fornøyd» og «Fornøyd» er for like\.[\s\S]*Legg til «Vet ikke»\./);
  });

  it("revises the question after the comments, publishes v2, and a wave of v2 exports with v2's labels", async () => {
    const revised = await researcher.request("POST", `/instruments/${ID}/edit/fornoyd`, await itemForm("fornoyd", { options: "1 | Fornøyd | Satisfied\n2 | Verken eller | Neither\n3 | Misfornøyd | Dissatisfied\n9 | Vet ikke | Don't know" }));
    expect(revised.status).toBe(302);
    const draft = text(await (await researcher.get(`/instruments/${ID}/draft`)).text());
    expect(draft).toContain("Endringer fra versjon 1");
    expect(draft).toMatch(/Endrede koder eller variabler Er du fornøyd med oppfølgingen\? \(fornoyd\)/);
    expect((await post(researcher, `/instruments/${ID}/draft`, { intent: "publish" })).status).toBe(302);

    const projectId = await demoProjectId(researcher);
    const waveId = await createWave(researcher, { projectId, instrumentId: ID, title: "Kort runde", minAnswers: 2 });
    const { links } = await issueLinks(jsA, waveId, 2);
    for (const [i, link] of links.entries()) {
      const { post: sent } = await respond(server.url, link.url, new URLSearchParams({ sporsmaal_1: `Svar ${i + 1}`, fornoyd: i === 0 ? "9" : "1", hvorfor: "" }));
      expect(sent.status).toBe(303);
    }
    expect((await researcher.request("POST", `/waves/${waveId}`, { intent: "close" })).status).toBe(302);
    const made = await post(researcher, "/exports", { project: "afi-2017", format: "sav", language: "nb", pseudonyms: "stable", dates: "month", intent: "export", requestKey: "editor-v2-export-0001", dataset: "employer-survey", wave: String(waveId) });
    const id = await exportIdAfter(researcher, made.headers.get("Location")!);
    const files = unzipSync(new Uint8Array(await (await researcher.request("GET", `/exports/${id}/download`)).arrayBuffer()));
    const dir = makeTempDir();
    const sav = path.join(dir, "kort.sav");
    writeFileSync(sav, files[Object.keys(files).find((f) => f.endsWith(".sav"))!]);
    const dict = psppDictionary(dir, sav);
    expect(dict.cases).toBe(2);
    expect(dict.variables.find((v) => v.name === "fornoyd")?.label).toBe("Er du fornøyd med oppfølgingen?");
    expect(dict.valueLabels.filter((l) => l.variable === "fornoyd").map((l) => `${l.value}=${l.label}`)).toEqual(expect.arrayContaining(["1=Fornøyd", "2=Verken eller", "3=Misfornøyd", "9=Vet ikke"]));
  }, 180_000);
});

describe("sections, answer sets and the employer's view", () => {
  it("shows a survey version exactly as an employer gets it, with the same validation, storing nothing", async () => {
    const page = await researcher.request("GET", `/instruments/${ID}/employer?version=2`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Forhåndsvisning for forskerne");
    expect(html).toContain("Er du fornøyd med oppfølgingen?");
    expect(html).toContain(`action="/instruments/${ID}/employer?version=2"`);
    const empty = await post(researcher, `/instruments/${ID}/employer?version=2`, {});
    expect(empty.status).toBe(400);
    expect(text(await empty.text())).toMatch(/Er du fornøyd med oppfølgingen\?/);
    const done = await post(researcher, `/instruments/${ID}/employer?version=2`, { sporsmaal_1: "Bra", fornoyd: "1" });
    expect(done.status).toBe(200);
    expect((await jsA.get(`/instruments/${ID}/employer?version=2`)).status).toBe(403);
    expect((await researcher.get("/instruments/log-entry/employer")).status).toBe(404);
  });

  it("edits a section's texts and condition, and named answer sets, with errors at the fields", async () => {
    await post(researcher, `/instruments/${ID}/edit`, { intent: "start" });
    const section = await post(researcher, `/instruments/${ID}/edit`, { intent: "add-section", title_nb: "Mer", title_en: "More", type: "short_text", name: "mer", label_nb: "Noe mer?", label_en: "Anything else?" });
    expect(section.status).toBe(302);
    // A section cannot depend on a question in itself.
    const own = await post(researcher, `/instruments/${ID}/edit`, { intent: "section", section: "1", title_nb: "Mer", title_en: "More", when_variable: "mer", when_in: "1" });
    expect(own.status).toBe(400);
    expect(text(await own.text())).toContain("Velg et spørsmål som kommer før dette.");
    const ok = await post(researcher, `/instruments/${ID}/edit`, { intent: "section", section: "1", title_nb: "Mer om oppfølgingen", title_en: "More on the follow-up", when_variable: "fornoyd", when_in: "2" });
    expect(ok.status).toBe(302);
    expect(await yaml("draft=1")).toMatch(/title:\s+nb: Mer om oppfølgingen\s+en: More on the follow-up\s+when:\s+variable: fornoyd\s+in:\s+- 2/);
    const twice = await post(researcher, `/instruments/${ID}/edit`, { intent: "option-set", name: "enighet", lines: "1 | Enig | Agree\n1 | Uenig | Disagree" });
    expect(twice.status).toBe(400);
    const html = await twice.text();
    expect(text(html)).toContain("Koden 1 er brukt to ganger.");
    expect(html).toContain("1 | Uenig | Disagree</textarea>");
    expect((await post(researcher, `/instruments/${ID}/edit`, { intent: "option-set", name: "enighet", lines: "1 | Enig | Agree\n2 | Uenig | Disagree" })).status).toBe(302);
    expect((await post(researcher, `/instruments/${ID}/edit`, { intent: "option-set", name: "enighet", lines: "1 | Ja | Yes" })).status).toBe(400);
    // hvorfor shows for codes 2 and 3 of fornoyd; the new set has no 3, so it shows for 2 first.
    expect((await researcher.request("POST", `/instruments/${ID}/edit/hvorfor`, await itemForm("hvorfor", { when_in: "2" }))).status).toBe(302);
    const uses = await researcher.request("POST", `/instruments/${ID}/edit/fornoyd`, await itemForm("fornoyd", { option_set: "enighet", options: "" }));
    expect(uses.status).toBe(302);
    expect(await yaml("draft=1")).toMatch(/option_sets:\s+enighet:[\s\S]*name: fornoyd[\s\S]*options: enighet/);
  });
});

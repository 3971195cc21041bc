// Plan → prepare → attend → overview over real HTTP, as browsers without JavaScript post forms:
// a researcher plans an exchange and its agenda, a job specialist registers and answers the
// preparation questions (bad input kept, drafts kept, no twins), attendance makes the numbers,
// and a transcript comes in pseudonymised and stays private until released.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase, openDatabase } from "../../db/connection.server";
import { users } from "../../db/schema";
import { hashPassword } from "../../app/auth/password.server";
import { Client } from "../support/http";
import { identities, seedDemo } from "../support/seed";
import { startServer, type RunningServer } from "../support/server";
import { transcriptDocx } from "../fixtures/exchanges/transcript-docx";

let server: RunningServer;
let passwords: Record<string, string>;
const secondResearcher = { email: "forsker2@demo.medforsker.invalid", password: "en annen forsker sitt passord" };

beforeAll(async () => {
  const seeded = await seedDemo();
  passwords = { ...seeded.passwords, [secondResearcher.email]: secondResearcher.password };
  // A second researcher, to see that a private transcript stays private.
  const { db, sqlite } = openDatabase(path.join(seeded.dataDir, "medforsker.db"));
  migrateDatabase(db);
  db.insert(users).values({ email: secondResearcher.email, name: "Forsker To", role: "researcher", passwordHash: await hashPassword(secondResearcher.password) }).run();
  sqlite.close();
  server = await startServer({ dataDir: seeded.dataDir });
}, 180_000);
afterAll(async () => {
  await server?.stop();
});

async function login(email: string): Promise<Client> {
  const client = new Client(server.url);
  const res = await client.post("/login", { email, password: passwords[email] });
  expect(res.status).toBe(200);
  return client;
}

/** The visible text of a page (no scripts, so loader data does not count). */
const text = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, "").replace(/<!-- -->/g, "").replace(/<[^>]+>/g, " ").replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, "&").replace(/\s+/g, " ");
const future = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe("plan → prepare → attend → overview", () => {
  let researcher: Client;
  let jsA: Client;
  let jsB: Client;
  let leadA: Client;
  let id = 0;
  const date = future(30);

  beforeAll(async () => {
    [researcher, jsA, jsB, leadA] = await Promise.all([login(identities.researcher), login(identities.jsA), login(identities.jsB), login(identities.leadA)]);
  });

  it("refuses a bad plan with messages at the fields and everything typed kept", async () => {
    const res = await researcher.request("POST", "/exchanges/new", {
      projectId: "1",
      audience: "job_specialists",
      date: "2026-02-30",
      startTime: "15:00",
      endTime: "12:00",
      place: "Møterom Fjordgata",
      theme: "",
      status: "planned",
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("Skriv datoen som ÅÅÅÅ-MM-DD");
    expect(html).toContain("Slutt må være etter start");
    expect(html).toContain("Fyll ut feltet");
    expect(html).toContain('value="Møterom Fjordgata"');
    expect(html).toMatch(/aria-invalid="true"[^>]*name="theme"|name="theme"[^>]*aria-invalid="true"/);
  });

  it("plans an exchange; a double submit of the same form makes no twin", async () => {
    const form = {
      projectId: "1",
      audience: "job_specialists",
      date,
      startTime: "09:00",
      endTime: "12:30",
      place: "AFI, Oslo",
      theme: "Etteroppfølging i praksis",
      status: "planned",
      preparationDeadline: future(25),
      clientKey: "flow-test-plan-key-0001",
    };
    const first = await researcher.request("POST", "/exchanges/new", form);
    const second = await researcher.request("POST", "/exchanges/new", form);
    expect(first.status).toBe(302);
    expect(second.headers.get("Location")).toBe(first.headers.get("Location"));
    id = Number(/\/exchanges\/(\d+)\/plan/.exec(first.headers.get("Location")!)![1]);
    const page = text(await (await researcher.get(`/exchanges/${id}/plan`)).text());
    expect(page).toContain("Erfaringsutveksling nr. 13 for jobbspesialister");
    const list = text(await (await researcher.get("/exchanges")).text());
    expect(list.match(/Etteroppfølging i praksis/g)).toHaveLength(1);
  });

  it("builds the agenda: add (once per form), reorder, copy from an earlier exchange", async () => {
    const add = (title: string, time: string, key: string) =>
      researcher.post(`/exchanges/${id}/plan`, { intent: "agenda-add", time, title, kind: "plenary", leader: "Forsker", description: "", clientKey: key });
    await add("Runde rundt bordet", "09:00", "flow-agenda-key-00001");
    await add("Runde rundt bordet", "09:00", "flow-agenda-key-00001");
    await add("Etteroppfølging i grupper", "09:30", "flow-agenda-key-00002");
    let page = await (await researcher.get(`/exchanges/${id}/plan`)).text();
    expect(page.match(/<h3[^>]*>1\. Runde rundt bordet<\/h3>/g)).toHaveLength(1);
    expect(page.match(/<h3[^>]*>\d\. Runde rundt bordet<\/h3>/g)).toHaveLength(1);
    const itemIds = [...new Set([...page.matchAll(/name="itemId" value="(\d+)"/g)].map((m) => m[1]))];
    expect(itemIds).toHaveLength(2);
    const secondItem = itemIds[1];
    await researcher.post(`/exchanges/${id}/plan`, { intent: "agenda-move", itemId: secondItem, direction: "up" });
    page = text(await (await researcher.get(`/exchanges/${id}/plan`)).text());
    expect(page.indexOf("1. Etteroppfølging i grupper")).toBeGreaterThan(-1);

    // Copying replaces the agenda of the target with the source's (a resubmit changes nothing).
    await researcher.post("/exchanges/12/plan", { intent: "agenda-copy", from: "2" });
    await researcher.post("/exchanges/12/plan", { intent: "agenda-copy", from: "2" });
    const copied = text(await (await researcher.get("/exchanges/12/agenda")).text());
    expect(copied.match(/Fra veileder til jobbspesialist/g)).toHaveLength(1);
    expect(copied).not.toContain("Utkast til håndboken");
    const noSource = await researcher.request("POST", "/exchanges/12/plan", { intent: "agenda-copy", from: "12" });
    expect(noSource.status).toBe(400);

    // A bad item keeps what was typed.
    const bad = await researcher.request("POST", `/exchanges/${id}/plan`, { intent: "agenda-add", time: "9.30", title: "Kaffe og prat", kind: "", clientKey: "flow-agenda-key-00003" });
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(badHtml).toContain("Skriv klokkeslettet som TT:MM");
    expect(badHtml).toContain('value="Kaffe og prat"');
    expect(badHtml).toMatch(/<section aria-labelledby="agenda-add-heading"[\s\S]*?aria-invalid="true"[\s\S]*?<\/section>/);

    // A failed edit opens that item's form again, and only that one, with the error and the text.
    const badEdit = await researcher.request("POST", `/exchanges/${id}/plan`, { intent: "agenda-update", itemId: secondItem, time: "25:00", title: "Nytt navn på punktet", kind: "plenary", leader: "", description: "" });
    expect(badEdit.status).toBe(400);
    const editHtml = await badEdit.text();
    const open = [...editHtml.matchAll(/<details class="exchanges-edit" open="">([\s\S]*?)<\/details>/g)].map((m) => m[1]);
    expect(open).toHaveLength(1);
    expect(open[0]).toContain(`name="itemId" value="${secondItem}"`);
    expect(open[0]).toContain('value="Nytt navn på punktet"');
    expect(open[0]).toContain('aria-invalid="true"');

    // A copy without a source says so next to the choice.
    const noChoice = await (await researcher.request("POST", "/exchanges/12/plan", { intent: "agenda-copy", from: "" })).text();
    expect(noChoice).toMatch(/<select id="agenda-copy-from"[^>]*aria-describedby="agenda-copy-hint agenda-copy-error"/);
    expect(noChoice).toContain('id="agenda-copy-error"');
  });

  it("shows the invited the agenda and the questions, on the exchange page and the home page; not the others", async () => {
    const page = text(await (await jsA.get(`/exchanges/${id}`)).text());
    expect(page).toContain("Etteroppfølging i grupper");
    expect(page).toContain("Hvilke erfaringer fra arbeidet siden forrige samling vil du dele med de andre?");
    const home = text(await (await jsA.get("/")).text());
    expect(home).toContain("Erfaringsutveksling nr. 13 for jobbspesialister");
    expect(home).toContain("Runde rundt bordet");
    expect((await leadA.get(`/exchanges/${id}`)).status).toBe(404);
    expect(text(await (await leadA.get("/")).text())).not.toContain("nr. 13 for jobbspesialister");
  });

  it("registers whether they come", async () => {
    const bad = await jsA.request("POST", `/exchanges/${id}`, { intent: "register" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Svar ja eller nei");
    await jsA.post(`/exchanges/${id}`, { intent: "register", coming: "yes" });
    await jsB.post(`/exchanges/${id}`, { intent: "register", coming: "no" });
    expect(text(await (await jsA.get(`/exchanges/${id}`)).text())).toContain("Ditt svar: Du kommer");
  });

  it("keeps a rejected answer as a draft with everything typed, then takes the answers once", async () => {
    const bad = await jsA.request("POST", `/exchanges/${id}`, { intent: "submit-answers", version: "1", erfaring: "", utfordring: "Tolk kom for sent – igjen." });
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(badHtml).toContain("Tolk kom for sent – igjen.");
    expect(text(badHtml)).toContain("Det du skrev, er lagret som utkast");
    // The draft is still there on a fresh visit.
    expect(await (await jsA.get(`/exchanges/${id}`)).text()).toContain("Tolk kom for sent – igjen.");

    const answers = { intent: "submit-answers", version: "1", erfaring: "Vi har fulgt opp to ansatte hver uke.", utfordring: "Tolk kom for sent – igjen.", god_praksis: "", tema: "" };
    await jsA.post(`/exchanges/${id}`, answers);
    await jsA.post(`/exchanges/${id}`, answers);
    const mine = text(await (await jsA.get(`/exchanges/${id}`)).text());
    expect(mine).toContain("Svarene dine ble sendt");
    const read = text(await (await researcher.get(`/exchanges/${id}/answers`)).text());
    expect(read).toContain("1 person har sendt svar.");
    expect(read).toContain("Aina Demosen");
    expect(read).toContain("Vi har fulgt opp to ansatte hver uke.");
    expect(read).toContain(`exchange-${id}-preparation@v1`);
  });

  it("gives a post without a session back with what was typed, and saves it after logging in", async () => {
    const anonymous = new Client(server.url);
    const form = { intent: "save-draft", version: "1", erfaring: "Skrevet mens økta gikk ut." };
    const res = await anonymous.request("POST", `/exchanges/${id}`, form);
    expect(res.status).toBe(401);
    const html = await res.text();
    expect(html).toContain('value="Skrevet mens økta gikk ut."');
    const resumed = await anonymous.post(`/exchanges/${id}`, { ...form, resumeIntent: "save-draft", intent: "reauth", email: identities.jsB, password: passwords[identities.jsB] });
    expect(resumed.status).toBe(200);
    expect(await (await jsB.get(`/exchanges/${id}`)).text()).toContain("Skrevet mens økta gikk ut.");
  });

  it("versions the questions once answered, and shows the group the answers without names when chosen", async () => {
    await researcher.post(`/exchanges/${id}/questions`, { intent: "question-add", labelNb: "Hva ønsker du å lære?", labelEn: "What would you like to learn?" });
    const q = text(await (await researcher.get(`/exchanges/${id}/questions`)).text());
    expect(q).toContain("versjon 2");
    expect(text(await (await jsB.get(`/exchanges/${id}/answers`)).text())).toContain("Forskerne har ikke delt svarene med gruppen.");
    await researcher.post(`/exchanges/${id}/answers`, { intent: "share", share: "on" });
    const shared = text(await (await jsB.get(`/exchanges/${id}/answers`)).text());
    expect(shared).toContain("Vi har fulgt opp to ansatte hver uke.");
    expect(shared).not.toContain("Aina Demosen");
    // jsA's answers keep the version they were given under.
    expect(text(await (await researcher.get(`/exchanges/${id}/answers`)).text())).toContain(`exchange-${id}-preparation@v1`);
  });

  it("computes the numbers from attendance and puts them in Tabell 3", async () => {
    const page = await (await researcher.get(`/exchanges/${id}/attendance`)).text();
    const idOf = (name: string) => new RegExp(`for="present-(\\d+)">${name}<`).exec(page)![1];
    const body = new URLSearchParams({ intent: "attendance", markHeld: "on" });
    body.append("present", idOf("Aina Demosen"));
    body.append("present", idOf("Bjarne Demosen"));
    body.append("present", idOf("Cecilie Demosen"));
    await researcher.post(`/exchanges/${id}/attendance`, body);
    await researcher.post(`/exchanges/${id}/attendance`, { intent: "guest-add", description: "Vikar", organisationId: "4", counted: "on", clientKey: "flow-guest-key-000001" });
    await researcher.post(`/exchanges/${id}/attendance`, { intent: "guest-add", description: "Vikar", organisationId: "4", counted: "on", clientKey: "flow-guest-key-000001" });
    await researcher.post(`/exchanges/${id}/attendance`, { intent: "guest-add", description: "Gjest fra Sverige", counted: "", clientKey: "flow-guest-key-000002" });
    const after = await (await researcher.get(`/exchanges/${id}/attendance`)).text();
    expect(/data-testid="count-participants">(\d+)</.exec(after)![1]).toBe("4");
    expect(/data-testid="count-cases">(\d+)</.exec(after)![1]).toBe("3");
    const overview = text(await (await researcher.get("/exchanges/overview")).text());
    expect(overview).toMatch(/13 \S+ 3,5 t, halvdagssamling 4 3 Etteroppfølging i praksis/);
    expect(overview).toContain("12 gjennomført, 1 planlagt. 135 deltakelser av jobbspesialister i alt");
    const csv = await (await researcher.get("/exchanges/overview.csv?project=afi-2017&audience=job_specialists")).text();
    expect(csv).toContain(`,"3,5 t, halvdagssamling",4,3,Etteroppfølging i praksis,${date},3.5,halvdag,Gjennomført`);
    const xlsx = await researcher.get("/exchanges/overview.xlsx?project=afi-2017&audience=job_specialists");
    expect(xlsx.headers.get("Content-Type")).toContain("spreadsheetml");
    expect(new Uint8Array(await xlsx.arrayBuffer()).slice(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));
  });
});

describe("transcripts come in pseudonymised", () => {
  it("uploads a .docx, keeps it private until released, then codes it", async () => {
    const researcher = await login(identities.researcher);
    const other = await login(secondResearcher.email);
    const form = new FormData();
    form.set("intent", "upload");
    form.set("title", "Samling tre, formiddag");
    form.set("clientKey", "flow-transcript-key-0001");
    form.set("file", new Blob([await transcriptDocx()]), "samling.docx");
    const res = await fetch(`${server.url}/exchanges/3/transcripts`, { method: "POST", body: form, headers: { Cookie: researcher.cookieHeader() }, redirect: "manual" });
    expect(res.status).toBe(302);
    const where = res.headers.get("Location")!;
    expect(where).toMatch(/^\/exchanges\/3\/transcripts\/\d+$/);

    const page = await (await researcher.get(where)).text();
    const preview = text(page.slice(page.indexOf('id="preview-heading"'), page.indexOf("exchanges-original")));
    expect(preview).toContain("Hvordan tok [jobbspesialist] imot forslaget?");
    expect(preview).not.toContain("Aina");
    expect(text(page)).toContain("Bare du ser denne transkripsjonen");
    // Nobody else sees it, not even in the list.
    expect((await other.get(where)).status).toBe(404);
    expect(text(await (await other.get("/exchanges/3/transcripts")).text())).not.toContain("Samling tre, formiddag");

    // Wrong file type: a clear message, the title kept.
    const wrong = new FormData();
    wrong.set("intent", "upload");
    wrong.set("title", "Lydfil");
    wrong.set("clientKey", "flow-transcript-key-0002");
    wrong.set("file", new Blob(["ID3"]), "opptak.mp3");
    const refused = await fetch(`${server.url}/exchanges/3/transcripts`, { method: "POST", body: wrong, headers: { Cookie: researcher.cookieHeader() }, redirect: "manual" });
    expect(refused.status).toBe(400);
    const refusedHtml = await refused.text();
    expect(refusedHtml).toContain("Last opp en .txt- eller .docx-fil");
    expect(refusedHtml).toContain('value="Lydfil"');

    // Release needs the confirmation; afterwards the text is frozen and every researcher sees it.
    expect((await researcher.request("POST", where, { intent: "release" })).status).toBe(400);
    await researcher.post(where, { intent: "release", confirm: "on" });
    const released = await (await other.get(where)).text();
    expect(text(released)).toContain("Hvordan tok [jobbspesialist] imot forslaget?");
    expect(released).not.toContain("Aina Demosen");
    expect((await researcher.request("POST", where, { intent: "replacements", from: "lageret", to: "[sted]" })).status).toBe(409);

    // Rough coding: a whole turn, and a passage.
    await other.post(where, { intent: "code-turns", "turn-2": "K4" });
    const missing = await other.request("POST", where, { intent: "code-passage", passage: "finnes ikke i teksten", code: "K5" });
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain("Fant ikke utdraget i teksten");
    await other.post(where, { intent: "code-passage", passage: "språkstøtte på arbeidsplassen hjalp mest", code: "K5" });
    const codedHtml = await (await other.get(where)).text();
    expect(codedHtml).toMatch(/<span class="tag">K5<\/span> <q>språkstøtte på arbeidsplassen hjalp mest<\/q>/);
    expect(text(codedHtml)).toMatch(/4 Metoder i Supported Employment for innvandrere med sammensatte bistandsbehov \(1\)/);
  });
});

// Co-research coding over HTTP (issue 15): the demo codebook from the report's schemes; codes
// added with errors at the fields; whole-note coding by researchers and by job specialists on
// their own notes; agreement rounds coded blind, whose κ/α match figures worked out by hand below;
// the disagreement view; merging and retiring without losing what was coded.
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "../support/http";
import { identities, seedDemo } from "../support/seed";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let dataDir: string;
let passwords: Record<string, string>;
let researcher: Client;
let jsA: Client;
let jsB: Client;

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, "&").replace(/\s+/g, " ");
const db = () => new Database(path.join(dataDir, "medforsker.db"), { readonly: true });
function query<T>(sql: string, ...params: unknown[]): T[] {
  const d = db();
  try {
    return d.prepare(sql).all(...params) as T[];
  } finally {
    d.close();
  }
}
const codeId = (name: string) => query<{ id: number }>("SELECT id FROM codes WHERE name = ?", name)[0].id;
const userId = (email: string) => query<{ id: number }>("SELECT id FROM users WHERE email = ?", email)[0].id;

async function login(email: string) {
  const client = new Client(server.url);
  expect((await client.post("/login", { email, password: passwords[email] })).status).toBe(200);
  return client;
}

beforeAll(async () => {
  const seeded = await seedDemo();
  dataDir = seeded.dataDir;
  passwords = seeded.passwords;
  server = await startServer({ dataDir });
  [researcher, jsA, jsB] = await Promise.all([login(identities.researcher), login(identities.jsA), login(identities.jsB)]);
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

/** A round of `coders` over `size` notes of the first submitted month with that many; returns its id and sample. */
async function newRound(title: string, coders: number[], codes: number[], size: number) {
  const page = await (await researcher.get("/coding/rounds/new")).text();
  const months = [...page.matchAll(/<option value="(\d{4}-\d{2})"/g)].map((m) => m[1]);
  const month = months.find((m) => query<{ n: number }>("SELECT count(*) AS n FROM log_notes n JOIN log_months m ON m.author_id = n.author_id AND m.month = n.month WHERE n.month = ? AND m.status = 'submitted'", m)[0].n >= size)!;
  const body = new URLSearchParams({ title, month, size: String(size) });
  coders.forEach((c) => body.append("coder", String(c)));
  codes.forEach((c) => body.append("code", String(c)));
  const res = await researcher.request("POST", "/coding/rounds/new", body);
  expect(res.status).toBe(302);
  const id = Number(/\/coding\/rounds\/(\d+)\/agreement/.exec(res.headers.get("Location")!)![1]);
  const sample = JSON.parse(query<{ sample: string }>("SELECT sample FROM coding_rounds WHERE id = ?", id)[0].sample) as number[];
  return { id, sample };
}

async function code(client: Client, round: number, noteId: number, codes: number[]) {
  const body = new URLSearchParams({ intent: "code", noteId: String(noteId) });
  codes.forEach((c) => body.append("code", String(c)));
  const res = await client.request("POST", `/coding/rounds/${round}`, body);
  expect(res.status).toBe(302);
}

describe("the codebook", () => {
  it("is seeded from the report's schemes, and a new code gets its errors at the fields", async () => {
    const home = text(await (await researcher.get("/coding")).text());
    for (const name of ["Trinn i SE", "Trinn 3: Å finne jobb", "A Samarbeid med arbeidsgivere", "F Jobbspesialistenes gjennomgang av spørsmål til arbeidsgivere", "K4 Metoder i Supported Employment", "Mikronivå", "ME3 Praksisfellen", "MA4 Utnyttelse og forskjellsbehandling"]) {
      expect(home).toContain(name);
    }
    const empty = await researcher.request("POST", "/coding", new URLSearchParams({ intent: "create", name: "  ", definition: "Noe om nettverk" }));
    expect(empty.status).toBe(400);
    const html = await empty.text();
    expect(html).toContain('id="code-name-error">Skriv et navn på koden.');
    expect(html).toContain(">Noe om nettverk</textarea>");
    const taken = await researcher.request("POST", "/coding", new URLSearchParams({ intent: "create", name: "Mikronivå" }));
    expect(await taken.text()).toContain("Kodeboken har allerede en kode som heter «Mikronivå».");
    const made = await researcher.request("POST", "/coding", new URLSearchParams({ intent: "create", name: "Nettverk", parentId: String(codeId("Mesonivå")), definition: "Deltakerens nettverk", colour: "#aa3300", coResearchers: "on" }));
    expect(made.status).toBe(302);
    expect(text(await (await researcher.get(made.headers.get("Location")!)).text())).toContain("Koden er lagt til.");
    // Job specialists see only the codes open to co-researchers.
    const theirs = text(await (await jsA.get("/coding")).text());
    expect(theirs).toContain("A Samarbeid med arbeidsgivere");
    expect(theirs).toContain("Nettverk");
    expect(theirs).not.toContain("Mikronivå");
  });
});

describe("coding notes", () => {
  it("lets a job specialist code their own notes with co-researcher codes only, and nobody else's", async () => {
    const own = query<{ id: number }>("SELECT id FROM log_notes WHERE author_id = ? ORDER BY id LIMIT 1", userId(identities.jsA))[0].id;
    const other = query<{ id: number }>("SELECT id FROM log_notes WHERE author_id = ? ORDER BY id LIMIT 1", userId(identities.jsB))[0].id;
    const body = new URLSearchParams({ intent: "code", noteId: String(own) });
    body.append("code", String(codeId("A Samarbeid med arbeidsgivere")));
    body.append("code", String(codeId("Mikronivå"))); // not open to co-researchers: ignored
    expect((await jsA.request("POST", "/coding/notes", body)).status).toBe(302);
    expect(query<{ name: string }>("SELECT c.name FROM codings g JOIN codes c ON c.id = g.code_id WHERE g.note_id = ? AND g.round_id = 0", own).map((r) => r.name)).toEqual(["A Samarbeid med arbeidsgivere"]);
    const stranger = new URLSearchParams({ intent: "code", noteId: String(other), code: String(codeId("A Samarbeid med arbeidsgivere")) });
    expect((await jsA.request("POST", "/coding/notes", stranger)).status).toBe(404);
    // Case leads have no coding pages; anonymous visitors are sent to log in.
    const lead = await login(identities.leadA);
    expect((await lead.get("/coding")).status).toBe(403);
    expect((await new Client(server.url).request("GET", "/coding")).status).toBe(302);
  });
});

describe("coding passages", () => {
  it("stores a passage in code points of its field, refuses a bad one at the form, and removes it", async () => {
    const note = query<{ id: number; answers: string }>("SELECT id, answers FROM log_notes WHERE author_id = ? ORDER BY id LIMIT 1 OFFSET 2", userId(identities.jsA))[0];
    const situasjon = JSON.parse(note.answers).situasjon as string;
    const X = codeId("D Arbeidsgiveres utfordringer");
    const post = (fields: Record<string, string>) => jsA.request("POST", "/coding/notes", new URLSearchParams({ intent: "passage", noteId: String(note.id), code: String(X), ...fields }));
    // Out of the field, empty, an unknown field, a code not open to co-researchers.
    for (const bad of [{ field: "situasjon", start: "0", end: String([...situasjon].length + 1) }, { field: "situasjon", start: "4", end: "4" }, { field: "ukjent", start: "0", end: "2" }]) {
      const res = await post(bad);
      expect(res.status).toBe(400);
      expect(await res.text()).toContain("Marker en del av teksten i et av notatets felt.");
    }
    const closed = await jsA.request("POST", "/coding/notes", new URLSearchParams({ intent: "passage", noteId: String(note.id), code: String(codeId("Mikronivå")), field: "situasjon", start: "0", end: "5" }));
    expect(await closed.text()).toContain("Velg en kode du kan bruke.");
    expect((await post({ field: "situasjon", start: "3", end: "17" })).status).toBe(302);
    const stored = query<{ id: number; field: string; start: number; end: number }>("SELECT id, field, start, \"end\" FROM codings WHERE note_id = ? AND field <> ''", note.id);
    expect(stored).toEqual([{ id: expect.any(Number), field: "situasjon", start: 3, end: 17 }]);
    const passage = [...situasjon].slice(3, 17).join("");
    const listed = text(await (await jsA.get("/coding/notes?month=" + query<{ month: string }>("SELECT month FROM log_notes WHERE id = ?", note.id)[0].month)).text());
    expect(listed).toContain(`«${passage}» — D Arbeidsgiveres utfordringer`);
    // Nobody else can remove it; its coder can.
    expect((await jsB.request("POST", "/coding/notes", new URLSearchParams({ intent: "uncode", noteId: String(note.id), codingId: String(stored[0].id) }))).status).toBe(404);
    expect((await jsA.request("POST", "/coding/notes", new URLSearchParams({ intent: "uncode", noteId: String(note.id), codingId: String(stored[0].id) }))).status).toBe(302);
    expect(query("SELECT id FROM codings WHERE id = ?", stored[0].id)).toEqual([]);
  });
});

describe("an agreement round", () => {
  it("two coders: κ and α per code and overall match the hand-worked fixture, and the disagreements are listed", async () => {
    const X = codeId("A Samarbeid med arbeidsgivere");
    const Y = codeId("B Arbeidsgiveres behov for oppfølging");
    const r = userId(identities.researcher);
    const a = userId(identities.jsA);
    const { id, sample } = await newRound("Runde med to", [r, a], [X, Y], 6);
    expect(sample).toHaveLength(6);
    const [n1, n2, n3, n4, n5, n6] = sample;
    // Researcher: X on n1 n2 n3. Job specialist A: X on n1 n2 n4. Nobody uses Y.
    for (const n of sample) await code(researcher, id, n, [n1, n2, n3].includes(n) ? [X] : []);
    // Blind: A sees the sample but none of the researcher's codings.
    const blind = await (await jsA.get(`/coding/rounds/${id}`)).text();
    expect(blind).toContain("Du har kodet 0 av 6 notater.");
    expect(blind).not.toMatch(/checked=""/);
    expect((await jsA.get(`/coding/rounds/${id}/agreement`)).status).toBe(403);
    expect((await jsB.get(`/coding/rounds/${id}`)).status).toBe(403);
    for (const n of sample) await code(jsA, id, n, [n1, n2, n4].includes(n) ? [X] : []);

    const page = text(await (await researcher.get(`/coding/rounds/${id}/agreement`)).text());
    // X, 6 notes: agree on n1 n2 n5 n6 → 4/6 = 0,67. κ: p_o = 4/6, p_e = ½·½ + ½·½ = ½ → κ = 1/3 = 0,33.
    // α: 12 values (6 yes, 6 no); coincidences yy 4, nn 4, yn 2, ny 2; D_o = 4/12; D_e = 2·6·6/(12·11) = 72/132;
    //    α = 1 − (4/12)/(72/132) = 1 − 11/18 = 7/18 = 0,39.
    expect(page).toContain("A Samarbeid med arbeidsgivere 6 0,67 0,33 0,39");
    // Y: nobody applied it: 100 % agreement, κ and α undefined.
    expect(page).toContain("B Arbeidsgiveres behov for oppfølging 6 1,00 ikke definert ikke definert");
    // Overall, 12 (note, code) pairs: agree on 10 → 0,83. κ: p_e = (3/12)² + (9/12)² = 0,625 → κ = (10/12 − 0,625)/0,375 = 5/9 = 0,56.
    // α: 24 values (6 yes, 18 no); yy 4, yn 2, ny 2, nn 16; D_o = 4/24; D_e = 2·6·18/(24·23) = 216/552;
    //    α = 1 − (4/24)/(216/552) = 1 − 23/54 = 31/54 = 0,57.
    expect(page).toContain("Samlet 12 0,83 0,56 0,57");
    expect(page).toContain("Enheten er hele notater");
    // The disagreement view: n3 and n4, each coder's codes side by side.
    const dis = page.slice(page.indexOf("Notater dere koder ulikt"));
    expect((dis.match(/Notat \d+/g) ?? []).length).toBe(2);
    expect(dis).toContain("Forsker Demosen");
    expect(dis).toContain("A Samarbeid med arbeidsgivere");
    expect(dis).toContain("ingen av kodene");
  });

  it("a researcher and two job specialists: α and pairwise agreement match the hand-worked fixture", async () => {
    const X = codeId("C Arbeidsgiveres erfaringer med jobbspesialist");
    const coders = [userId(identities.researcher), userId(identities.jsA), userId(identities.jsB)];
    const { id, sample } = await newRound("Runde med tre", coders, [X], 4);
    const [u1, u2] = sample;
    // Researcher and A: X on u1 u2; B: X on u1 only.
    for (const n of sample) {
      await code(researcher, id, n, [u1, u2].includes(n) ? [X] : []);
      await code(jsA, id, n, [u1, u2].includes(n) ? [X] : []);
      await code(jsB, id, n, n === u1 ? [X] : []);
    }
    const page = text(await (await researcher.get(`/coding/rounds/${id}/agreement`)).text());
    // Pairs: R–A 4/4, R–B 3/4, A–B 3/4 → mean 5/6 = 0,83. κ is for two coders only: no column.
    // α: 12 values (5 yes, 7 no); u1 yyy → yy 3; u2 yyn → yy 1, yn 1, ny 1; u3, u4 nnn → nn 3 + 3.
    //    D_o = 2/12; D_e = 2·5·7/(12·11) = 70/132; α = 1 − (2/12)/(70/132) = 1 − 11/35 = 24/35 = 0,69.
    expect(page).toContain("C Arbeidsgiveres erfaringer med jobbspesialist 4 0,83 0,69");
    expect(page).toContain("Kode Notater Prosent enighet Krippendorffs α");
  });
});

describe("changing the codebook keeps what was coded", () => {
  it("merging moves the codings, retiring keeps them, and the history says so", async () => {
    const from = codeId("Nettverk");
    const into = codeId("ME8 Kulturforskjeller");
    const note = query<{ id: number }>("SELECT id FROM log_notes WHERE author_id = ? ORDER BY id LIMIT 1 OFFSET 1", userId(identities.jsA))[0].id;
    expect((await jsA.request("POST", "/coding/notes", new URLSearchParams({ intent: "code", noteId: String(note), code: String(from) }))).status).toBe(302);
    const merged = await researcher.request("POST", `/coding/codes/${from}`, new URLSearchParams({ intent: "merge", into: String(into) }));
    expect(merged.status).toBe(302);
    expect(query<{ n: number }>("SELECT count(*) AS n FROM codings WHERE code_id = ? AND note_id = ?", into, note)[0].n).toBe(1);
    expect(query<{ n: number }>("SELECT count(*) AS n FROM codings WHERE code_id = ?", from)[0].n).toBe(0);
    expect(merged.headers.get("Location")).toBe(`/coding/codes/${into}?saved=merged`);
    const page = text(await (await researcher.get(merged.headers.get("Location")!)).text());
    expect(page).toContain("Kodene er slått sammen.");
    expect(page).toContain("brukt 1 gang");
    expect(page).toContain("Forsker Demosen slo sammen koder");
    // Retiring keeps the coding; the code is no longer offered.
    expect((await researcher.request("POST", `/coding/codes/${into}`, new URLSearchParams({ intent: "retire" }))).status).toBe(302);
    expect(query<{ n: number }>("SELECT count(*) AS n FROM codings WHERE code_id = ?", into)[0].n).toBe(1);
    expect(await (await researcher.get("/coding/notes")).text()).not.toContain(">ME8 Kulturforskjeller</label>");
    // Splitting needs two new names and keeps them under the code.
    const split = await researcher.request("POST", `/coding/codes/${codeId("MI1 Norskkunnskaper")}`, new URLSearchParams({ intent: "split", names: "Muntlig norsk" }));
    expect(split.status).toBe(400);
    expect(await split.text()).toContain("Skriv minst to nye koder, én per linje.");
    expect((await researcher.request("POST", `/coding/codes/${codeId("MI1 Norskkunnskaper")}`, new URLSearchParams({ intent: "split", names: "Muntlig norsk\nSkriftlig norsk" }))).status).toBe(302);
    expect(query<{ parent: number }>("SELECT parent_id AS parent FROM codes WHERE name = 'Skriftlig norsk'")[0].parent).toBe(codeId("MI1 Norskkunnskaper"));
  });
});

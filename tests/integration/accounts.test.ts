// Accounts over real HTTP against the built server and a real SQLite file: first setup,
// invitations, login limits, password change, deactivation, language choice, bad input.
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "../support/http";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
const password = "et langt og godt passord";

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

function field(html: string, name: string): string | null {
  const m = new RegExp(`<input[^>]*name="${name}"[^>]*>`).exec(html);
  if (!m) return null;
  return /value="([^"]*)"/.exec(m[0])?.[1] ?? "";
}

describe("first visit and setup", () => {
  it("sends the first visitor to the setup page", async () => {
    const res = await new Client(server.url).get("/");
    const html = await res.text();
    expect(html).toContain("Sett opp Medforsker");
  });

  it("keeps what was typed and explains each error at its field", async () => {
    const c = new Client(server.url);
    const res = await c.post("/setup", { name: "Forsker Én", email: "ikke-en-adresse", password: "kort", confirm: "annet" });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(field(html, "name")).toBe("Forsker Én");
    expect(field(html, "email")).toBe("ikke-en-adresse");
    expect(html).toContain("Skriv en gyldig e-postadresse");
    expect(html).toContain("Passordet må ha minst 10");
    expect(html).toMatch(/aria-invalid="true"/);
    // Passwords are never echoed back.
    expect(field(html, "password") ?? "").toBe("");
  });

  it("creates the first researcher once, then closes setup", async () => {
    const c = new Client(server.url);
    const res = await c.post("/setup", { name: "Forsker Én", email: "forsker@example.org", password, confirm: password });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Hei, Forsker Én");
    const again = await new Client(server.url).request("POST", "/setup", { name: "X", email: "x@example.org", password, confirm: password });
    expect(again.status).toBe(302);
    expect(again.headers.get("Location")).toBe("/login");
  });
});

describe("invitations, login, password and deactivation", () => {
  let researcher: Client;
  let link = "";

  beforeAll(async () => {
    researcher = new Client(server.url);
    expect((await researcher.post("/login", { email: "forsker@example.org", password })).status).toBe(200);
    const project = await researcher.post("/projects", { title: "Testprosjekt", slug: "test-2026" });
    expect(project.status).toBe(200);
    await researcher.post("/projects/test-2026", { intent: "add-organisation", name: "NAV Testby", place: "Testby" });
    const page = await (await researcher.get("/projects/test-2026")).text();
    const orgId = /<option value="(\d+)">NAV Testby<\/option>/.exec(page)![1];
    const cp = await researcher.post("/projects/test-2026", { intent: "add-case-project", organisationId: orgId, name: "Intro i Testby", programme: "intro" });
    expect(cp.status).toBe(200);
  });

  it("invites a job specialist and shows a one-time link", async () => {
    const form = await (await researcher.get("/people/new")).text();
    const cpId = /<option value="(\d+)">Intro i Testby/.exec(form)![1];
    const res = await researcher.post("/people/new", { name: "Jobb Spesialist", email: "js@example.org", role: "job_specialist", caseProjectId: cpId });
    const html = await res.text();
    link = /data-testid="invitation-link">([^<]+)</.exec(html)![1];
    expect(link).toMatch(new RegExp(`^${server.url}/invitation/[A-Za-z0-9_-]{40,}$`));
  });

  it("refuses a second person with the same e-mail, keeping the form", async () => {
    const res = await researcher.post("/people/new", { name: "Noen Andre", email: "JS@example.org", role: "researcher" });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("Det finnes allerede en person med denne e-postadressen");
    expect(field(html, "name")).toBe("Noen Andre");
  });

  it("lets the invitee choose a password once; the token leaves the address bar", async () => {
    const invitee = new Client(server.url);
    const first = await invitee.request("GET", new URL(link).pathname);
    expect(first.status).toBe(302);
    expect(first.headers.get("Location")).toBe("/invitation");
    const form = await invitee.get("/invitation");
    expect(await form.text()).toContain("Jobb Spesialist");
    const done = await invitee.post("/invitation", { password, confirm: password });
    expect(done.status).toBe(200);
    const home = await done.text();
    expect(home).toContain("Hei, Jobb Spesialist");
    expect(home).toContain("Intro i Testby");

    const reuse = new Client(server.url);
    await reuse.request("GET", new URL(link).pathname);
    expect(await (await reuse.get("/invitation")).text()).toContain("Lenken virker ikke");
  });

  it("slows failed logins down for the account from this address", async () => {
    const c = new Client(server.url);
    for (let i = 0; i < 5; i++) expect((await c.post("/login", { email: "js@example.org", password: "feil passord " + i })).status).toBe(400);
    const limited = await c.post("/login", { email: "js@example.org", password });
    expect(limited.status).toBe(429);
    expect(await limited.text()).toContain("For mange mislykkede forsøk");
  });

  it("changes a password and ends other sessions", async () => {
    const a = new Client(server.url);
    const b = new Client(server.url);
    const pw = "forskerens første passord";
    for (const c of [a, b]) expect((await c.post("/login", { email: "forsker@example.org", password })).status).toBe(200);
    const wrong = await a.post("/account", { current: "ikke dette", password: pw, confirm: pw });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain("Nåværende passord er feil");
    const ok = await a.post("/account", { current: password, password: pw, confirm: pw });
    expect(ok.status).toBe(200);
    expect((await a.request("GET", "/account")).status).toBe(200);
    expect((await b.request("GET", "/account")).status).toBe(302);
    // Change back for the other tests.
    expect((await a.post("/account", { current: pw, password, confirm: password })).status).toBe(200);
    expect((await researcher.post("/login", { email: "forsker@example.org", password })).status).toBe(200);
  });

  it("deactivation ends the person's sessions at once", async () => {
    const js = new Client(server.url);
    // The per-account limit from the test above may still apply; use a fresh person.
    const form = await (await researcher.get("/people/new")).text();
    const cpId = /<option value="(\d+)">Intro i Testby/.exec(form)![1];
    const invited = await (await researcher.post("/people/new", { name: "Snart Borte", email: "borte@example.org", role: "job_specialist", caseProjectId: cpId })).text();
    const url = /data-testid="invitation-link">([^<]+)</.exec(invited)![1];
    await js.request("GET", new URL(url).pathname);
    await js.post("/invitation", { password, confirm: password });
    expect((await js.request("GET", "/account")).status).toBe(200);

    const db = new Database(server.databasePath, { readonly: true });
    const id = (db.prepare("select id from users where email = ?").get("borte@example.org") as { id: number }).id;
    db.close();
    await researcher.post(`/people/${id}`, { intent: "deactivate" });
    const after = await js.request("GET", "/account");
    expect(after.status).toBe(302);
    expect(after.headers.get("Location")).toMatch(/^\/login/);
    const login = await new Client(server.url).post("/login", { email: "borte@example.org", password });
    expect(login.status).toBe(400);
  });

  it("remembers the language choice on the account", async () => {
    const c = new Client(server.url);
    await c.post("/login", { email: "forsker@example.org", password });
    await c.post("/language", { locale: "en", redirectTo: "/" });
    const fresh = new Client(server.url);
    await fresh.post("/login", { email: "forsker@example.org", password });
    const html = await (await fresh.get("/")).text();
    expect(html).toContain('lang="en-GB"');
    expect(html).toContain("Hello, Forsker Én");
    await c.post("/language", { locale: "nb", redirectTo: "/" });
  });

  it("never answers malformed requests with a 500", async () => {
    const c = new Client(server.url);
    await c.post("/login", { email: "forsker@example.org", password });
    const bodies: Record<string, string>[] = [
      { intent: "add-case-project", organisationId: "abc", programme: "nope", name: "x".repeat(100_000) },
      { intent: "add-organisation" },
      { intent: "🙂" },
    ];
    for (const body of bodies) {
      const res = await c.request("POST", "/projects/test-2026", body);
      expect(res.status).toBeLessThan(500);
    }
    expect((await c.request("GET", "/people/999999")).status).toBe(404);
    expect((await c.request("GET", "/people/abc")).status).toBe(404);
    expect((await c.request("GET", "/projects/does-not-exist")).status).toBe(404);
  });
});

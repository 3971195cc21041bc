// Accounts and the server's doors, over real HTTP against the built server: a password set
// through a new invitation link ends the other sessions, login throttling per (account, address)
// that nobody can turn against the account's owner, the per-address limit with and without
// TRUST_PROXY, the whole-origin check answering 403 with a page, private data files, and the
// one-time setup code when the server can be reached from other machines.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "../support/http";
import { identities, seedDemo } from "../support/seed";
import { startServer, tempDataDir, type RunningServer } from "../support/server";

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One request from a chosen local address (127.0.0.x), as a browser on another machine would. */
function send(base: string, method: string, target: string, options: { from?: string; headers?: Record<string, string>; form?: Record<string, string> } = {}): Promise<Answer> {
  const body = options.form ? new URLSearchParams(options.form).toString() : undefined;
  const headers: Record<string, string> = { ...options.headers };
  if (body !== undefined) {
    headers["Content-Type"] = "application/x-www-form-urlencoded";
    headers["Content-Length"] = String(Buffer.byteLength(body));
  }
  return new Promise((resolve, reject) => {
    const req = http.request(new URL(target, base), { method, headers, localAddress: options.from, agent: false }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (c) => (text += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

const login = (base: string, email: string, password: string, options: { from?: string; headers?: Record<string, string> } = {}) =>
  send(base, "POST", "/login", { ...options, form: { email, password } });

const mode = (file: string) => (fs.statSync(file).mode & 0o777).toString(8);

/** A seeded demo database of its own for each server (two servers never share a file). */
async function seededCopy() {
  const dir = tempDataDir();
  fs.copyFileSync(path.join(seeded.dataDir, "medforsker.db"), path.join(dir, "medforsker.db"));
  return dir;
}

let seeded: Awaited<ReturnType<typeof seedDemo>>;
let server: RunningServer;
const pw = (email: string) => seeded.passwords[email];

beforeAll(async () => {
  seeded = await seedDemo();
  // What an earlier version left behind: readable by everyone.
  const dir = await seededCopy();
  fs.chmodSync(path.join(dir, "medforsker.db"), 0o644);
  fs.writeFileSync(path.join(dir, "secrets.json"), JSON.stringify({ sessionSecret: "a".repeat(64), pseudonymKey: "b".repeat(64) }), { mode: 0o644 });
  fs.chmodSync(path.join(dir, "secrets.json"), 0o644);
  fs.mkdirSync(path.join(dir, "exports"), { mode: 0o755 });
  fs.chmodSync(path.join(dir, "exports"), 0o755);
  fs.writeFileSync(path.join(dir, "exports", "old.zip"), "PK", { mode: 0o644 });
  fs.chmodSync(path.join(dir, "exports", "old.zip"), 0o644);
  fs.chmodSync(dir, 0o755);
  server = await startServer({ dataDir: dir });
}, 180_000);

afterAll(async () => {
  await server?.stop();
});

describe("passwords", () => {
  it("a password set through a new invitation link ends the person's other sessions", async () => {
    const old = new Client(server.url);
    expect((await old.post("/login", { email: identities.jsB, password: pw(identities.jsB) })).status).toBe(200);
    expect((await old.request("GET", "/account")).status).toBe(200);

    const researcher = new Client(server.url);
    expect((await researcher.post("/login", { email: identities.researcher, password: pw(identities.researcher) })).status).toBe(200);
    const db = new Database(server.databasePath, { readonly: true });
    const { id } = db.prepare("SELECT id FROM users WHERE email = ?").get(identities.jsB) as { id: number };
    db.close();
    const page = await (await researcher.post(`/people/${id}`, { intent: "new-link" })).text();
    const link = /data-testid="invitation-link">([^<]+)</.exec(page)![1];

    const fresh = new Client(server.url);
    await fresh.request("GET", new URL(link).pathname);
    const newPassword = "et helt nytt passord for js03";
    expect((await fresh.post("/invitation", { password: newPassword, confirm: newPassword })).status).toBe(200);
    expect((await fresh.request("GET", "/account")).status).toBe(200);

    const after = await old.request("GET", "/account");
    expect(after.status).toBe(302);
    expect(after.headers.get("Location")).toMatch(/^\/login/);
    seeded.passwords[identities.jsB] = newPassword;
  });
});

describe("login throttling", () => {
  it("five wrong passwords from one address do not keep the right password out from another", async () => {
    const email = identities.jsA;
    for (let i = 0; i < 5; i++) expect((await login(server.url, email, `feil passord ${i}`, { from: "127.0.0.11" })).status).toBe(400);
    const slowed = await login(server.url, email, pw(email), { from: "127.0.0.11" });
    expect(slowed.status).toBe(429);
    expect(Number(slowed.headers["retry-after"])).toBeGreaterThan(0);
    expect(slowed.body).toMatch(/For mange mislykkede forsøk herfra\. Prøv igjen om \d+ s\./);

    const owner = await login(server.url, email, pw(email), { from: "127.0.0.12" });
    expect(owner.status).toBe(302);
    expect(String(owner.headers["set-cookie"])).toContain("medforsker_session=");
  });

  it("the per-address limit is not escaped by writing X-Forwarded-For without TRUST_PROXY", async () => {
    for (let i = 0; i < 30; i++) {
      const res = await login(server.url, `ingen${i}@example.org`, "feil passord", { from: "127.0.0.13", headers: { "X-Forwarded-For": `198.51.100.${i}` } });
      expect(res.status).toBe(400);
    }
    const spoofed = await login(server.url, identities.leadA, pw(identities.leadA), { from: "127.0.0.13", headers: { "X-Forwarded-For": "192.0.2.99" } });
    expect(spoofed.status).toBe(429);
    expect((await login(server.url, identities.leadA, pw(identities.leadA), { from: "127.0.0.14" })).status).toBe(302);
  });

  it("behind a trusted proxy, throttles the address the proxy saw, not one the client wrote", async () => {
    const proxied = await startServer({ dataDir: await seededCopy(), env: { TRUST_PROXY: "true" } });
    try {
      const email = identities.researcher;
      const via = (client: string) => ({ headers: { "X-Forwarded-For": client } });
      for (let i = 0; i < 5; i++) expect((await login(proxied.url, email, `feil ${i}`, via("203.0.113.5"))).status).toBe(400);
      expect((await login(proxied.url, email, pw(email), via("203.0.113.5"))).status).toBe(429);
      // The attacker prepends another address; the proxy appends the real one.
      expect((await login(proxied.url, email, pw(email), via("198.51.100.7, 203.0.113.5"))).status).toBe(429);
      expect((await login(proxied.url, email, pw(email), via("198.51.100.7"))).status).toBe(302);
    } finally {
      await proxied.stop();
    }
  });
});

describe("cross-site requests", () => {
  const form = { email: identities.researcher, password: "feil passord" };
  const own = () => server.url; // http://127.0.0.1:PORT

  it("accepts a form from this exact origin", async () => {
    const res = await send(server.url, "POST", "/login", { form, from: "127.0.0.21", headers: { Origin: own(), "Sec-Fetch-Site": "same-origin" } });
    expect(res.status).toBe(400);
  });

  it("refuses another scheme, port or host with 403 and a page, not an empty 500", async () => {
    const other = new URL(own());
    const origins = [own().replace("http:", "https:"), `http://127.0.0.1:${Number(other.port) + 1}`, "http://evil.example", "null"];
    for (const origin of origins) {
      for (const site of [undefined, "same-origin"]) {
        const headers: Record<string, string> = { Origin: origin };
        if (site) headers["Sec-Fetch-Site"] = site;
        const res = await send(server.url, "POST", "/login", { form, from: "127.0.0.22", headers });
        expect(res.status, `${origin} ${site ?? ""}`).toBe(403);
        expect(res.headers["content-type"]).toMatch(/^text\/html/);
        expect(res.body).toContain("<h1>Forespørselen ble avvist</h1>");
        expect(res.body).toContain('<html lang="nb-NO">');
      }
    }
  });

  it("lets the employer's pages post with Origin null when the browser marks them same-origin", async () => {
    // The employer pages send no referrer, so Chromium posts them with `Origin: null`.
    const vouched = await send(server.url, "POST", "/s", { form: {}, from: "127.0.0.25", headers: { Origin: "null", "Sec-Fetch-Site": "same-origin" } });
    expect(vouched.status).not.toBe(403);
    const unvouched = await send(server.url, "POST", "/s", { form: {}, from: "127.0.0.25", headers: { Origin: "null" } });
    expect(unvouched.status).toBe(403);
    const crossSite = await send(server.url, "POST", "/s", { form: {}, from: "127.0.0.25", headers: { Origin: "null", "Sec-Fetch-Site": "cross-site" } });
    expect(crossSite.status).toBe(403);
  });

  it("refuses single-fetch actions the same way", async () => {
    const res = await send(server.url, "POST", "/login.data", { form, from: "127.0.0.23", headers: { Origin: "https://evil.example", "Sec-Fetch-Site": "same-origin" } });
    expect(res.status).toBe(403);
    expect(res.body).toContain("Forespørselen ble avvist");
  });

  it("answers in the visitor's language", async () => {
    const en = new Client(server.url);
    await en.post("/language", { locale: "en", redirectTo: "/" });
    const res = await en.request("POST", "/login", form, { Origin: "https://evil.example" });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("<h1>Request refused</h1>");
  });

  it("ignores a forged X-Forwarded-Host when no proxy is trusted", async () => {
    const res = await send(server.url, "POST", "/login", { form, from: "127.0.0.24", headers: { Origin: own(), "X-Forwarded-Host": "evil.example" } });
    expect(res.status).toBe(400);
  });

  it("behind a trusted proxy compares with the address the browser used", async () => {
    const proxied = await startServer({ dataDir: await seededCopy(), env: { TRUST_PROXY: "true", PUBLIC_URL: "https://medforsker.example.no" } });
    try {
      const proxy = { "X-Forwarded-For": "203.0.113.9", "X-Forwarded-Proto": "https", "X-Forwarded-Host": "medforsker.example.no" };
      const ok = await send(proxied.url, "POST", "/login", { form, headers: { ...proxy, Origin: "https://medforsker.example.no" } });
      expect(ok.status).toBe(400);
      const downgraded = await send(proxied.url, "POST", "/login", { form, headers: { ...proxy, Origin: "http://medforsker.example.no" } });
      expect(downgraded.status).toBe(403);
    } finally {
      await proxied.stop();
    }
  });
});

describe("data files", () => {
  it("corrects files an earlier version left readable, at start", () => {
    const dir = server.dataDir;
    expect(mode(dir)).toBe("700");
    for (const f of ["medforsker.db", "medforsker.db-wal", "medforsker.db-shm", "secrets.json", "exports/old.zip"]) expect(mode(path.join(dir, f)), f).toBe("600");
    expect(mode(path.join(dir, "exports"))).toBe("700");
    expect(server.output()).toMatch(/Made \d+ data files and folders readable by their owner only/);
  });

  it("makes backups and export packages private to their owner", () => {
    const out = path.join(tempDataDir("modes-"), "new", "dir");
    const env = { ...process.env, DATABASE_PATH: server.databasePath, LC_ALL: "C.UTF-8" };
    const tsx = path.resolve("node_modules/.bin/tsx");
    const backup = spawnSync(tsx, ["app/cli/main.ts", "backup", "--out", path.join(out, "backup.db")], { env, encoding: "utf8" });
    expect(backup.status, backup.stderr).toBe(0);
    expect(mode(out)).toBe("700");
    expect(mode(path.join(out, "backup.db"))).toBe("600");
    const exported = spawnSync(tsx, ["app/cli/main.ts", "export", "--project", "afi-2017", "--data", "employer-survey", "--format", "csv", "--out", path.join(out, "survey.zip"), "--as", identities.researcher], { env, encoding: "utf8" });
    expect(exported.status, exported.stderr).toBe(0);
    expect(mode(path.join(out, "survey.zip"))).toBe("600");
  });
});

describe("first setup", () => {
  it("on loopback works as before, without a code", async () => {
    const local = await startServer();
    try {
      expect(local.output()).not.toMatch(/setup code/);
      const html = await (await new Client(local.url).get("/setup")).text();
      expect(html).toContain("Sett opp Medforsker");
      expect(html).not.toContain('name="setupCode"');
    } finally {
      await local.stop();
    }
  });

  it("reachable from other machines, asks for the one-time code printed at start", async () => {
    const dataDir = path.join(tempDataDir(), "fresh");
    const open = await startServer({ env: { HOST: "0.0.0.0", DATABASE_PATH: path.join(dataDir, "medforsker.db") } });
    try {
      const code = /setup code:\s+([0-9A-Z]{4}(?:-[0-9A-Z]{4}){3})/.exec(open.output())?.[1];
      expect(code, open.output()).toBeTruthy();
      // A database made by this server is private from the start.
      expect(mode(dataDir)).toBe("700");
      expect(mode(path.join(dataDir, "medforsker.db"))).toBe("600");

      const c = new Client(open.url);
      expect(await (await c.get("/setup")).text()).toContain('name="setupCode"');
      const person = { name: "Forsker Én", email: "forsker@example.org", password: "et langt og godt passord", confirm: "et langt og godt passord" };
      for (const typed of ["", "AAAA-BBBB-CCCC-DDDD"]) {
        const res = await c.post("/setup", { ...person, setupCode: typed });
        expect(res.status).toBe(400);
        const html = await res.text();
        expect(html).toContain(typed ? "Koden stemmer ikke" : "Fyll ut feltet");
        expect(html).toContain('value="Forsker Én"');
        expect(html).toContain('value="forsker@example.org"');
      }
      const done = await c.post("/setup", { ...person, setupCode: code!.toLowerCase().replace(/-/g, " ") });
      expect(done.status).toBe(200);
      expect(await done.text()).toContain("Hei, Forsker Én");
    } finally {
      await open.stop();
    }
  });
});

// What the built server writes to its output for ordinary bad requests and for real errors, over
// real HTTP. The server runs as `npm start` runs it (NODE_ENV unset), and for the bad requests also
// with NODE_ENV=development, where React Router's development build reports unmatched addresses.
// Addresses may carry one-time tokens (/s/<token>, /invitation/<token>): none may reach the output.
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "../support/http";
import { startServer, type RunningServer } from "../support/server";

const TOKEN = "Tok3nThatMustNeverBeLogged9x";
let server: RunningServer;
let development: RunningServer;

/** What the server wrote after its start line. */
function written(s = server): string {
  const out = s.output();
  return out.slice(out.indexOf("\n", out.indexOf("Medforsker is running")) + 1);
}

beforeAll(async () => {
  [server, development] = await Promise.all([startServer({ env: { NODE_ENV: "" } }), startServer({ env: { NODE_ENV: "development" } })]);
});

afterAll(async () => {
  await Promise.all([server?.stop(), development?.stop()]);
});

describe.each(["npm start", "NODE_ENV=development"])("ordinary bad requests (%s)", (mode) => {
  const running = () => (mode === "npm start" ? server : development);

  it("serves a real favicon", async () => {
    const res = await fetch(`${running().url}/favicon.ico`);
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.subarray(0, 4)]).toEqual([0, 0, 1, 0]); // ICO header: reserved 0, type 1 (icon)
    expect(bytes.length).toBeGreaterThan(100);
  });

  it("answers unknown addresses, wrong methods, malformed URLs and data probes without writing anything", async () => {
    const requests: [method: string, path: string, status: number][] = [
      ["GET", "/favicon.ico", 200],
      ["GET", "/apple-touch-icon.png", 404],
      ["GET", "/prosjekter", 404],
      ["GET", `/s/${TOKEN}/x`, 404],
      ["GET", `/invitation/${TOKEN}/x`, 404],
      ["POST", `/s/${TOKEN}/x`, 404],
      ["GET", `/s/${TOKEN}/x.data`, 404],
      ["GET", `/invitation/${TOKEN}/x.data`, 404],
      ["GET", `/s/${TOKEN}%ZZ`, 400],
      ["GET", `/invitation/${TOKEN}%E0%A4%A`, 400],
      ["POST", "/accessibility", 405],
      ["GET", "/?_data=root", 200],
      ["GET", "/log?_data=routes/log._index", 204],
      ["GET", `/?_data=routes/${TOKEN}`, 403],
      ["GET", `/invitation/${TOKEN}/x?_data=root`, 200],
      ["GET", "/nosuch.data", 404],
      ["GET", "/logs.data", 202],
    ];
    const got = [];
    for (const [method, path] of requests) {
      const res = await fetch(`${running().url}${path}`, { method, redirect: "manual", body: method === "POST" ? "a=b" : undefined, headers: method === "POST" ? { "Content-Type": "application/x-www-form-urlencoded" } : {} });
      await res.arrayBuffer();
      got.push([method, path, res.status]);
    }
    expect(got).toEqual(requests);
    const notFound = await fetch(`${running().url}/s/${TOKEN}/x`);
    expect(await notFound.text()).toContain("<h1>Fant ikke siden</h1>");
    await new Promise((r) => setTimeout(r, 200)); // let the output arrive
    expect(written(running())).toBe("");
  });
});

describe("real errors", () => {
  it("are written with their stack, never with the address", async () => {
    const researcher = new Client(server.url);
    const password = "et langt passord for testen";
    const setup = await researcher.post("/setup", { name: "Forsker Én", email: "forsker@example.org", password, confirm: password });
    expect(setup.status).toBe(200);
    // A bug in waiting: the table every signed-in request reads is gone.
    const db = new Database(server.databasePath);
    db.pragma("busy_timeout = 5000");
    db.exec("DROP TABLE sessions");
    db.close();
    for (const path of [`/s/${TOKEN}/x`, `/invitation/${TOKEN}/x.data`]) {
      const res = await researcher.request("GET", path);
      expect(res.status, path).toBe(500);
    }
    await new Promise((r) => setTimeout(r, 200));
    const out = written();
    expect(out.match(/no such table: sessions/g)?.length).toBe(2);
    expect(out.match(/^\s+at /gm)?.length).toBeGreaterThanOrEqual(4); // with the stack
    expect(out).not.toContain(TOKEN);
    expect(out).not.toMatch(/\/s\/|\/invitation\//);
  });
});

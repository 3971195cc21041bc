// Requests that would hurt the server, over real HTTP against the built app: bodies past the
// limit (declared or streamed without a length) are refused with a 413 page and never read into
// memory, and a .docx zip bomb is refused at the field without being inflated. Memory is the
// server process's peak resident set (VmHWM, reset before each request), so a spike that is
// freed again still counts.
import fs from "node:fs";
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { zipBombDocx } from "../fixtures/exchanges/zip-bomb-docx";
import { Client } from "../support/http";
import { identities, seedDemo } from "../support/seed";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let researcher: Client;
const MB = 1024 * 1024;

beforeAll(async () => {
  const seeded = await seedDemo();
  server = await startServer({ dataDir: seeded.dataDir });
  researcher = new Client(server.url);
  expect((await researcher.post("/login", { email: identities.researcher, password: seeded.passwords[identities.researcher] })).status).toBe(200);
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

const status = (field: string) => {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(fs.readFileSync(`/proc/${server.process.pid}/status`, "utf8"));
  return Number(m![1]) * 1024;
};

/** How far above its resident size before `work` the server's peak went while `work` ran. */
async function peakGrowth<T>(work: () => Promise<T>): Promise<{ result: T; grew: number }> {
  // Writing 5 to clear_refs resets the peak (VmHWM) to the current resident size.
  fs.writeFileSync(`/proc/${server.process.pid}/clear_refs`, "5");
  const before = status("VmRSS");
  const result = await work();
  await new Promise((r) => setTimeout(r, 300));
  return { result, grew: status("VmHWM") - before };
}

/**
 * A POST that sends `total` bytes of form data in 1 MB pieces as fast as the server takes them,
 * with a Content-Length of `declared` (or chunked without one), and stops sending once the server
 * has answered. Resolves with the status and page.
 */
function bigPost(path: string, total: number, options: { declared?: number; cookie?: string } = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { "Content-Type": "application/x-www-form-urlencoded" };
    if (options.declared !== undefined) headers["Content-Length"] = options.declared;
    if (options.cookie) headers.Cookie = options.cookie;
    const req = http.request(`${server.url}${path}`, { method: "POST", headers });
    let answered = false;
    req.on("response", (res) => {
      answered = true;
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => {
        resolve({ status: res.statusCode!, body });
        req.destroy();
      });
    });
    req.on("error", (error) => (answered ? undefined : reject(error)));
    const piece = Buffer.alloc(MB, "a");
    let sent = 0;
    const pump = () => {
      while (!answered && sent < total) {
        sent += piece.length;
        if (!req.write(piece)) return void req.once("drain", pump);
      }
      if (!answered && options.declared === undefined) req.end();
    };
    pump();
  });
}

describe("request bodies have a ceiling", () => {
  it("refuses a POST to /login that claims 300 MB with a 413 page, without reading it", async () => {
    const { result, grew } = await peakGrowth(() => bigPost("/login", 64 * MB, { declared: 300 * MB }));
    expect(result.status).toBe(413);
    expect(result.body).toContain('<html lang="nb-NO">');
    expect(result.body).toContain("<h1>Det du sendte er for stort</h1>");
    expect(result.body).toContain("Et skjema kan være på høyst 1 MB.");
    expect(result.body).toContain('<a href="/login">');
    expect(result.body).not.toContain("<script");
    expect(grew).toBeLessThan(40 * MB);
    // In English for someone who chose English (the language cookie holds JSON "en", base64).
    const english = await bigPost("/login", 4 * MB, { declared: 300 * MB, cookie: `medforsker_lang=${Buffer.from('"en"').toString("base64")}` });
    expect(english.status).toBe(413);
    expect(english.body).toContain("<h1>What you sent is too large</h1>");
    // The server is fine afterwards.
    expect((await fetch(`${server.url}/login`)).status).toBe(200);
  });

  it("cuts off a POST streamed without a length at 1 MB, with the same page", async () => {
    const { result, grew } = await peakGrowth(() => bigPost("/login", 200 * MB));
    expect(result.status).toBe(413);
    expect(result.body).toContain("Et skjema kan være på høyst 1 MB.");
    expect(grew).toBeLessThan(40 * MB);
  });

  it("takes forms under the limit as before, declared or streamed", async () => {
    const body = `email=${"x".repeat(900 * 1024)}&password=feil`;
    for (const declared of [Buffer.byteLength(body), undefined]) {
      const res = await new Promise<number>((resolve, reject) => {
        const headers: Record<string, string | number> = { "Content-Type": "application/x-www-form-urlencoded" };
        if (declared !== undefined) headers["Content-Length"] = declared;
        const req = http.request(`${server.url}/login`, { method: "POST", headers }, (r) => {
          r.resume();
          resolve(r.statusCode!);
        });
        req.on("error", reject);
        req.end(body);
      });
      expect(res).toBe(400);
    }
  });

  it("refuses a transcript file above the upload limit with a 413 page that names the limits", async () => {
    const form = new FormData();
    form.set("intent", "upload");
    form.set("title", "For stor fil");
    form.set("clientKey", "limits-transcript-key-0001");
    form.set("file", new Blob([Buffer.alloc(12 * MB, "a")]), "stor.txt");
    const res = await fetch(`${server.url}/exchanges/3/transcripts`, { method: "POST", body: form, headers: { Cookie: researcher.cookieHeader() }, redirect: "manual" });
    expect(res.status).toBe(413);
    const html = await res.text();
    expect(html).toContain("En fil kan være på høyst 5 MB, og hele skjemaet med filen på høyst 10 MB.");
    expect(html).toContain('<a href="/exchanges/3/transcripts">');
  });
});

describe("a .docx zip bomb", () => {
  const upload = async (title: string, file: Uint8Array<ArrayBuffer>) => {
    const form = new FormData();
    form.set("intent", "upload");
    form.set("title", title);
    form.set("clientKey", `limits-${title.length}-key-000000`);
    form.set("file", new Blob([file]), "samling.docx");
    const res = await fetch(`${server.url}/exchanges/3/transcripts`, { method: "POST", body: form, headers: { Cookie: researcher.cookieHeader() }, redirect: "manual" });
    return { status: res.status, html: await res.text() };
  };
  const fieldError = (html: string) => /<p class="field-error" id="[^"]*file[^"]*">([^<]*)<\/p>/.exec(html)?.[1];

  it("that expands to 300 MB is refused at the field from its zip directory, with the title kept", { timeout: 60_000 }, async () => {
    const bomb = await zipBombDocx();
    expect(bomb.length).toBeLessThan(2 * MB);
    const { result, grew } = await peakGrowth(() => upload("Bombe", bomb));
    expect(result.status).toBe(400);
    expect(fieldError(result.html)).toBe("Dokumentet pakker seg ut til mer enn 25 MB og blir ikke lest. Lagre det på nytt uten bilder, eller lim inn teksten.");
    expect(result.html).toContain('value="Bombe"');
    expect(grew).toBeLessThan(40 * MB);
  });

  it("whose directory understates its size is stopped at the limit while it is inflated", { timeout: 60_000 }, async () => {
    const lying = await zipBombDocx({ declared: 1000 });
    const { result, grew } = await peakGrowth(() => upload("Lyver", lying));
    expect(result.status).toBe(400);
    expect(fieldError(result.html)).toContain("Dokumentet pakker seg ut til mer enn 25 MB");
    // The reader thread holds at most the 25 MB it may inflate, a few times over while mammoth would read it.
    expect(grew).toBeLessThan(200 * MB);
  });

  it("of a sensible size is still read", { timeout: 60_000 }, async () => {
    const { status, html } = await upload("Stor, men lovlig", await zipBombDocx({ expandedBytes: 200 * 1024 }));
    expect(status, fieldError(html)).toBe(302);
  });
});

// Benchmark: log-note submission. An authenticated POST of a whole note through the real route
// (/log, intent save-note: session lookup, codebook validation, identifier scan, durable insert,
// the post/redirect/get 302) on the built server, at 1, 8 and 32 concurrent clients, against a
// minimal node:http server doing one prepared better-sqlite3 insert per request in the same run.
// Both use WAL with synchronous=FULL. Then an in-process breakdown of where the time goes,
// including what Remix 2 itself does around the action (docs/decisions/log-write-path.md).
//
// Run: BUILD_DIR=.cache/build-x npm run bench -- log     (BENCH_SECONDS=10 by default;
// BENCH_HTTP=0 or BENCH_BREAKDOWN=0 leaves out one of the two parts)
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { eq } from "drizzle-orm";
import { users } from "../../db/schema";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { matchRoutes } from "@remix-run/react";
import { buildPaths } from "../../app/server/build-paths";
import { readConfig } from "../../app/server/config";
import { createServices } from "../../app/server/services.server";
import { getSessionUser, startSession } from "../../app/auth/session.server";
import { parseInstrumentForm } from "../../app/instruments/validate.server";
import { getLogAuthor, projectNameMatcher } from "../../app/logs/author.server";
import { findInAnswers, findingKinds } from "../../app/logs/identifiers";
import { logInstrument } from "../../app/logs/instrument.server";
import { todayInNorway } from "../../app/logs/months";
import { createNote } from "../../app/logs/notes.server";
import { startBareServer } from "../support/log-bare-server";
import { loginAs } from "../support/log-helpers";
import { identities, seedDemo } from "../support/seed";
import { startServer } from "../support/server";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONCURRENCY = [1, 8, 32];
const TARGET_RATIO = 0.3;
const TARGET_P99_MS = 50;

const fields = {
  intent: "save-note",
  dato: todayInNorway(),
  situasjon: "Flere deltakere startet i praksis denne uka, og vi fulgte opp arbeidsgiverne tett de første dagene.",
  bistand: "Besøkte arbeidsplassene, gikk gjennom oppfølgingsplanen og avtalte faste tider for neste besøk.",
  resultat: "Alle praksisplassene fortsetter, og to arbeidsgivere vurderer ansettelse med lønnstilskudd.",
  annerledes: "Kunne avtalt besøkene tidligere i uka.",
  god_praksis: "Korte besøk ofte virker bedre enn lange møter.",
  trinn: "4",
};
// autocannon puts a fresh url-safe id where [<id>] stands, so every request is a new note.
const body = `${new URLSearchParams(fields)}&draftKey=bench[<id>]`;

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  ok: number;
  other: number;
  /** CPU time the server process spent per acknowledged note (µs); robust when the machine is busy. */
  cpuUs: number;
}

/** CPU time (user + system) a process has used so far, in µs (Linux /proc; NaN elsewhere). */
function processCpuUs(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1e6) / 100; // utime, stime in USER_HZ (100)
  } catch {
    return NaN;
  }
}

async function load(url: string, connections: number, cookie: string, seconds: number, pid: number): Promise<Figures> {
  const cpuBefore = processCpuUs(pid);
  const result = await autocannon({
    url: `${url}/log`,
    method: "POST",
    connections,
    duration: seconds,
    body,
    idReplacement: true,
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
  });
  const ok = Number(result.statusCodeStats?.["302"]?.count ?? 0);
  const all = Object.values(result.statusCodeStats ?? {}).reduce((a, s) => a + Number(s.count), 0);
  const cpuUs = (processCpuUs(pid) - cpuBefore) / Math.max(ok, 1);
  return { rps: ok / result.duration, p50: result.latency.p50, p99: result.latency.p99, ok, other: all - ok + result.errors, cpuUs };
}

const fmt = (n: number, d = 0) => n.toFixed(d).padStart(7);

async function httpRuns() {
  const seeded = await seedDemo();
  const app = await startServer({ dataDir: seeded.dataDir });
  const bareDir = fs.mkdtempSync(path.join(os.tmpdir(), "medforsker-bare-"));
  const bare = await startBareServer(path.join(bareDir, "bare.db"));
  const rows: { c: number; app: Figures; bare: Figures }[] = [];
  try {
    const client = await loginAs(app.url, identities.jsA, seeded.passwords[identities.jsA]);
    const cookie = client.cookieHeader();
    // Warm both up (JIT, page cache, the first WAL checkpoint).
    const appPid = app.process.pid!;
    const barePid = bare.process.pid!;
    await load(app.url, 8, cookie, 2, appPid);
    await load(bare.url, 8, "", 2, barePid);
    for (const c of CONCURRENCY) {
      const appFigures = await load(app.url, c, cookie, SECONDS, appPid);
      const bareFigures = await load(bare.url, c, "", SECONDS, barePid);
      rows.push({ c, app: appFigures, bare: bareFigures });
    }
    // Durability check: every acknowledged note is in the app's database.
    const db = new Database(path.join(seeded.dataDir, "medforsker.db"), { readonly: true });
    const stored = (db.prepare("select count(*) n from log_notes where client_key like 'bench%'").get() as { n: number }).n;
    db.close();
    const acknowledged = rows.reduce((a, r) => a + r.app.ok, 0);
    console.log(`\nNotes stored by the app: ${stored} (acknowledged in the measured runs: ${acknowledged}, plus the warm-up)`);
    if (stored < acknowledged) throw new Error("acknowledged notes are missing from the database");
  } finally {
    await app.stop();
    await bare.stop();
  }
  console.log(`\nLoad average during the runs: ${os.loadavg().map((l) => l.toFixed(2)).join(" ")} on ${os.cpus().length} cores (other work on the machine skews every figure).`);
  console.log("\nclients | app notes/s   p50 ms   p99 ms  CPU µs/note | bare inserts/s   p50 ms   p99 ms  CPU µs/insert | app / bare");
  for (const r of rows) {
    console.log(
      `${String(r.c).padStart(7)} | ${fmt(r.app.rps)}     ${fmt(r.app.p50, 1)}  ${fmt(r.app.p99, 1)}      ${fmt(r.app.cpuUs)} | ${fmt(r.bare.rps)}        ${fmt(r.bare.p50, 1)}  ${fmt(r.bare.p99, 1)}        ${fmt(r.bare.cpuUs)} | ${(r.app.rps / r.bare.rps).toFixed(2)}` +
        (r.app.other || r.bare.other ? `   (non-302/errors: app ${r.app.other}, bare ${r.bare.other})` : ""),
    );
  }
  const at32 = rows.find((r) => r.c === 32)!;
  const ratio = at32.app.rps / at32.bare.rps;
  console.log(
    `\nTarget at 32 clients: app ≥ ${TARGET_RATIO} × bare and p99 ≤ ${TARGET_P99_MS} ms → ratio ${ratio.toFixed(2)}, p99 ${at32.app.p99} ms: ` +
      (ratio >= TARGET_RATIO && at32.app.p99 <= TARGET_P99_MS ? "met" : "NOT met (see the breakdown below)"),
  );
  console.log(
    `Server CPU per note at 32 clients: app ${at32.app.cpuUs.toFixed(0)} µs, bare ${at32.bare.cpuUs.toFixed(0)} µs ` +
      `(CPU-bound, the app can reach at most ${(at32.bare.cpuUs / at32.app.cpuUs).toFixed(2)} × bare; by Little's law its mean latency at 32 clients is at least 32 × ${(at32.app.cpuUs / 1000).toFixed(2)} ms = ${((32 * at32.app.cpuUs) / 1000).toFixed(0)} ms).`,
  );
}

/** Where the time of one submission goes, measured in this process without HTTP. */
async function breakdown() {
  const seeded = await seedDemo();
  process.env.NODE_ENV = "production";
  const config = readConfig({ ...process.env, DATABASE_PATH: path.join(seeded.dataDir, "medforsker.db") });
  const services = createServices(config);
  // The server makes a load context per request; the session is cached on it.
  const context = () => ({ ...services, nonce: "bench", clientAddress: "127.0.0.1" });
  const build = (await import(pathToFileURL(buildPaths().serverFile).href)) as ServerBuild;
  const handler = createRequestHandler(build, "production");
  const action = build.routes["routes/log._index"].module.action!;
  // Remix's route tree, as its request handler builds it from the manifest.
  type RouteTree = Parameters<typeof matchRoutes>[0];
  const tree = (parentId?: string): RouteTree =>
    Object.values(build.routes)
      .filter((r) => r.parentId === parentId)
      .map((r) => ({ id: r.id, path: r.path, index: r.index, caseSensitive: r.caseSensitive, children: tree(r.id) }) as RouteTree[number]);
  const routes = tree(undefined);
  const user = services.db.select({ id: users.id }).from(users).where(eq(users.email, identities.jsA)).get()!;
  const cookie = (await startSession(context(), user.id)).split(";")[0];
  const sessionUser = (await getSessionUser(new Request("http://x/", { headers: { cookie } }), context()))!;
  const author = getLogAuthor(services.db, sessionUser)!;
  const { form, shape } = logInstrument(services);
  let n = 0;
  const request = () =>
    new Request("http://127.0.0.1/log", {
      method: "POST",
      headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
      body: `${new URLSearchParams(fields)}&draftKey=breakdown-${process.pid}-${n++}`,
    });
  // What Remix does to the request before the action sees it (stripIndexParam, stripRoutesParam).
  const copy = (r: Request) => new Request(new URL(r.url).href, { method: r.method, body: r.body, headers: r.headers, signal: r.signal, duplex: "half" } as RequestInit);
  const formData = await request().formData();
  const answers = (parseInstrumentForm(form, formData, "nb") as { answers: Record<string, string | number | null> }).answers;
  const bareDb = new Database(path.join(seeded.dataDir, "bare.db"));
  bareDb.pragma("journal_mode = WAL");
  bareDb.pragma("synchronous = FULL");
  bareDb.exec("create table notes (id integer primary key, client_key text not null unique, answers text not null)");
  const bareInsert = bareDb.prepare("insert into notes (client_key, answers) values (?, ?)");

  const steps: [string, () => unknown | Promise<unknown>][] = [
    ["whole request through Remix (no HTTP)", async () => (await handler(request(), context())).status],
    ["  the route's action alone, called directly", async () => ((await action({ request: request(), context: context(), params: {} })) as Response).status],
    ["    session lookup (signed cookie + query)", () => getSessionUser(new Request("http://x/", { headers: { cookie } }), context())],
    ["    reading the form body", () => request().formData()],
    ["    validation from the codebook", () => parseInstrumentForm(form, formData, "nb")],
    ["    identifier scan", () => findingKinds(findInAnswers(answers, shape.texts.map((t) => t.name), { names: projectNameMatcher(services.db, author.projectId) }))],
    ["    storing the note (transaction, fsync)", () => createNote(services.db, author, shape, `breakdown-store-${n++}`, { answers, instrumentId: form.id, instrumentVersion: form.version, flags: [] })],
    ["  Remix: one route match (two per request)", () => matchRoutes(routes, "/log")],
    ["  Remix: one copy of the request (two per action)", () => copy(request())],
    ["  Remix: reading the form body after the two copies", () => copy(copy(request())).formData()],
    ["  Remix: a route with no work (405)", async () => (await handler(new Request("http://127.0.0.1/log/autosave"), context())).status],
    ["bare: one prepared insert (fsync)", () => bareInsert.run(`bare-${n++}`, JSON.stringify(answers))],
  ];
  // The least of 10 rounds of 150: other work on the machine only ever adds time, so the fastest
  // round is the closest to the cost itself.
  console.log("\nBreakdown, one request at a time in this process (µs per call, the fastest of 10 rounds of 150 after 300 warm-up; wall and this process's CPU):");
  const wall = new Map<string, number>();
  for (const [label, fn] of steps) {
    for (let i = 0; i < 300; i++) await fn();
    let best = Infinity;
    let bestCpu = Infinity;
    for (let round = 0; round < 10; round++) {
      const cpu = process.cpuUsage();
      const start = process.hrtime.bigint();
      for (let i = 0; i < 150; i++) await fn();
      best = Math.min(best, Number(process.hrtime.bigint() - start) / 150 / 1000);
      const used = process.cpuUsage(cpu);
      bestCpu = Math.min(bestCpu, (used.user + used.system) / 150);
    }
    wall.set(label.trim(), best);
    console.log(`${label.padEnd(52)} ${best.toFixed(0).padStart(6)} µs   CPU ${bestCpu.toFixed(0).padStart(6)} µs`);
  }
  const at = (label: string) => wall.get(label)!;
  const around = at("whole request through Remix (no HTTP)") - at("the route's action alone, called directly");
  const known =
    2 * at("Remix: one route match (two per request)") +
    2 * at("Remix: one copy of the request (two per action)") +
    at("Remix: reading the form body after the two copies") -
    at("reading the form body");
  console.log(
    `Remix around the action (whole − action): ${around.toFixed(0)} µs, of which two route matches, two request copies and the slower body read through them ${known.toFixed(0)} µs.`,
  );
  bareDb.close();
  services.sqlite.close();
}

if (process.env.BENCH_HTTP !== "0") await httpRuns();
if (process.env.BENCH_BREAKDOWN !== "0") await breakdown();

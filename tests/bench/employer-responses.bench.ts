// `npm run bench -- employer`: complete employer responses per second through the real routes,
// at 1, 4 and 8 concurrent clients, each response with a fresh single-use link:
//   GET /s/<token> (303, cookie) → GET /s (the questionnaire) → POST /s (the answers, 303)
// and, as a browser does, also with the thank-you page the POST redirects to (GET /s/done).
// The server is the built app (`npm start`'s code) on its own SQLite file with the demo data.
// Reported: responses/s, latency of a whole response (p50/p99), and the server's CPU time per
// response (user + system of the server process and its threads, from /proc).
// For comparison (issue 4): LimeSurvey 6.4.2 behind nginx + php-fpm did 1.8 / 3.7 / 3.35
// complete responses per second on this kind of 2-core machine (about 0.5 CPU-s per response).
import fs from "node:fs";
import http from "node:http";
import { Client } from "../support/http";
import { identities, seedDemo } from "../support/seed";
import { startServer, type RunningServer } from "../support/server";
import { answerForm, employerSurvey } from "../support/survey-answers";

const LEVELS = [1, 4, 8];
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
/** Runs per level; the best is reported (other processes on the machine only ever slow a run down). */
const REPEAT = Number(process.env.BENCH_REPEAT ?? 3);
const WARMUP_SECONDS = 1.5;
const LIMESURVEY: Record<number, number> = { 1: 1.8, 4: 3.7, 8: 3.35 };

function fail(message: string): never {
  throw new Error(message);
}

/** CPU seconds (user + system) of a process and all its descendants, from /proc. */
function treeCpuSeconds(rootPid: number): number {
  const ticks = 100; // USER_HZ on Linux
  const stats = new Map<number, { ppid: number; cpu: number }>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      stats.set(Number(entry), { ppid: Number(fields[1]), cpu: (Number(fields[11]) + Number(fields[12])) / ticks });
    } catch {
      /* gone */
    }
  }
  let total = 0;
  const queue = [rootPid];
  while (queue.length) {
    const pid = queue.pop()!;
    total += stats.get(pid)?.cpu ?? 0;
    for (const [child, s] of stats) if (s.ppid === pid) queue.push(child);
  }
  return total;
}

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
}

/** One employer's browser: a keep-alive connection of its own, no JavaScript. */
class Employer {
  private agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  constructor(private port: number) {}

  request(method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Reply> {
    return new Promise((resolve, reject) => {
      const req = http.request(
        { host: "127.0.0.1", port: this.port, method, path, agent: this.agent, headers: body ? { ...headers, "Content-Type": "application/x-www-form-urlencoded", "Content-Length": Buffer.byteLength(body) } : headers },
        (res) => {
          res.on("data", () => undefined);
          res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
          res.on("error", reject);
        },
      );
      req.on("error", reject);
      if (body) req.write(body);
      req.end();
    });
  }

  /** One complete response with a fresh link (optionally following the redirect to the thank-you page). */
  async respond(token: string, body: string, thanks: boolean): Promise<void> {
    const open = await this.request("GET", `/s/${token}`, { "Accept-Encoding": "gzip, br" });
    if (open.status !== 303) fail(`GET /s/<token>: ${open.status}`);
    const cookie = String(open.headers["set-cookie"]?.[0] ?? "").split(";")[0];
    const page = await this.request("GET", "/s", { Cookie: cookie, "Accept-Encoding": "gzip, br" });
    if (page.status !== 200) fail(`GET /s: ${page.status}`);
    const sent = await this.request("POST", "/s", { Cookie: cookie, Origin: `http://127.0.0.1:${this.port}`, "Accept-Encoding": "gzip, br" }, body);
    if (sent.status !== 303 || sent.headers.location !== "/s/done") fail(`POST /s: ${sent.status}`);
    if (!thanks) return;
    const done = await this.request("GET", "/s/done", { "Accept-Encoding": "gzip, br" });
    if (done.status !== 200) fail(`GET /s/done: ${done.status}`);
  }

  close() {
    this.agent.destroy();
  }
}

async function login(server: RunningServer, email: string, password: string) {
  const client = new Client(server.url);
  const res = await client.post("/login", { email, password });
  if (res.status !== 200) fail(`login ${email}: ${res.status}`);
  return client;
}

/** Fresh links through the job specialist's own route (500 per request, the maximum). */
async function issue(specialist: Client, waveId: number, count: number): Promise<string[]> {
  const tokens: string[] = [];
  while (tokens.length < count) {
    const n = Math.min(500, count - tokens.length);
    const res = await specialist.request("POST", `/waves/${waveId}`, { intent: "links", count: String(n), requestKey: `bench${Date.now()}${tokens.length}` });
    const batch = /\/links\/([A-Za-z0-9_-]+)$/.exec(res.headers.get("Location") ?? "")?.[1] ?? fail(`links: ${res.status}`);
    const csv = await (await specialist.request("GET", `/waves/${waveId}/links/${batch}.csv`)).text();
    for (const line of csv.trim().split(/\r?\n/).slice(1)) tokens.push(line.split(";")[2].split("/s/")[1]);
  }
  return tokens;
}

function percentile(sorted: number[], p: number) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
}

async function run(port: number, clients: number, seconds: number, tokens: string[], bodies: string[], thanks: boolean) {
  const employers = Array.from({ length: clients }, () => new Employer(port));
  const latencies: number[] = [];
  let next = 0;
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    employers.map(async (employer) => {
      while (performance.now() < deadline) {
        const i = next++;
        if (i >= tokens.length) fail("ran out of links; raise the count issued");
        const t0 = performance.now();
        await employer.respond(tokens[i], bodies[i % bodies.length], thanks);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  employers.forEach((e) => e.close());
  latencies.sort((a, b) => a - b);
  return { responses: latencies.length, elapsed, used: next, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

async function main() {
  const seeded = await seedDemo();
  const server = await startServer({ dataDir: seeded.dataDir });
  try {
    const researcher = await login(server, identities.researcher, seeded.passwords[identities.researcher]);
    const specialist = await login(server, identities.jsA, seeded.passwords[identities.jsA]);
    const form = await (await researcher.get("/waves/new")).text();
    const projectId = /<option value="(\d+)"[^>]*>Supported Employment/.exec(form)?.[1] ?? fail("no demo project");
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Oslo" }).format(new Date());
    const created = await researcher.request("POST", "/waves/new", {
      projectId,
      instrumentId: "employer-survey",
      title: "Benchmark",
      infoNb: "Benchmark",
      infoEn: "Benchmark",
      openDate: today,
      closeDate: "2099-12-31",
      minAnswers: "5",
    });
    const waveId = Number(/\/waves\/(\d+)$/.exec(created.headers.get("Location") ?? "")?.[1] ?? fail("no wave"));
    const instrument = employerSurvey();
    const bodies = Array.from({ length: 64 }, (_, i) => answerForm(instrument, i).toString());
    // Enough fresh links for 1,000 responses a second (far above what one server thread does).
    const perLevel = (_clients: number) => Math.ceil((SECONDS + WARMUP_SECONDS) * 1000) + 500;
    const tokens = await issue(specialist, waveId, 2 * REPEAT * LEVELS.reduce((sum, c) => sum + perLevel(c), 0));
    const pid = server.process.pid!;

    console.log(`employer responses through the real routes (best of ${REPEAT} runs of ${SECONDS} s per level, a fresh link for each response)`);
    console.log("flow                          clients  responses/s  p50 ms  p99 ms  server CPU ms/response  vs LimeSurvey");
    let offset = 0;
    const results: Record<string, number> = {};
    for (const thanks of [false, true]) {
      for (const clients of LEVELS) {
        let best: { rate: number; p50: number; p99: number; cpu: number } | null = null;
        for (let attempt = 0; attempt < REPEAT; attempt++) {
          const slice = tokens.slice(offset, offset + perLevel(clients));
          offset += perLevel(clients);
          const warm = await run(server.port, clients, WARMUP_SECONDS, slice, bodies, thanks);
          const rest = slice.slice(warm.used);
          const cpu0 = treeCpuSeconds(pid);
          const r = await run(server.port, clients, SECONDS, rest, bodies, thanks);
          const cpu = (treeCpuSeconds(pid) - cpu0) / r.responses;
          const rate = r.responses / r.elapsed;
          if (!best || rate > best.rate) best = { rate, p50: r.p50, p99: r.p99, cpu };
        }
        results[`${thanks}:${clients}`] = best!.rate;
        console.log(
          `${(thanks ? "link+GET+POST+thank-you (4)" : "link+GET+POST (3 requests)").padEnd(28)}  ${String(clients).padStart(7)}  ${best!.rate.toFixed(0).padStart(11)}  ${best!.p50.toFixed(1).padStart(6)}  ${best!.p99.toFixed(1).padStart(6)}  ${(best!.cpu * 1000).toFixed(2).padStart(22)}  ${(best!.rate / LIMESURVEY[clients]).toFixed(0).padStart(11)}×`,
        );
      }
    }
    const stored = Number(
      /Svar (\d+)/.exec((await (await researcher.get(`/waves/${waveId}`)).text()).replace(/<[^>]+>/g, " ").replace(/\s+/g, " "))?.[1] ?? 0,
    );
    const at4 = results["false:4"];
    console.log(`answers stored: ${stored}; target at 4 clients: ≥ 370/s (100 × LimeSurvey): ${at4.toFixed(0)}/s – ${at4 >= 370 ? "met" : "NOT met"}`);
  } finally {
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

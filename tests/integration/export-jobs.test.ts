// Exports as jobs off the web request, over real HTTP against the built app with 60,000 more log
// notes than the demo: the form answers at once with the job's page, which shows progress and
// refreshes itself; the server answers other requests meanwhile; a job queued behind another is
// refused on its page with the way back to the form; and a kill -9 in the middle of an export
// leaves nothing half-made once the server is up again, with the job marked as interrupted.
import { existsSync, readFileSync, readdirSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { afterExportForm } from "../support/exports";
import { Client } from "../support/http";
import { identities, seedDemo } from "../support/seed";
import { startServer, type RunningServer } from "../support/server";

const NOTES = 60_000;
let server: RunningServer;
let dataDir: string;
let password: string;
let researcher: Client;

const exportsDir = () => path.join(dataDir, "exports");
const workDirs = () => (existsSync(path.join(exportsDir(), ".work")) ? readdirSync(path.join(exportsDir(), ".work")) : []);
const zips = () => readdirSync(exportsDir()).filter((f) => f.endsWith(".zip"));
const inputValue = (html: string, name: string) => {
  const m = new RegExp(`<input[^>]*name="${name}"[^>]*>`).exec(html);
  return m ? (/value="([^"]*)"/.exec(m[0])?.[1] ?? "") : null;
};
/** The nice value of each thread of a process, by thread id (Linux /proc). */
function threadNiceValues(pid: number): Map<number, number> {
  return new Map(
    readdirSync(`/proc/${pid}/task`).map((tid) => {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8");
      return [Number(tid), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16])] as const;
    }),
  );
}
const visible = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, "").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

function query<T>(sql: string, ...params: unknown[]): T {
  const db = new Database(server.databasePath, { readonly: true });
  try {
    return db.prepare(sql).get(...params) as T;
  } finally {
    db.close();
  }
}
const job = (id: number) => query<{ state: string; done: number; total: number | null; exportId: number | null }>("SELECT state, done_rows AS done, total_rows AS total, export_id AS exportId FROM export_jobs WHERE id = ?", id);

async function login(): Promise<Client> {
  const client = new Client(server.url);
  expect((await client.post("/login", { email: identities.researcher, password })).status).toBe(200);
  return client;
}

/** Posts the export form; the job's id and where the answer sent us. */
async function requestExport(requestKey: string, fields: Record<string, string> = {}) {
  const body = new URLSearchParams({ project: "afi-2017", intent: "export", requestKey, dataset: "log", format: "xlsx", language: "nb", pseudonyms: "stable", dates: "month", ...fields });
  const res = await researcher.request("POST", "/exports", body);
  expect(res.status).toBe(302);
  const location = res.headers.get("Location")!;
  const { id } = query<{ id: number }>("SELECT id FROM export_jobs WHERE request_key = ?", requestKey);
  return { id, location };
}

async function until<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  const seeded = await seedDemo();
  dataDir = seeded.dataDir;
  password = seeded.passwords[identities.researcher];
  const db = new Database(path.join(dataDir, "medforsker.db"));
  const months = db.prepare("SELECT m.author_id AS author, m.month, u.case_project_id AS cp FROM log_months m JOIN users u ON u.id = m.author_id WHERE m.status = 'submitted' ORDER BY 1, 2").all() as { author: number; month: string; cp: number }[];
  const insert = db.prepare("INSERT INTO log_notes (project_id, author_id, case_project_id, client_key, month, date, step, instrument_id, instrument_version, answers) VALUES (1, ?, ?, ?, ?, ?, 2, 'log-entry', 1, ?)");
  db.transaction(() => {
    for (let i = 0; i < NOTES; i++) {
      const m = months[i % months.length];
      const answers = { dato: `${m.month}-10`, situasjon: `Notat ${i}: samtale med arbeidsgiver om praksisplass og språkopplæring.`, bistand: "Oppfølging på arbeidsplassen.", resultat: "Avtale om ny samtale.", annerledes: null, god_praksis: null, trinn: 2 };
      insert.run(m.author, m.cp, `jobs-${i}`, m.month, `${m.month}-10`, JSON.stringify(answers));
    }
  })();
  db.close();
  server = await startServer({ dataDir });
  researcher = await login();
}, 180_000);

afterAll(async () => {
  await server?.stop();
});

describe("an export made as a job", () => {
  it("answers the form at once with the job's page, which shows progress and refreshes itself, and leads to the package", { timeout: 300_000 }, async () => {
    await researcher.get("/exports");
    const big = await requestExport("jobs-test-key-big-0001");
    // The form came back before the package was made: the export does not run in the request.
    expect(big.location).toBe(`/exports/jobs/${big.id}`);
    expect(["queued", "running"]).toContain(job(big.id).state);

    // A request that cannot be exported, queued behind the big one, gets the job page too.
    const empty = await requestExport("jobs-test-key-empty-001", { from: "2030-01", to: "2030-02" });
    expect(empty.location).toBe(`/exports/jobs/${empty.id}`);
    const waiting = await (await researcher.get(empty.location)).text();
    expect(waiting).toContain("<h1>Eksporten venter på tur</h1>");
    expect(waiting).toContain("En annen eksport lages først.");

    // The big one's page while it runs: a progress bar with rows done of all, and a refresh for
    // browsers without JavaScript; meanwhile the server answers other pages.
    const seen = await until("progress on the job page", async () => {
      const res = await researcher.request("GET", big.location);
      if (res.status !== 200) return false;
      const html = await res.text();
      const m = /Anonymiserer og skriver: ([\d\s]+) av ([\d\s]+) rader/.exec(visible(html));
      return m && Number(m[1].replace(/\s/g, "")) > 0 && Number(m[1].replace(/\s/g, "")) < Number(m[2].replace(/\s/g, "")) ? html : false;
    });
    expect(seen).toContain("<h1>Eksporten lages</h1>");
    expect(seen).toMatch(/<progress id="job-progress" max="\d+" value="\d+"/);
    expect(seen).toContain('<noscript><meta http-equiv="refresh" content="2"/></noscript>');
    const centre = await (await researcher.get("/exports")).text();
    expect(centre).toContain("<h2>I arbeid</h2>");
    expect(centre).toContain(`href="/exports/jobs/${big.id}"`);
    expect((await researcher.request("GET", "/accessibility")).status).toBe(200);
    expect(job(big.id).state).toBe("running");
    // The export's thread has the lowest priority, so the thread answering everyone keeps the CPU.
    const nice = threadNiceValues(server.process.pid!);
    expect([...nice.values()]).toContain(19);
    expect(nice.get(server.process.pid!)).toBeLessThan(19);

    const after = await afterExportForm(researcher, big.location);
    expect(after.exportId).toBe(job(big.id).exportId);
    const zip = await researcher.request("GET", `/exports/${after.exportId}/download`);
    const files = unzipSync(new Uint8Array(await zip.arrayBuffer()));
    expect(Object.keys(files)).toContain("afi-2017-log-datasett.xlsx");
    expect(JSON.parse(new TextDecoder().decode(files["manifest.json"])).dataset.rows).toBeGreaterThan(NOTES);

    // The empty one ran after it and was refused; its page leads back to the form, with the
    // reason and the choices as they were sent.
    const refused = await afterExportForm(researcher, empty.location);
    expect(refused.exportId).toBeNull();
    const page = (refused as { html: string }).html;
    expect(page).toContain("<h1>Eksporten kunne ikke lages</h1>");
    expect(page).toContain("Utvalget har ingen rader");
    const back = /href="(\/exports\?project=afi-2017&amp;job=\d+)"/.exec(page)![1].replace(/&amp;/g, "&");
    const form = await (await researcher.get(back)).text();
    expect(form).toContain("Utvalget har ingen rader");
    expect(inputValue(form, "from")).toBe("2030-01");
    expect(/<input[^>]*name="format"[^>]*value="xlsx"[^>]*>/.exec(form)?.[0]).toContain('checked=""');

    // Nothing is left behind: no work folders, and every zip is a recorded package.
    expect(workDirs()).toEqual([]);
    expect(zips()).toEqual([query<{ storedAs: string }>("SELECT stored_as AS storedAs FROM export_packages WHERE id = ?", after.exportId).storedAs]);
  });

  it("killed with kill -9 leaves nothing half-made, and after a restart its page says it was interrupted", { timeout: 300_000 }, async () => {
    const before = zips();
    const crash = await requestExport("jobs-test-key-crash-001");
    await until("the export to be under way", () => {
      const j = job(crash.id);
      return j.state === "running" && j.done > 0 && workDirs().includes(`job-${crash.id}`);
    });
    await server.stop("SIGKILL");
    // What the kill left: the job's work folder (its scrubbed files and unfinished zip), no package.
    expect(readdirSync(path.join(exportsDir(), ".work", `job-${crash.id}`)).length).toBeGreaterThan(0);
    expect(zips()).toEqual(before);
    // And an empty zip left by an earlier crash of an older version, named as packages are.
    const orphan = path.join(exportsDir(), "20260101-0900-0b6f1c3e-8d7a-4c55-9a51-3f2d6a1e7c90.zip");
    writeFileSync(orphan, "");
    utimesSync(orphan, new Date(Date.now() - 3_600_000), new Date(Date.now() - 3_600_000));

    server = await startServer({ dataDir });
    researcher = await login();
    const after = await afterExportForm(researcher, crash.location, 60_000);
    expect(after.exportId).toBeNull();
    const page = (after as { html: string }).html;
    expect(page).toContain("<h1>Eksporten mislyktes</h1>");
    expect(page).toContain("Eksporten ble avbrutt fordi Medforsker stoppet mens den ble laget.");
    expect(job(crash.id).state).toBe("failed");
    await until("the leftovers to be swept", () => workDirs().length === 0);
    expect(zips()).toEqual(before);
    const centre = visible(await (await researcher.get("/exports")).text());
    expect(centre).toMatch(/I arbeid.*Loggnotater.*xlsx Mislyktes/);
  });
});

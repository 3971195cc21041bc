// The export centre over real HTTP (a browser without JavaScript): preview, errors next to the
// fields with the values kept, one package per request key, the download and its hash, the audit
// log, the redaction review changing later exports, and the same export from the command line.
import crypto from "node:crypto";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { unzipSync } from "fflate";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { afterExportForm, exportIdAfter } from "../support/exports";
import { Client } from "../support/http";
import { identities, seedDemo } from "../support/seed";
import { startServer, tempDataDir, type RunningServer } from "../support/server";

let server: RunningServer;
let researcher: Client;
let js: Client;
let passwords: Record<string, string> = {};

const KEY = "export-centre-key-0001";
const form = (fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
  return body;
};
const base = { project: "afi-2017", format: "sav", language: "nb", pseudonyms: "stable", dates: "month" };

function inputValue(html: string, name: string): string | null {
  const m = new RegExp(`<input[^>]*name="${name}"[^>]*>`).exec(html);
  return m ? (/value="([^"]*)"/.exec(m[0])?.[1] ?? "") : null;
}

/** The form again from the way back of a job page that says its request was refused. */
async function refusedOnJobPage(location: string): Promise<string> {
  const after = await afterExportForm(researcher, location);
  expect(after.exportId).toBeNull();
  const back = /href="(\/exports\?project=afi-2017&amp;job=\d+)"/.exec((after as { html: string }).html)![1].replace(/&amp;/g, "&");
  return (await researcher.get(back)).text();
}

function database() {
  return new Database(server.databasePath, { readonly: true });
}

beforeAll(async () => {
  const seeded = await seedDemo();
  passwords = seeded.passwords;
  server = await startServer({ dataDir: seeded.dataDir });
  researcher = new Client(server.url);
  expect((await researcher.post("/login", { email: identities.researcher, password: passwords[identities.researcher] })).status).toBe(200);
  js = new Client(server.url);
  expect((await js.post("/login", { email: identities.jsA, password: passwords[identities.jsA] })).status).toBe(200);
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

describe("the export centre", () => {
  it("offers every data set and format of the project, with a fresh request key", async () => {
    const res = await researcher.get("/exports");
    expect(res.status).toBe(200);
    const html = await res.text();
    for (const label of ["Loggnotater", "Spørreundersøkelse blant arbeidsgivere", "Individrapporter", "Forberedelser til erfaringsutvekslinger", "Transkripsjoner fra erfaringsutvekslinger"]) expect(html).toContain(label);
    for (const f of ["sav", "sps", "xlsx", "docx", "qdpx", "csv"]) expect(html).toContain(`value="${f}"`);
    expect(inputValue(html, "requestKey")).toMatch(/^[A-Za-z0-9_-]{24}$/);
  });

  it("previews the variables and what the anonymisation will do, without making a package", async () => {
    const res = await researcher.post("/exports", form({ ...base, intent: "preview", requestKey: KEY, dataset: "employer-survey", wave: "1" }));
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Forhåndsvisning");
    expect(html).toContain("45 rader");
    expect(html).toContain("q1_oppfolging_info");
    expect(html).toContain("pseudonymisert");
    const db = database();
    expect((db.prepare("SELECT count(*) AS n FROM export_packages").get() as { n: number }).n).toBe(0);
    db.close();
  });

  it("puts each error next to its field and keeps what was typed", async () => {
    const res = await researcher.post("/exports", form({ ...base, intent: "export", requestKey: KEY, dataset: "log", from: "2018-05", to: "2018-01" }));
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toMatch(/<p class="field-error" id="[^"]*to[^"]*">Til-måneden kan ikke være før fra-måneden<\/p>/);
    expect(inputValue(html, "from")).toBe("2018-05");
    expect(inputValue(html, "to")).toBe("2018-01");
    const noWave = await researcher.post("/exports", form({ ...base, intent: "export", requestKey: KEY, dataset: "employer-survey" }));
    expect(noWave.status).toBe(400);
    expect(await noWave.text()).toContain("Velg en bølge av spørreundersøkelsen i dette prosjektet");
    // No rows: the export's job refuses it, at the field at once when its worker is ready, or
    // else on the job's page, whose way back shows the form with the reason and the choices.
    const nothing = await researcher.request("POST", "/exports", form({ ...base, intent: "export", requestKey: KEY, dataset: "log", from: "2030-01", to: "2030-02" }));
    const refused = nothing.status === 302 ? await refusedOnJobPage(nothing.headers.get("Location")!) : (expect(nothing.status).toBe(400), await nothing.text());
    expect(refused).toContain("Utvalget har ingen rader");
    expect(inputValue(refused, "from")).toBe("2030-01");
  });

  let exportId = 0;
  it("makes one package per request key, however often the form is posted", async () => {
    const body = form({ ...base, intent: "export", requestKey: KEY, dataset: "log", format: "xlsx", from: "2017-09", to: "2018-06", cases: ["1", "2"] });
    const first = await researcher.request("POST", "/exports", body);
    expect(first.status).toBe(302);
    // The export page at once, or the page of its job until it is made.
    const location = first.headers.get("Location")!;
    expect(location).toMatch(/^\/exports\/(jobs\/)?\d+$/);
    exportId = await exportIdAfter(researcher, location);
    const again = await researcher.request("POST", "/exports", body);
    expect(again.headers.get("Location")).toBe(`/exports/${exportId}`);
    const db = database();
    expect((db.prepare("SELECT count(*) AS n FROM export_packages WHERE request_key = ?").get(KEY) as { n: number }).n).toBe(1);
    expect(db.prepare("SELECT state, export_id AS exportId, via FROM export_jobs WHERE request_key = ?").all(KEY)).toEqual([{ state: "done", exportId, via: "web" }]);
    const row = db.prepare("SELECT manifest FROM export_packages WHERE id = ?").get(exportId) as { manifest: string };
    db.close();
    const manifest = JSON.parse(row.manifest);
    // The selection by name, never by database id.
    expect(manifest.filters).toEqual({ period: { from: "2017-09", to: "2018-06" }, caseProjects: ["Jobbsjansen i NAV Bjerke, Oslo", "Jobbsjansen i NAV Søndre Nordstrand, Oslo"] });
    expect(manifest.createdBy).toMatchObject({ name: "Forsker Demosen", via: "web" });
  });

  it("shows the export with its manifest, and serves the zip with the hash it shows", async () => {
    const page = await (await researcher.get(`/exports/${exportId}`)).text();
    const sha = /SHA-256 av manifest\.json[^:]*: ([0-9a-f]{64})/.exec(page)![1];
    expect(page).toContain("manifest");
    const res = await researcher.request("GET", `/exports/${exportId}/download`);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/zip");
    expect(res.headers.get("Content-Disposition")).toMatch(/^attachment; filename="medforsker-afi-2017-log-xlsx-\d{4}-\d{2}-\d{2}-\d{4}\.zip"$/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    const unzipped = unzipSync(bytes);
    expect(crypto.createHash("sha256").update(unzipped["manifest.json"]).digest("hex")).toBe(sha);
    const manifest = JSON.parse(new TextDecoder().decode(unzipped["manifest.json"]));
    for (const f of manifest.files) expect(crypto.createHash("sha256").update(unzipped[f.path]).digest("hex")).toBe(f.sha256);
    const files = Object.keys(unzipped).sort();
    expect(files).toEqual(["afi-2017-log-datasett.xlsx", "afi-2017-log-klassifisering.csv", "afi-2017-log-klassifisering.xlsx", "codebook.md", "kodebok.md", "manifest.json", "manifest.txt"]);
    expect((await js.request("GET", `/exports/${exportId}/download`)).status).toBe(403);
  });

  it("records the export and the download in the audit log researchers read", async () => {
    const html = await (await researcher.get("/audit?kind=export")).text();
    expect(html).toMatch(/Forsker Demosen lastet ned eksporten av loggnotater fra «Supported Employment/);
    expect(html).toContain("export.created");
    expect(html).toContain("export.downloaded");
    expect(html).toContain(`export:${exportId}`);
    expect((await js.request("GET", "/audit")).status).toBe(403);
  });
});

describe("the redaction review", () => {
  it("shows what would be redacted, and added terms are redacted in later exports", async () => {
    const page = await researcher.get("/exports/review?project=afi-2017&dataset=log");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Foreslått sladding: Loggnotater");
    const key = inputValue(html, "requestKey")!;
    const saved = await researcher.request("POST", "/exports/review?project=afi-2017&dataset=log", new URLSearchParams({ requestKey: key, terms: "nettverket\nJobbsmaking", note: "Testgjennomgang" }));
    expect(saved.status).toBe(302);
    expect(saved.headers.get("Location")).toBe("/exports/review?project=afi-2017&dataset=log&saved=1");
    // The same form twice is one review.
    await researcher.request("POST", "/exports/review?project=afi-2017&dataset=log", new URLSearchParams({ requestKey: key, terms: "nettverket\nJobbsmaking" }));
    const after = await (await researcher.get("/exports/review?project=afi-2017&dataset=log&saved=1")).text();
    expect(after).toContain("Gjennomgangen er lagret.");
    expect(after).toContain("[SLADDET]");
    const made = await researcher.request("POST", "/exports", form({ ...base, intent: "export", requestKey: "export-centre-key-0002", dataset: "log", format: "csv" }));
    const id = await exportIdAfter(researcher, made.headers.get("Location")!);
    const bytes = new Uint8Array(await (await researcher.request("GET", `/exports/${id}/download`)).arrayBuffer());
    const csv = new TextDecoder().decode(unzipSync(bytes)["afi-2017-log.csv"]);
    expect(csv).not.toMatch(/(?<![\p{L}])(nettverket|jobbsmaking)(?![\p{L}])/iu);
    expect(csv).toContain("[SLADDET]");
    const manifest = JSON.parse(new TextDecoder().decode(unzipSync(bytes)["manifest.json"]));
    const scrub = manifest.steps.find((s: { id: string }) => s.id === "scrub");
    expect(scrub.counts["redacted.term"]).toBeGreaterThan(0);
    expect(scrub.counts.review).not.toBe("none");
    const db = database();
    expect((db.prepare("SELECT count(*) AS n FROM export_reviews").get() as { n: number }).n).toBe(1);
    expect((db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'export.review_saved'").get() as { n: number }).n).toBe(1);
    db.close();
  });
});

describe("names nobody registered in the review", () => {
  const review = "/exports/review?project=afi-2017&dataset=log";
  const exportCsv = async (key: string) => {
    const made = await researcher.request("POST", "/exports", form({ ...base, intent: "export", requestKey: key, dataset: "log", format: "csv" }));
    // Quick exports answer with their page, slow ones (a loaded machine) with their job's page.
    const id = await exportIdAfter(researcher, made.headers.get("Location")!);
    const bytes = new Uint8Array(await (await researcher.request("GET", `/exports/${id}/download`)).arrayBuffer());
    return new TextDecoder().decode(unzipSync(bytes)["afi-2017-log.csv"]);
  };

  it("lists the found name with its context, redacts it until rejected, and remembers confirm and reject", async () => {
    const db = new Database(server.databasePath);
    const month = db.prepare("SELECT m.author_id AS author, m.month, u.case_project_id AS cp FROM log_months m JOIN users u ON u.id = m.author_id WHERE m.status = 'submitted' ORDER BY m.author_id, m.month LIMIT 1").get() as { author: number; month: string; cp: number };
    db.prepare("INSERT INTO log_notes (project_id, author_id, case_project_id, client_key, month, date, step, instrument_id, instrument_version, answers) VALUES (1, ?, ?, 'names-review-note', ?, ?, 3, 'log-entry', 1, ?)").run(
      month.author,
      month.cp,
      month.month,
      `${month.month}-14`,
      JSON.stringify({ dato: `${month.month}-14`, situasjon: "Møte med Hodan Warsame i dag, hos NAV Bjerke. Cellen viste \u202egnirpsakrab\u202c.", bistand: "x", resultat: "x", annerledes: "x", trinn: 3 }),
    );
    db.close();

    const html = await (await researcher.get(review)).text();
    expect(html).toContain("Mulige navn som ingen har registrert");
    expect(html).toMatch(/<th scope="row">Hodan Warsame<\/th>[\s\S]*?Møte med <mark>Hodan Warsame<\/mark> i dag[\s\S]*?Ikke vurdert – sladdes/);
    expect(html).toContain("⟦U+202E⟧gnirpsakrab⟦U+202C⟧"); // hidden characters shown as marks
    expect(html).not.toContain("<th scope=\"row\">Bjerke</th>");
    const first = await exportCsv("names-review-key-0001");
    expect(first).not.toContain("Hodan");
    expect(first).toContain("Møte med [NAVN] i dag");
    expect(first).not.toContain("\u202e");

    // A decision needs a term and a valid choice.
    expect((await researcher.request("POST", review, new URLSearchParams({ intent: "decide", term: "hodan warsame", decision: "maybe" }))).status).toBe(400);
    const rejected = await researcher.request("POST", review, new URLSearchParams({ intent: "decide", term: "Hodan Warsame", decision: "not-name" }));
    expect(rejected.status).toBe(302);
    expect(rejected.headers.get("Location")).toBe("/exports/review?project=afi-2017&dataset=log&decided=1#names");
    expect(await (await researcher.get(`${review}&decided=1`)).text()).toMatch(/Hodan Warsame<\/mark>[\s\S]*?Ikke navn – beholdes/);
    expect(await exportCsv("names-review-key-0002")).toContain("Møte med Hodan Warsame i dag");
    // The other data sets of the project see the same decision.
    expect(await (await researcher.get("/exports/review?project=afi-2017&dataset=transcripts")).text()).not.toContain("Ikke vurdert – sladdes</td><td>Hodan");

    expect((await researcher.request("POST", review, new URLSearchParams({ intent: "decide", term: "Hodan Warsame", decision: "name" }))).status).toBe(302);
    expect(await exportCsv("names-review-key-0003")).not.toContain("Hodan");
    const check = database();
    expect(check.prepare("SELECT term, decision FROM name_decisions").all()).toEqual([{ term: "hodan warsame", decision: "name" }]);
    expect((check.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'export.name_decided'").get() as { n: number }).n).toBe(2);
    // The permanent audit log says a decision was made, never the name it was about.
    expect(JSON.stringify(check.prepare("SELECT * FROM audit_log").all()).toLowerCase()).not.toContain("hodan");
    expect(await (await researcher.get("/audit")).text()).toContain("avgjorde om et funnet ord i «");
    check.close();
  });

  it("lets only researchers decide", async () => {
    const res = await js.request("POST", review, new URLSearchParams({ intent: "decide", term: "hodan warsame", decision: "not-name" }));
    expect([302, 403, 404]).toContain(res.status);
    const check = database();
    expect(check.prepare("SELECT decision FROM name_decisions").all()).toEqual([{ decision: "name" }]);
    check.close();
  });
});

describe("the export command", () => {
  it("writes the package from a shell, records it, and explains bad options", () => {
    const cliDir = tempDataDir("export-cli-");
    const out = path.join(cliDir, "survey.zip");
    const env = { ...process.env, DATABASE_PATH: server.databasePath, LC_ALL: "C.UTF-8" };
    const tsx = path.resolve("node_modules/.bin/tsx");
    const run = spawnSync(tsx, ["app/cli/main.ts", "export", "--project", "afi-2017", "--data", "employer-survey", "--format", "sav", "--out", out, "--as", identities.researcher], { env, encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Export \d+ written to .*survey\.zip/);
    expect(existsSync(out)).toBe(true);
    expect(Object.keys(unzipSync(readFileSync(out)))).toContain("afi-2017-employer-survey.sav");
    const db = database();
    const audit = db.prepare("SELECT details FROM audit_log WHERE action = 'export.created' ORDER BY id DESC LIMIT 1").get() as { details: string };
    // A job row like a web export's, run by the command itself; its work folder is gone.
    expect(db.prepare("SELECT state, via, out FROM export_jobs WHERE via = 'cli'").all()).toEqual([{ state: "done", via: "cli", out }]);
    db.close();
    expect(readdirSync(path.join(server.dataDir, "exports", ".work"))).toEqual([]);
    expect(JSON.parse(audit.details)).toMatchObject({ via: "cli", dataset: "employer-survey", format: "sav", rows: 45 });
    const bad = spawnSync(tsx, ["app/cli/main.ts", "export", "--project", "afi-2017", "--data", "log", "--format", "pdf", "--out", out], { env, encoding: "utf8" });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("--format must be one of sav, sps, xlsx, docx, qdpx, csv");
    rmSync(cliDir, { recursive: true, force: true });
    // Two tsx processes that compile the CLI's imports (about 3.5 s of CPU each, the name
    // detector's lists included): on a shared machine they wait for a core far longer than that.
  }, 240_000);

  it("lets a researcher with two projects switch between them (exports, review, exchanges overview)", async () => {
    const db = new Database(server.databasePath);
    db.prepare("INSERT INTO projects (slug, title) VALUES ('andre-prosjekt', 'Et annet prosjekt')").run();
    db.close();
    const picker = (html: string, id: string) => new RegExp(`<select id="${id}" name="project"[\\s\\S]*?</select>`).exec(html)?.[0] ?? "";
    const exports = await (await researcher.get("/exports")).text();
    expect(picker(exports, "export-project")).toContain('value="andre-prosjekt"');
    expect(picker(exports, "export-project")).toContain('value="afi-2017"');
    const other = await (await researcher.get("/exports?project=andre-prosjekt")).text();
    expect(picker(other, "export-project")).toMatch(/<option value="andre-prosjekt" selected="">/);
    expect(picker(await (await researcher.get("/exports/review?project=afi-2017&dataset=log")).text(), "review-project")).toContain("Et annet prosjekt");
    expect(picker(await (await researcher.get("/exchanges/overview")).text(), "overview-project")).toContain("Et annet prosjekt");
  });
});

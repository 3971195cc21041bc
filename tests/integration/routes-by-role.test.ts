// Every route × every identity: who gets what. A route added without an expectation here fails
// the test, so nobody can add a page and forget to decide who may see it.
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPaths } from "../../app/server/build-paths";
import { Client } from "../support/http";
import { identities, seedDemo } from "../support/seed";
import { startServer, type RunningServer } from "../support/server";

type Who = "anonymous" | "jsA" | "jsB" | "leadA" | "researcher";
const everyone: Who[] = ["anonymous", "jsA", "jsB", "leadA", "researcher"];
/** What a request gets: a status, or a redirect to a path prefix. */
type Outcome = number | `→${string}`;
type Expect = Record<Who, Outcome>;

const all = (o: Outcome): Expect => ({ anonymous: o, jsA: o, jsB: o, leadA: o, researcher: o });
const signedIn = (o: Outcome, anon: Outcome = "→/login"): Expect => ({ ...all(o), anonymous: anon });
const researcherOnly = (o: Outcome): Expect => ({ anonymous: "→/login", jsA: 403, jsB: 403, leadA: 403, researcher: o });

// Filled in beforeAll with ids from the database.
const sample = { personId: 0 };

const routes: Record<string, { path: () => string; get: Expect; post: Expect }> = {
  "routes/_index": { path: () => "/", get: signedIn(200), post: researcherOnly(400) },
  "routes/login": {
    path: () => "/login",
    get: { ...all("→/"), anonymous: 200 },
    post: { ...all("→/"), anonymous: 400 },
  },
  "routes/setup": { path: () => "/setup", get: all("→/login"), post: all("→/login") },
  "routes/logout": { path: () => "/logout", get: all("→/"), post: all("→/login") },
  "routes/language": { path: () => "/language", get: all("→/"), post: all("→/") },
  "routes/invitation.$token": { path: () => "/invitation/not-a-token", get: all("→/invitation"), post: all(405) },
  "routes/invitation._index": { path: () => "/invitation", get: all(200), post: all(400) },
  "routes/account": { path: () => "/account", get: signedIn(200), post: signedIn(400) },
  "routes/projects._index": { path: () => "/projects", get: researcherOnly(200), post: researcherOnly(400) },
  "routes/projects.$slug": { path: () => "/projects/afi-2017", get: researcherOnly(200), post: researcherOnly(400) },
  "routes/people._index": { path: () => "/people", get: researcherOnly(200), post: all(405) },
  "routes/people.new": { path: () => "/people/new", get: researcherOnly(200), post: researcherOnly(400) },
  "routes/people.$id": { path: () => `/people/${sample.personId}`, get: researcherOnly(200), post: researcherOnly(400) },
  "routes/instruments._index": { path: () => "/instruments", get: researcherOnly(200), post: researcherOnly(400) },
  // No draft in the demo; every version downloads as YAML.
  "routes/instruments.$id_.draft": { path: () => "/instruments/employer-survey/draft", get: researcherOnly(404), post: researcherOnly(404) },
  // The editor: the demo has no draft, so the page offers to start one; an item page needs a draft.
  "routes/instruments.$id_.edit": { path: () => "/instruments/employer-survey/edit", get: researcherOnly(200), post: researcherOnly(404) },
  "routes/instruments.$id_.edit_.$item": { path: () => "/instruments/employer-survey/edit/q1", get: researcherOnly(404), post: researcherOnly(404) },
  "routes/instruments.$id_.employer": { path: () => "/instruments/employer-survey/employer", get: researcherOnly(200), post: researcherOnly(400) },
  "routes/instruments.$id_.yaml": { path: () => "/instruments/employer-survey/yaml?version=1", get: researcherOnly(200), post: all(405) },
  // The demo's pilot round of the log form: jsA (js01) took part, jsB did not; it is closed, so writes are refused.
  "routes/pilots.$id": { path: () => "/pilots/1", get: { anonymous: "→/login", jsA: 200, jsB: 404, leadA: 404, researcher: 200 }, post: { anonymous: "→/login", jsA: 409, jsB: 404, leadA: 404, researcher: 409 } },
  "routes/pilots.$id_.csv": { path: () => "/pilots/1/csv", get: researcherOnly(200), post: all(405) },
  "routes/instruments.$id": { path: () => "/instruments/log-entry", get: researcherOnly(200), post: researcherOnly(400) },
  "routes/accessibility": { path: () => "/accessibility", get: all(200), post: all(405) },
  "routes/privacy": { path: () => "/privacy", get: all(200), post: all(405) },
  "routes/$": { path: () => "/no-such-page", get: all(404), post: all(404) },
  // The job specialists' log. A write without a session is answered 401 with the typed text
  // (never a redirect that would drop it). Demo ids are stable: loadDemo adds the researcher,
  // the 6 case leads, then js01 (jsA, user 8), whose first demo note is note 1.
  "routes/log._index": { path: () => "/log", get: { anonymous: "→/login", jsA: 200, jsB: 200, leadA: 403, researcher: 403 }, post: { anonymous: 401, jsA: 400, jsB: 400, leadA: 403, researcher: 403 } },
  "routes/log.notes.$id": { path: () => "/log/notes/1", get: { anonymous: "→/login", jsA: 200, jsB: 404, leadA: 403, researcher: 403 }, post: { anonymous: 401, jsA: 400, jsB: 400, leadA: 403, researcher: 403 } },
  "routes/log.autosave": { path: () => "/log/autosave", get: all(405), post: { anonymous: 401, jsA: 400, jsB: 400, leadA: 403, researcher: 403 } },
  "routes/log.mine._index": { path: () => "/log/mine", get: { anonymous: "→/login", jsA: 200, jsB: 200, leadA: 403, researcher: 403 }, post: all(405) },
  "routes/log.mine[.]csv": { path: () => "/log/mine.csv", get: { anonymous: "→/login", jsA: 200, jsB: 200, leadA: 403, researcher: 403 }, post: all(405) },
  "routes/log.mine.print": { path: () => "/log/mine/print", get: { anonymous: "→/login", jsA: 200, jsB: 200, leadA: 403, researcher: 403 }, post: all(405) },
  "routes/logs._index": { path: () => "/logs", get: researcherOnly(200), post: all(405) },
  "routes/logs.$userId.$month": { path: () => "/logs/8/2018-01", get: researcherOnly(200), post: researcherOnly(400) },
  "routes/logs.compliance": { path: () => "/logs/compliance", get: { anonymous: "→/login", jsA: 403, jsB: 403, leadA: 200, researcher: 200 }, post: researcherOnly(400) },
  // The employer survey. Wave 1 is the demo wave of project afi-2017 (jsA and jsB both work in
  // it); a job specialist never sees results; the employer pages under /s need no account and
  // answer every visitor alike.
  "routes/waves._index": { path: () => "/waves", get: { anonymous: "→/login", jsA: 200, jsB: 200, leadA: 403, researcher: 200 }, post: all(405) },
  "routes/waves.new": { path: () => "/waves/new", get: researcherOnly(200), post: researcherOnly(400) },
  "routes/waves.$id._index": { path: () => "/waves/1", get: { anonymous: "→/login", jsA: 200, jsB: 200, leadA: 403, researcher: 200 }, post: { anonymous: "→/login", jsA: 400, jsB: 400, leadA: 403, researcher: 400 } },
  "routes/waves.$id.results": { path: () => "/waves/1/results", get: researcherOnly(200), post: researcherOnly(400) },
  "routes/waves.$id.links.$batch": { path: () => "/waves/1/links/no-such-batch", get: { anonymous: "→/login", jsA: 404, jsB: 404, leadA: 403, researcher: 403 }, post: { anonymous: "→/login", jsA: 404, jsB: 404, leadA: 403, researcher: 403 } },
  "routes/waves.$id.links.$batch[.]csv": { path: () => "/waves/1/links/no-such-batch.csv", get: { anonymous: "→/login", jsA: 404, jsB: 404, leadA: 403, researcher: 403 }, post: all(405) },
  "routes/s.$token": { path: () => "/s/not-a-token", get: all("→/s"), post: all(405) },
  "routes/s._index": { path: () => "/s", get: all(200), post: all(200) },
  "routes/s.done": { path: () => "/s/done", get: all(200), post: all(405) },
  // Participant reports. D-NB9PXA is the first demo participant, followed by jsA (the demo's
  // codes come from a seeded generator); another job specialist gets 404, other roles 403.
  "routes/reports._index": { path: () => "/reports", get: { anonymous: "→/login", jsA: 200, jsB: 200, leadA: 403, researcher: 403 }, post: { anonymous: "→/login", jsA: 400, jsB: 400, leadA: 403, researcher: 403 } },
  "routes/reports.$code._index": { path: () => "/reports/D-NB9PXA", get: { anonymous: "→/login", jsA: 200, jsB: 404, leadA: 403, researcher: 403 }, post: { anonymous: "→/login", jsA: 400, jsB: 404, leadA: 403, researcher: 403 } },
  "routes/reports.$code.versions": { path: () => "/reports/D-NB9PXA/versions", get: { anonymous: "→/login", jsA: 200, jsB: 404, leadA: 403, researcher: 403 }, post: all(405) },
  "routes/reports.$code.consent": { path: () => "/reports/D-NB9PXA/consent", get: { anonymous: "→/login", jsA: 200, jsB: 404, leadA: 403, researcher: 403 }, post: { anonymous: "→/login", jsA: 400, jsB: 404, leadA: 403, researcher: 403 } },
  "routes/reports.statistics": { path: () => "/reports/statistics", get: researcherOnly(200), post: all(405) },
  // Experience exchanges. Demo exchange 1 is job-specialist exchange nr. 1 (jsA and jsB are
  // invited, leadA is not: 404); exchange 10 is nr. 10 with released transcript 1. A preparation
  // posted without a session gets 401 with what was typed (never a redirect that drops it).
  "routes/exchanges._index": { path: () => "/exchanges", get: signedIn(200), post: all(405) },
  "routes/exchanges.new": { path: () => "/exchanges/new", get: researcherOnly(200), post: researcherOnly(400) },
  "routes/exchanges.overview": { path: () => "/exchanges/overview", get: researcherOnly(200), post: all(405) },
  "routes/exchanges.overview[.]csv": { path: () => "/exchanges/overview.csv?project=afi-2017&audience=job_specialists", get: researcherOnly(200), post: all(405) },
  "routes/exchanges.overview[.]xlsx": { path: () => "/exchanges/overview.xlsx?project=afi-2017&audience=case_leads", get: researcherOnly(200), post: all(405) },
  "routes/exchanges.$id._index": { path: () => "/exchanges/1", get: { anonymous: "→/login", jsA: 200, jsB: 200, leadA: 404, researcher: 200 }, post: { anonymous: 401, jsA: 400, jsB: 400, leadA: 404, researcher: 403 } },
  "routes/exchanges.$id.plan": { path: () => "/exchanges/1/plan", get: researcherOnly(200), post: researcherOnly(400) },
  "routes/exchanges.$id.questions": { path: () => "/exchanges/1/questions", get: researcherOnly(200), post: researcherOnly(400) },
  "routes/exchanges.$id.answers": { path: () => "/exchanges/1/answers", get: { anonymous: "→/login", jsA: 200, jsB: 200, leadA: 404, researcher: 200 }, post: researcherOnly(400) },
  "routes/exchanges.$id.attendance": { path: () => "/exchanges/1/attendance", get: researcherOnly(200), post: researcherOnly(400) },
  "routes/exchanges.$id.agenda": { path: () => "/exchanges/1/agenda", get: { anonymous: "→/login", jsA: 200, jsB: 200, leadA: 404, researcher: 200 }, post: all(405) },
  "routes/exchanges.$id.transcripts._index": { path: () => "/exchanges/10/transcripts", get: researcherOnly(200), post: researcherOnly(400) },
  "routes/exchanges.$id.transcripts.$transcriptId": { path: () => "/exchanges/10/transcripts/1", get: researcherOnly(200), post: researcherOnly(400) },
  // Exports and the audit log: researchers only (job specialists export their own log at /log/mine.csv).
  "routes/exports._index": { path: () => "/exports", get: researcherOnly(200), post: researcherOnly(400) },
  "routes/exports.review": { path: () => "/exports/review?project=afi-2017&dataset=employer-survey", get: researcherOnly(200), post: researcherOnly(400) },
  "routes/exports.$id._index": { path: () => "/exports/999999", get: researcherOnly(404), post: all(405) },
  "routes/exports.$id.download": { path: () => "/exports/999999/download", get: researcherOnly(404), post: all(405) },
  "routes/exports.jobs.$id": { path: () => "/exports/jobs/999999", get: researcherOnly(404), post: all(405) },
  "routes/audit._index": { path: () => "/audit", get: researcherOnly(200), post: all(405) },
  // Coding: researchers and job specialists (co-researchers); case leads have no coding pages.
  "routes/coding._index": { path: () => "/coding", get: { anonymous: "→/login", jsA: 200, jsB: 200, leadA: 403, researcher: 200 }, post: researcherOnly(400) },
  "routes/coding.codes.$id": { path: () => "/coding/codes/1", get: researcherOnly(200), post: researcherOnly(400) },
  "routes/coding.notes": { path: () => "/coding/notes", get: { anonymous: "→/login", jsA: 200, jsB: 200, leadA: 403, researcher: 200 }, post: { anonymous: "→/login", jsA: 404, jsB: 404, leadA: 403, researcher: 404 } },
  // Transcript 1 (the job specialists' exchange, which jsA and jsB attended) is opened to them in the demo.
  "routes/coding.transcripts.$id": { path: () => "/coding/transcripts/1", get: { anonymous: "→/login", jsA: 200, jsB: 200, leadA: 403, researcher: 200 }, post: { anonymous: "→/login", jsA: 404, jsB: 404, leadA: 403, researcher: 404 } },
  "routes/coding.answers.$id": { path: () => "/coding/answers/1", get: researcherOnly(200), post: researcherOnly(404) },
  "routes/coding.rounds.new": { path: () => "/coding/rounds/new", get: researcherOnly(200), post: researcherOnly(400) },
  "routes/coding.rounds.$id._index": { path: () => "/coding/rounds/999999", get: { anonymous: "→/login", jsA: 404, jsB: 404, leadA: 403, researcher: 404 }, post: { anonymous: "→/login", jsA: 404, jsB: 404, leadA: 403, researcher: 404 } },
  "routes/coding.rounds.$id.agreement": { path: () => "/coding/rounds/999999/agreement", get: researcherOnly(404), post: all(405) },
  // Imports: researchers only; an upload's page only for who uploaded it.
  "routes/imports._index": { path: () => "/imports", get: researcherOnly(200), post: researcherOnly(400) },
  "routes/imports.$token": { path: () => "/imports/no-such-upload-000000000", get: researcherOnly(404), post: researcherOnly(404) },
  "routes/imports.examples.$file": { path: () => "/imports/examples/oppmote-eksempel.csv", get: researcherOnly(200), post: all(405) },
};

let server: RunningServer;
const clients = {} as Record<Who, Client>;
let passwords: Record<string, string> = {};

async function login(who: Who): Promise<Client> {
  const client = new Client(server.url);
  if (who === "anonymous") return client;
  const email = identities[who];
  const res = await client.post("/login", { email, password: passwords[email] });
  expect(res.status, `login as ${who}`).toBe(200);
  return client;
}

async function outcome(res: Response): Promise<Outcome> {
  if (res.status >= 300 && res.status < 400) {
    const to = new URL(res.headers.get("Location")!, "http://x").pathname;
    return `→${to}`;
  }
  return res.status;
}

function matches(actual: Outcome, expected: Outcome) {
  return typeof expected === "string" ? actual === expected || (typeof actual === "string" && actual.startsWith(expected + "?")) : actual === expected;
}

beforeAll(async () => {
  const seeded = await seedDemo();
  passwords = seeded.passwords;
  server = await startServer({ dataDir: seeded.dataDir });
  for (const who of everyone) clients[who] = await login(who);
  const page = await (await clients.researcher.get("/people")).text();
  sample.personId = Number(/href="\/people\/(\d+)"/.exec(page)![1]);
});

afterAll(async () => {
  await server?.stop();
});

describe("every route has an expectation for every identity", () => {
  it("covers all routes of the build", async () => {
    const build = await import(pathToFileURL(buildPaths().serverFile).href);
    const ids = Object.keys(build.routes).filter((id) => id !== "root");
    const missing = ids.filter((id) => !(id in routes));
    const stale = Object.keys(routes).filter((id) => !ids.includes(id));
    expect(missing, "routes without an expectation in this test").toEqual([]);
    expect(stale, "expectations for routes that no longer exist").toEqual([]);
  });

  for (const [id, spec] of Object.entries(routes)) {
    for (const who of everyone) {
      it(`GET ${id} as ${who}`, async () => {
        const res = await clients[who].request("GET", spec.path());
        const got = await outcome(res);
        expect(matches(got, spec.get[who]), `GET ${spec.path()} as ${who}: got ${got}, expected ${spec.get[who]}`).toBe(true);
      });
      it(`POST ${id} as ${who}`, async () => {
        // Logging out ends the session, so that one gets a session of its own.
        const client = id === "routes/logout" ? await login(who) : clients[who];
        // The index route takes its POSTs at "/?index" (a bare "/" is the root route's).
        const target = spec.path() === "/" ? "/?index" : spec.path();
        const res = await client.request("POST", target, {});
        const got = await outcome(res);
        expect(matches(got, spec.post[who]), `POST ${spec.path()} as ${who}: got ${got}, expected ${spec.post[who]}`).toBe(true);
      });
    }
  }
});

describe("cross-site requests", () => {
  it("refuses a form posted from another site", async () => {
    const res = await clients.researcher.request("POST", "/projects", { title: "x", slug: "xxx" }, { Origin: "https://evil.example" });
    expect(res.status).toBe(403);
    const res2 = await clients.researcher.request("POST", "/projects", { title: "x", slug: "xxx" }, { "Sec-Fetch-Site": "cross-site" });
    expect(res2.status).toBe(403);
    const res3 = await clients.researcher.request("POST", "/projects", { title: "x", slug: "xxx" }, { Origin: "null" });
    expect(res3.status).toBe(403);
  });

  it("sends the security headers", async () => {
    const res = await clients.anonymous.request("GET", "/login");
    const csp = res.headers.get("Content-Security-Policy") ?? "";
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(res.headers.get("Referrer-Policy")).toBe("same-origin");
    const html = await res.text();
    const nonce = /'nonce-([^']+)'/.exec(csp)![1];
    // Every inline script carries this response's nonce.
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)];
    expect(inline.length).toBeGreaterThan(0);
    for (const m of inline) expect(m[1]).toContain(`nonce="${nonce}"`);
  });
});

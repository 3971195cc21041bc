// The audit log over real HTTP, without JavaScript: a researcher who is not the demo's own
// «Forsker Demosen» loads the demo with the button, and the log credits the load to her; every
// event reads as a sentence in both languages, the stored record sits behind a disclosure, and
// the person, kind and date filters work as a plain GET form, with errors at the fields.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "../support/http";
import { decode } from "../support/log-helpers";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let researcher: Client;

beforeAll(async () => {
  server = await startServer();
  researcher = new Client(server.url);
  const password = "et langt og godt passord";
  const setup = await researcher.post("/setup", { name: "Ingrid Testforsker", email: "ingrid@example.org", password, confirm: password });
  expect(setup.status).toBe(200);
  const loaded = await researcher.post("/?index", { intent: "load-demo" });
  expect(loaded.status).toBe(200);
});
afterAll(async () => {
  await server?.stop();
});

/** The page's words outside the disclosures, where the stored codes are kept. */
function sentencesOf(html: string): string {
  const main = html.slice(html.indexOf("<main"), html.indexOf("</main>"));
  return decode(main.replace(/<details[\s\S]*?<\/details>/g, " ").replace(/<[^>]+>/g, " ")).replace(/\s+/g, " ");
}

const events = (html: string) => [...html.matchAll(/<li><p>([\s\S]*?)<\/p><details>/g)].map((m) => decode(m[1].replace(/<[^>]+>/g, "")).replace(/\s+/g, " ").trim());

describe("the audit log", () => {
  it("credits the demo to the researcher who loaded it, not to the demo's own researcher", async () => {
    const html = await (await researcher.get("/audit")).text();
    const lines = events(html);
    expect(lines.length).toBeGreaterThan(10);
    expect(lines.some((l) => /Ingrid Testforsker lastet inn demoprosjektet «Supported Employment for innvandrere/.test(l))).toBe(true);
    expect(lines.some((l) => /Ingrid Testforsker opprettet erfaringsutveksling nr\. 1 for jobbspesialister\./.test(l))).toBe(true);
    expect(lines.some((l) => /Ingrid Testforsker frigav transkripsjonen «/.test(l))).toBe(true);
    expect(lines.filter((l) => l.includes("Forsker Demosen"))).toEqual([]);
  });

  it("writes events as sentences and keeps the stored record behind a disclosure", async () => {
    const html = await (await researcher.get("/audit")).text();
    const words = sentencesOf(html);
    // No action codes, subject keys or key: value dumps outside the disclosure.
    expect(words).not.toMatch(/\b[a-z_]+\.[a-z_]+\b|case_project|project:\d|\w+: \w+;/);
    expect(html).toMatch(/<details><summary>Slik er det lagret<\/summary><dl class="audit-raw"><div><dt>Handling<\/dt><dd><code>exchange\.created<\/code>/);
    await researcher.post("/language", { locale: "en", redirectTo: "/audit" });
    const english = events(await (await researcher.get("/audit")).text());
    expect(english.some((l) => /Ingrid Testforsker loaded the demo project «/.test(l))).toBe(true);
    await researcher.post("/language", { locale: "nb", redirectTo: "/audit" });
  });

  it("filters by person, kind and date without JavaScript", async () => {
    const page = await (await researcher.get("/audit")).text();
    const ingrid = /<option value="(\d+)">Ingrid Testforsker<\/option>/.exec(page)![1];
    const exchangesOnly = events(await (await researcher.get(`/audit?person=${ingrid}&kind=exchange`)).text());
    expect(exchangesOnly.length).toBeGreaterThan(5);
    expect(exchangesOnly.every((l) => /Ingrid Testforsker (opprettet erfaringsutveksling|la til transkripsjonen|frigav transkripsjonen|førte oppmøte)/.test(l))).toBe(true);
    const system = events(await (await researcher.get("/audit?person=none")).text());
    expect(system.every((l) => /^\S+ \S+ (Systemet|Kommandolinjen) /.test(l))).toBe(true);
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Oslo" }).format(new Date());
    expect(events(await (await researcher.get(`/audit?from=${today}&to=${today}&kind=demo`)).text())).toHaveLength(1);
    expect(events(await (await researcher.get("/audit?from=2000-01-01&to=2000-01-31")).text())).toEqual([]);
  });

  it("says which date is wrong, next to its field, and keeps what was typed", async () => {
    const html = await (await researcher.get("/audit?from=31.02.2018&to=2018-01-01")).text();
    expect(html).toMatch(/<input id="audit-from" type="date" name="from" aria-invalid="true" aria-describedby="audit-from-hint audit-from-error" value="31.02.2018"\/><p class="field-error" id="audit-from-error">Skriv en gyldig dato/);
    const reversed = await (await researcher.get("/audit?from=2018-02-01&to=2018-01-01")).text();
    expect(reversed).toContain('id="audit-to-error">Til-datoen kan ikke være før fra-datoen');
  });
});

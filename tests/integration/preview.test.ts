// A researcher tries every instrument: valid answers are shown back, invalid ones get messages at
// their fields, and nothing is stored.
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCodebook } from "../../app/instruments/codebook.server";
import { Client } from "../support/http";
import { identities, seedDemo } from "../support/seed";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let researcher: Client;

beforeAll(async () => {
  const seeded = await seedDemo();
  server = await startServer({ dataDir: seeded.dataDir });
  researcher = new Client(server.url);
  await researcher.post("/login", { email: identities.researcher, password: seeded.passwords[identities.researcher] });
});
afterAll(async () => {
  await server?.stop();
});

function rowCounts(): Record<string, number> {
  const db = new Database(server.databasePath, { readonly: true });
  const tables = db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name <> 'sessions'").all() as { name: string }[];
  const counts = Object.fromEntries(tables.map(({ name }) => [name, (db.prepare(`select count(*) n from "${name}"`).get() as { n: number }).n]));
  db.close();
  return counts;
}

describe("instrument preview", () => {
  it("lists and shows every instrument", async () => {
    const list = await (await researcher.get("/instruments")).text();
    for (const instrument of loadCodebook().latest()) {
      expect(list).toContain(`/instruments/${instrument.id}`);
      const page = await researcher.get(`/instruments/${instrument.id}`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain(instrument.title.nb);
    }
    expect((await researcher.request("GET", "/instruments/no-such-instrument")).status).toBe(404);
  });

  it("validates a log note from its definition and stores nothing", async () => {
    const before = rowCounts();
    const valid = await researcher.post("/instruments/log-entry", {
      dato: "2018-03-14",
      situasjon: "Tre deltakere på arbeidsplassbesøk",
      bistand: "Forberedte samtale med arbeidsgiver",
      resultat: "To fikk tilbud om praksis",
      annerledes: "Avtale tidligere",
      god_praksis: "",
      trinn: "4",
    });
    expect(valid.status).toBe(200);
    const html = await valid.text();
    expect(html).toContain("Svarene er gyldige");
    expect(html).toMatch(/<code>trinn<\/code><\/td><td>4<\/td>/);
    expect(rowCounts()).toEqual(before);
  });

  it("explains missing and malformed answers at the fields, keeping what was typed", async () => {
    const before = rowCounts();
    const res = await researcher.post("/instruments/log-entry", { dato: "14.03.2018x", situasjon: "Noe som skjedde", trinn: "9" });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("Noe som skjedde");
    expect(html).toMatch(/aria-invalid="true"/);
    expect(html).not.toContain("Svarene er gyldige");
    expect(rowCounts()).toEqual(before);
  });
});

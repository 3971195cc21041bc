// The main menu as each role gets it without JavaScript: at most six entries, grouped by task in
// <details> disclosures, every link named as the page it opens is headed and answered 200; and
// a researcher's empty start page offers «Opprett prosjekt» before any link into empty data.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "../support/http";
import { decode, loginAs } from "../support/log-helpers";
import { identities, seedDemo } from "../support/seed";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let passwords: Record<string, string> = {};

beforeAll(async () => {
  const seeded = await seedDemo();
  passwords = seeded.passwords;
  server = await startServer({ dataDir: seeded.dataDir });
});
afterAll(async () => {
  await server?.stop();
});

const words = (html: string) => decode(html.replace(/<[^>]+>/g, " ")).replace(/\s+/g, " ").trim();

/** The top-level entries of the main menu, each a link or a group with its links. */
function menuOf(html: string) {
  const nav = /<nav aria-label="Hovedmeny" class="main-nav"><ul>([\s\S]*?)<\/ul><\/nav>/.exec(html)![1];
  const entries: { name: string; links: { href: string; name: string }[]; group: boolean }[] = [];
  // Top-level <li>s: split on the list items that are direct children (a group holds a nested list).
  let depth = 0;
  let start = 0;
  for (const m of nav.matchAll(/<(\/?)li\b[^>]*>/g)) {
    if (!m[1]) {
      if (depth === 0) start = m.index!;
      depth++;
    } else if (--depth === 0) {
      const item = nav.slice(start, m.index! + m[0].length);
      const links = [...item.matchAll(/<a [^>]*href="([^"]+)"[^>]*>([\s\S]*?)<\/a>/g)].map((l) => ({ href: l[1], name: words(l[2]) }));
      const summary = /<summary[^>]*>([\s\S]*?)<\/summary>/.exec(item);
      entries.push({ name: summary ? words(summary[1]) : links[0].name, links, group: Boolean(summary) });
    }
  }
  return entries;
}

const roles = [
  ["researcher", identities.researcher, 6],
  ["job specialist", identities.jsA, 6],
  ["case lead", identities.leadA, 3],
] as const;

describe("the main menu", () => {
  for (const [role, email, size] of roles) {
    it(`gives a ${role} at most six entries, grouped, each link to a page headed by its name`, async () => {
      const client = await loginAs(server.url, email, passwords[email]);
      const menu = menuOf(await (await client.get("/")).text());
      expect(menu).toHaveLength(size);
      const links = menu.flatMap((e) => e.links);
      expect(new Set(links.map((l) => l.name)).size).toBe(links.length);
      for (const link of links) {
        const res = await client.get(link.href);
        expect(res.status, link.href).toBe(200);
        const h1 = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(await res.text())![1];
        // The page is headed by the link's name (the log adds its month: «Logg for desember 2026»).
        if (link.href !== "/") expect(words(h1), link.href).toMatch(new RegExp(`^${link.name}( |$)`));
      }
      // The account sits with «Logg ut», outside the menu.
      expect(links.map((l) => l.href)).not.toContain("/account");
    });
  }

  it("groups a researcher's thirteen pages by task, in disclosures that open without JavaScript", async () => {
    const client = await loginAs(server.url, identities.researcher, passwords[identities.researcher]);
    const html = await (await client.get("/logs/compliance")).text();
    const menu = menuOf(html);
    expect(menu.map((e) => e.name)).toEqual(["Start", "Prosjekter og personer", "Logger", "Undersøkelser og statistikk", "Erfaringsutvekslinger", "Eksport og revisjon"]);
    expect(menu.find((e) => e.name === "Logger")!.links.map((l) => l.name)).toEqual(["Leverte logger", "Loggføring per måned", "Koding"]);
    expect(menu.find((e) => e.name === "Prosjekter og personer")!.links.map((l) => l.name)).toEqual(["Prosjekter", "Personer", "Instrumenter", "Importer data"]);
    expect(menu.flatMap((e) => e.links)).toHaveLength(13);
    // The group of the page one is on is marked.
    expect(html).toMatch(/<details class="nav-group"><summary class="active">Logger<\/summary>/);
  });
});

describe("an empty start page", () => {
  it("offers to create a project before any link into the (empty) logs, surveys, reports or exports", { timeout: 240_000 }, async () => {
    const fresh = await startServer();
    try {
      const client = new Client(fresh.url);
      const password = "et langt og godt passord";
      await client.post("/setup", { name: "Ny Forsker", email: "ny@example.org", password, confirm: password });
      const html = await (await client.get("/")).text();
      const main = html.slice(html.indexOf("<main"));
      const create = main.indexOf(">Opprett prosjekt<");
      const intoData = main.search(/href="\/(logs|reports|waves|exchanges|exports)/);
      expect(create).toBeGreaterThan(0);
      expect(intoData === -1 || create < intoData, "«Opprett prosjekt» first").toBe(true);
    } finally {
      await fresh.stop();
    }
  });
});

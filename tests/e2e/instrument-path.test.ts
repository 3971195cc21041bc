// Issue 14's «done when», in Debian's Chromium: a researcher builds a new short questionnaire in
// the browser and publishes v1, starts v2, pilots it with two job specialists who comment (one
// without JavaScript), revises the question the comments are about, publishes v2 and opens a
// wave with it; employers answer from their links, and the wave's export opens in PSPP with v2's
// labels. axe on every page and state; any page or console error fails.
import { writeFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { unzipSync } from "fflate";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, launchBrowser, logIn, newPage } from "../support/browser";
import { exportIdAfter } from "../support/exports";
import { addQuestion, newQuestionnaire } from "../support/instrument-browser";
import { loginAs } from "../support/log-helpers";
import { identities, seedDemo } from "../support/seed";
import { startServer, type RunningServer } from "../support/server";
import { makeTempDir, psppDictionary, removeTempDirs } from "../support/spss-tools";
import { createWave, demoProjectId, issueLinks, respond } from "../support/survey-flow";

let server: RunningServer;
let browser: Browser;
let passwords: Record<string, string> = {};

beforeAll(async () => {
  const seeded = await seedDemo();
  passwords = seeded.passwords;
  [server, browser] = await Promise.all([startServer({ dataDir: seeded.dataDir }), launchBrowser()]);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  removeTempDirs();
});

const as = async (email: string, javaScript: boolean): Promise<Page> => logIn(await newPage(browser, { javaScript }), server.url, email, passwords[email]);
const ID = "oppfolging-kort";

describe("a questionnaire from the editor to PSPP", () => {
  it("build, publish v1, pilot v2 with two job specialists, revise, publish v2, a wave, its export", { timeout: 300_000 }, async () => {
    const researcher = await as(identities.researcher, true);
    await newQuestionnaire(researcher, server.url, ID, { nb: "Oppfølging, kort", en: "Follow-up, short" });
    await addQuestion(researcher, { type: "single_choice", name: "fornoyd", nb: "Er du fornøyd med oppfølgingen?", en: "Are you satisfied with the follow-up?" });
    await researcher.getByRole("heading", { name: "Rediger spørsmålet fornoyd" }).waitFor();
    await researcher.getByLabel("Egne svaralternativer").fill("1 | Ja | Yes\n2 | Nei | No\n3 | Vet ikke | Don't know");
    await researcher.getByRole("button", { name: "Lagre" }).click();
    await researcher.getByText("Lagret i utkastet.").waitFor();
    await researcher.goto(`${server.url}/instruments/${ID}/draft`);
    await researcher.getByRole("button", { name: "Publiser versjon 1" }).click();
    await researcher.getByText("Versjon 1 er publisert.").waitFor();

    // v2 in the editor, piloted before it is published.
    await researcher.getByRole("link", { name: "Lag en ny versjon" }).click();
    await researcher.getByRole("button", { name: "Lag versjon 2 i redigereren" }).click();
    await researcher.getByRole("heading", { name: "Rediger utkast til «Oppfølging, kort», versjon 2" }).waitFor();
    await expectAccessible(researcher, "editor of v2");
    await researcher.getByRole("link", { name: "Se endringene og publiser" }).click();
    await researcher.getByLabel("Navn på runden").fill("Pilot med to jobbspesialister");
    const db = new Database(server.databasePath, { readonly: true });
    const names = [identities.jsA, identities.jsB].map((email) => (db.prepare("SELECT name FROM users WHERE email = ?").get(email) as { name: string }).name);
    db.close();
    for (const name of names) await researcher.getByLabel(new RegExp(`^${name} \\(`)).check();
    await researcher.getByRole("button", { name: "Start piloten" }).click();
    await researcher.getByRole("heading", { name: "Pilot: Pilot med to jobbspesialister" }).waitFor();
    const pilotUrl = researcher.url();

    const comments = [
      { email: identities.jsA, javaScript: false, words: "«Vet ikke» passer ikke her; spør heller om det var nyttig." },
      { email: identities.jsB, javaScript: true, words: "Skill mellom «delvis» og «helt» fornøyd." },
    ];
    for (const c of comments) {
      const js = await as(c.email, c.javaScript);
      await js.getByRole("link", { name: "Pilot med to jobbspesialister" }).click();
      await js.locator("#item-fornoyd").getByLabel(/^Kommentar til/).fill(c.words);
      await js.locator("#item-fornoyd").getByRole("button", { name: "Legg til kommentaren" }).click();
      await js.locator("#item-fornoyd").getByText(c.words).waitFor();
      await expectAccessible(js, `pilot with a comment (${c.javaScript ? "JavaScript" : "no JavaScript"})`);
      await js.close();
    }

    // The researcher reads both comments beside the question and revises it.
    await researcher.goto(pilotUrl);
    for (const c of comments) await researcher.locator("#item-fornoyd").getByText(c.words).waitFor();
    await expectAccessible(researcher, "pilot comments beside the question");
    await researcher.goto(`${server.url}/instruments/${ID}/edit/fornoyd`);
    await researcher.getByLabel("Egne svaralternativer").fill("1 | Helt fornøyd | Fully satisfied\n2 | Delvis fornøyd | Partly satisfied\n3 | Ikke fornøyd | Not satisfied");
    await researcher.getByRole("button", { name: "Lagre" }).click();
    await researcher.getByText("Lagret i utkastet.").waitFor();
    await researcher.goto(pilotUrl);
    await researcher.locator("#item-fornoyd").getByRole("button", { name: "Merk som løst" }).first().click();
    await researcher.locator("#item-fornoyd").getByRole("button", { name: "Åpne igjen" }).first().waitFor();
    await researcher.goto(`${server.url}/instruments/${ID}/draft`);
    await researcher.getByText("Endrede koder eller variabler").waitFor();
    await expectAccessible(researcher, "v2 draft with its changes and pilot");
    await researcher.getByRole("button", { name: "Publiser versjon 2" }).click();
    await researcher.getByText("Versjon 2 er publisert.").waitFor();
    await researcher.close();

    // A wave of v2, answered from links, exported; PSPP reads v2's labels.
    const http = await loginAs(server.url, identities.researcher, passwords[identities.researcher]);
    const jsA = await loginAs(server.url, identities.jsA, passwords[identities.jsA]);
    const waveId = await createWave(http, { projectId: await demoProjectId(http), instrumentId: ID, title: "Runde med v2", minAnswers: 2 });
    const { links } = await issueLinks(jsA, waveId, 2);
    for (const [i, link] of links.entries()) expect((await respond(server.url, link.url, new URLSearchParams({ fornoyd: String(i + 1) }))).post.status).toBe(303);
    expect((await http.request("POST", `/waves/${waveId}`, { intent: "close" })).status).toBe(302);
    const made = await http.request("POST", "/exports", new URLSearchParams({ project: "afi-2017", format: "sav", language: "nb", pseudonyms: "stable", dates: "month", intent: "export", requestKey: "instrument-path-0001", dataset: "employer-survey", wave: String(waveId) }));
    const files = unzipSync(new Uint8Array(await (await http.request("GET", `/exports/${await exportIdAfter(http, made.headers.get("Location")!)}/download`)).arrayBuffer()));
    const dir = makeTempDir();
    const sav = path.join(dir, "v2.sav");
    writeFileSync(sav, files[Object.keys(files).find((f) => f.endsWith(".sav"))!]);
    const dict = psppDictionary(dir, sav);
    expect(dict.cases).toBe(2);
    expect(dict.variables.find((v) => v.name === "fornoyd")?.label).toBe("Er du fornøyd med oppfølgingen?");
    expect(dict.valueLabels.filter((l) => l.variable === "fornoyd").map((l) => `${l.value}=${l.label}`)).toEqual(expect.arrayContaining(["1=Helt fornøyd", "2=Delvis fornøyd", "3=Ikke fornøyd"]));
  });
});

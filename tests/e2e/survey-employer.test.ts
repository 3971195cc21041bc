// In Debian's Chromium: a job specialist asks for links; an employer answers on a phone with
// JavaScript off (one statement at a time, large touch targets, at most 15 KB of HTML + CSS,
// missing answers pointed out at the statement with the rest kept); the link then no longer
// works; a researcher reads Tabell 7–9. axe (WCAG 2.1 AA) on every page visited.
import type { Browser, Page, Response } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, horizontalOverflow, launchBrowser, logIn, newPage, visitAccessible } from "../support/browser";
import { identities, seedDemo } from "../support/seed";
import { startServer, type RunningServer } from "../support/server";
import { employerPage, PHONE, WIDE } from "../support/survey-browser";

let server: RunningServer;
let browser: Browser;
let passwords: Record<string, string>;

beforeAll(async () => {
  const seeded = await seedDemo();
  passwords = seeded.passwords;
  [server, browser] = await Promise.all([startServer({ dataDir: seeded.dataDir }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signedIn(email: string): Promise<Page> {
  const page = await logIn(await newPage(browser), server.url, email, passwords[email]);
  await expect.poll(() => page.url()).toBe(`${server.url}/`);
  return page;
}

const visit = (page: Page, path: string, label = path) => visitAccessible(page, server.url, path, label);

/** Bytes on the wire (headers + encoded body) of the responses of one navigation. */
async function transferred(responses: Response[]) {
  let total = 0;
  for (const response of responses) {
    const sizes = await response.request().sizes();
    total += sizes.responseHeadersSize + sizes.responseBodySize;
  }
  return total;
}

describe("the employer survey in the browser", () => {
  let links: string[] = [];
  let waveId = 0;

  it("a researcher opens a wave and a job specialist gets links, the pages passing axe", { timeout: 180_000 }, async () => {
    const researcher = await signedIn(identities.researcher);
    await visit(researcher, "/waves", "waves (researcher)");
    await visit(researcher, "/waves/new", "new wave");
    await researcher.getByLabel("Prosjekt").selectOption({ label: "Supported Employment for innvandrere med sammensatte bistandsbehov" });
    await researcher.getByLabel("Tittel").fill("Arbeidsgivere høsten");
    await researcher.getByRole("button", { name: "Åpne runden" }).click();
    await researcher.getByRole("heading", { name: "Arbeidsgivere høsten" }).waitFor();
    await expectAccessible(researcher, "wave (researcher)");
    waveId = Number(/\/waves\/(\d+)$/.exec(researcher.url())![1]);

    const specialist = await signedIn(identities.jsA);
    await expect.poll(() => specialist.textContent("main")).toContain("Arbeidsgivere høsten");
    await expectAccessible(specialist, "job specialist home with survey panel");
    await visit(specialist, "/waves", "waves (job specialist)");
    await visit(specialist, `/waves/${waveId}`, "wave (job specialist)");
    // Hydrated without a mismatch (the limit once came from a .server module: «1 til undefined»).
    await specialist.waitForFunction(() => Object.keys(document.getElementById("main")!).some((k) => k.startsWith("__reactFiber")));
    await specialist.getByText("Skriv et helt tall fra 1 til 500").waitFor();
    await specialist.getByLabel("Antall arbeidsgivere du inviterer").fill("3");
    await specialist.getByRole("button", { name: "Lag lenkene" }).click();
    await specialist.getByRole("heading", { name: "Nye lenker" }).waitFor();
    await expectAccessible(specialist, "fresh links");
    links = (await specialist.getByLabel("Lenkene, én per linje").inputValue()).split("\n");
    expect(links).toHaveLength(3);

    // Copy buttons for the links and the e-mail texts; the text boxes wrap their lines.
    await specialist.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await specialist.getByRole("button", { name: "Kopier lenkene" }).click();
    await specialist.getByText("Kopiert.").first().waitFor();
    expect(await specialist.evaluate(() => navigator.clipboard.readText())).toBe(links.join("\n"));
    await specialist.getByRole("button", { name: "Kopier teksten på norsk" }).click();
    expect(await specialist.evaluate(() => navigator.clipboard.readText())).toBe(await specialist.getByLabel("Norsk (bokmål)").inputValue());
    for (const width of [1280, 390]) {
      await specialist.setViewportSize({ width, height: 900 });
      for (const box of ["Lenkene, én per linje", "Norsk (bokmål)", "English"]) {
        expect(await specialist.getByLabel(box).evaluate((e) => e.scrollWidth <= e.clientWidth), `${box} wraps at ${width} px`).toBe(true);
      }
    }
    await specialist.setViewportSize({ width: 1280, height: 720 });
    await specialist.getByRole("button", { name: "Jeg har kopiert lenkene" }).click();
    await specialist.getByRole("heading", { name: "Arbeidsgivere høsten" }).waitFor();
    expect(await specialist.textContent("main")).toContain("Lenker du har fått");
  });

  it("an employer answers on a phone without JavaScript", { timeout: 180_000 }, async () => {
    const page = await employerPage(browser, PHONE);
    const responses: Response[] = [];
    page.on("response", (r) => responses.push(r));
    await page.goto(links[0]);
    // The token left the address bar at once.
    expect(page.url()).toBe(`${server.url}/s`);
    await page.getByRole("heading", { level: 1, name: "Arbeidsgivere høsten" }).waitFor();
    await expectAccessible(page, "questionnaire (phone)");
    expect(await page.locator("script").count()).toBe(0);

    // At most 15 KB transferred, everything counted: the redirect, the HTML and its stylesheet.
    expect(responses.map((r) => r.request().resourceType()).sort()).toEqual(["document", "document", "stylesheet"]);
    const bytes = await transferred(responses);
    console.log(`questionnaire on a phone: ${bytes} bytes transferred (redirect, HTML and CSS, headers included)`);
    expect(bytes).toBeLessThanOrEqual(15 * 1024);

    // One statement at a time: each statement a full-width card, options under each other,
    // every option at least 44 px high.
    const rows = page.locator(".inst-matrix-row");
    expect(await rows.count()).toBe(32);
    const first = (await rows.nth(0).boundingBox())!;
    const second = (await rows.nth(1).boundingBox())!;
    expect(second.y).toBeGreaterThanOrEqual(first.y + first.height);
    expect(first.width).toBeGreaterThan(300);
    const options = rows.nth(0).locator(".inst-matrix-option");
    const boxes = await Promise.all([0, 1, 2].map(async (i) => (await options.nth(i).boundingBox())!));
    for (const box of boxes) expect(box.height).toBeGreaterThanOrEqual(44);
    expect(boxes[1].y).toBeGreaterThan(boxes[0].y);
    // The column header row is for wide screens only (visually hidden here).
    expect((await page.locator(".inst-matrix-head").first().boundingBox())!.width).toBeLessThanOrEqual(1);

    // Answer everything but one statement, tapping the labels.
    const statements = await rows.all();
    for (const [i, row] of statements.entries()) {
      if (i === 6) continue;
      await row.getByText(i % 3 === 0 ? "Nei, men kunne vært viktig" : i % 3 === 1 ? "Ja" : "Nei", { exact: true }).tap();
    }
    await page.getByLabel("Var jobbspesialisten viktig på andre måter?").fill("Alltid tilgjengelig.");
    const counts = page.locator(".inst-count input");
    for (let i = 0; i < 5; i++) await counts.nth(i).fill(String(i));
    await page.getByRole("button", { name: "Send svarene" }).tap();

    // The missing statement is pointed out where it is; nothing else is lost.
    await page.getByRole("heading", { name: "Noen svar mangler eller må rettes" }).waitFor();
    await expectAccessible(page, "questionnaire with a missing answer (phone)");
    const missing = rows.nth(6);
    expect(await missing.getAttribute("class")).toContain("inst-has-error");
    expect(await missing.textContent()).toContain("Velg et svar for denne påstanden");
    expect(await rows.nth(0).getByRole("radio", { name: "Nei, men kunne vært viktig" }).isChecked()).toBe(true);
    expect(await rows.nth(31).getByRole("radio", { name: "Ja" }).isChecked()).toBe(true);
    expect(await page.getByLabel("Var jobbspesialisten viktig på andre måter?").inputValue()).toBe("Alltid tilgjengelig.");
    expect(await counts.nth(4).inputValue()).toBe("4");
    await page.getByRole("link", { name: "Bedriften sparte arbeid og tid med utlysninger" }).tap();
    await missing.getByText("Ja", { exact: true }).tap();
    await page.getByRole("button", { name: "Send svarene" }).tap();
    await page.getByRole("heading", { name: "Takk for svaret!" }).waitFor();
    expect(page.url()).toBe(`${server.url}/s/done`);
    await expectAccessible(page, "thank you (phone)");

    // The same link again: the friendly page that says nothing about the link.
    await page.goto(links[0]);
    await page.getByRole("heading", { name: "Denne lenken kan ikke brukes" }).waitFor();
    await expectAccessible(page, "link cannot be used (phone)");
    await page.context().close();
  });

  it("fits a phone 390 and 320 px wide, and shows where the employer is, without JavaScript", { timeout: 180_000 }, async () => {
    for (const width of [390, 320]) {
      const page = await employerPage(browser, { ...PHONE, viewport: { width, height: 740 } });
      const fits = async (what: string) => expect(await horizontalOverflow(page), `${what} at ${width} px`).toEqual([]);
      await page.goto(links[2]);
      await page.getByRole("heading", { level: 1, name: "Arbeidsgivere høsten" }).waitFor();
      await fits("questionnaire");
      // «Del 2 av 4» in each part's heading: progress that needs no script.
      const parts = await page.locator("h2.inst-section-title").allTextContents();
      expect(parts.map((p) => p.slice(0, 10))).toEqual(["Del 1 av 4", "Del 2 av 4", "Del 3 av 4", "Del 4 av 4"]);
      await page.getByRole("button", { name: "Send svarene" }).tap();
      await page.getByRole("heading", { name: "Noen svar mangler eller må rettes" }).waitFor();
      await fits("questionnaire with errors");
      await page.goto(`${server.url}/s/done`);
      await page.getByRole("heading", { name: "Takk for svaret!" }).waitFor();
      await fits("thank-you page");
      await page.goto(`${server.url}/s/${"A".repeat(22)}`);
      await page.getByRole("heading", { name: "Denne lenken kan ikke brukes" }).waitFor();
      await fits("link cannot be used");
      await page.goto(`${server.url}/privacy`);
      await fits("privacy notice");
      await page.context().close();
    }
  });

  it("the questionnaire in English and on a wide screen, with JavaScript on (the page has none)", { timeout: 180_000 }, async () => {
    const page = await employerPage(browser, WIDE, true);
    await page.goto(links[1]);
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { name: "Why did the company take in the candidate?" }).waitFor();
    expect(page.url()).toBe(`${server.url}/s`);
    await expectAccessible(page, "questionnaire (en, wide)");
    // Wide: the statements line up under one header row with the three options.
    expect((await page.locator(".inst-matrix-head").first().boundingBox())!.width).toBeGreaterThan(600);
    const row = (await page.locator(".inst-matrix-row").first().boundingBox())!;
    expect(row.height).toBeLessThan(100);
    await page.context().close();
  });

  it("a researcher reads the demo wave's results like Tabell 7–9", { timeout: 180_000 }, async () => {
    const researcher = await signedIn(identities.researcher);
    await visit(researcher, "/waves/1", "demo wave (researcher)");
    expect(await researcher.textContent("main")).toContain("27 %");
    await visit(researcher, "/waves/1/results", "results");
    const table7 = researcher.getByRole("table", { name: "Hvorfor tok bedriften inn kandidaten? (N=45)" });
    const firstRow = table7.getByRole("row").nth(1);
    expect((await firstRow.textContent())!.replace(/\s+/g, "")).toBe("Informasjonomoppfølging(hyppighet,kvalitet,formål)8018245");
    expect(await researcher.locator("svg.survey-chart").count()).toBe(3);
    await researcher.getByText("Svarene på dette spørsmålet, ett per arbeidsgiver").click();
    await expectAccessible(researcher, "results with the answers to the employment question");
    await researcher.getByRole("button", { name: "English" }).click();
    await researcher.getByRole("heading", { level: 1, name: /^Results/ }).waitFor();
    await expectAccessible(researcher, "results (en)");
  });
});

// In Debian's Chromium: a job specialist (scripts off, and another with scripts on) adds a participant, sees the outcome
// section appear only for a status in work, gets errors at the fields, saves dated versions (one
// after the session ended) and records a withdrawal of consent; a researcher reads the statistics in both languages and
// filters them. axe (WCAG 2.1 AA) runs on every page visited.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, expectFailures, launchBrowser, logIn, newPage } from "../support/browser";
import { identities, seedDemo } from "../support/seed";
import { startServer, type RunningServer } from "../support/server";

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


const outcomeHeading = (page: Page) => page.getByRole("heading", { name: "Måloppnåelse" });

describe("participant reports in the browser", () => {
  for (const { javaScript, who, name } of [
    { javaScript: false, who: identities.jsA, name: "Aina Demosen" },
    { javaScript: true, who: identities.jsB, name: "Cecilie Demosen" },
  ]) {
    it(`a job specialist reports ${javaScript ? "with" : "without"} JavaScript: conditional fields, errors, versions, consent`, { timeout: 480_000 }, async () => {
      const page = await newPage(browser, { javaScript });
      // Forms sent back with their errors (400), and the save after the session ended (401).
      expectFailures(page, { status: 400, method: "POST" }, { status: 401, method: "POST" });
      await logIn(page, server.url, who, passwords[who]);
      await expectAccessible(page, "job specialist home with the reports panel");
      await page.getByRole("link", { name: "Gå til individrapportene" }).click();
      await page.getByRole("heading", { name: "Individrapporter", level: 1 }).waitFor();
      await expectAccessible(page, "participant list");

      // Adding a participant: a bad submit first, then a good one.
      await page.getByLabel("Måneden du overtok deltakeren").fill("2018-03");
      await page.getByRole("button", { name: "Legg til deltaker og lag kode" }).click();
      await page.getByText("Kryss av for at samtykket er innhentet").waitFor();
      expect(await page.getByLabel("Måneden du overtok deltakeren").inputValue()).toBe("2018-03");
      await expectAccessible(page, "add participant with errors");
      await page.getByLabel("Datoen samtykket ble innhentet").fill("2018-03-12");
      await page.getByLabel("Deltakeren har gitt informert samtykke").check();
      await page.getByRole("button", { name: "Legg til deltaker og lag kode" }).click();
      const heading = page.getByRole("heading", { name: /^Individrapport D-[2-9A-Z]{6}$/ });
      await heading.waitFor();
      const code = (await heading.textContent())!.replace("Individrapport ", "");
      await page.getByText(`Deltakeren har fått koden ${code}`).waitFor();
      await expectAccessible(page, "empty report form");

      // The outcome section shows only for a status in work (CSS, no script), "Annen bransje" only for "Annet".
      expect(await outcomeHeading(page).isVisible()).toBe(false);
      await page.getByRole("radio", { name: "Skrevet ut til arbeid" }).check();
      expect(await outcomeHeading(page).isVisible()).toBe(true);
      expect(await page.getByLabel("Annen bransje").isVisible()).toBe(false);
      await page.getByLabel("Bransje", { exact: true }).selectOption({ label: "Annet" });
      expect(await page.getByLabel("Annen bransje").isVisible()).toBe(true);
      await page.getByRole("radio", { name: "Norskkurs" }).check();
      expect(await outcomeHeading(page).isVisible()).toBe(false);

      // Missing answers and a name in the text: errors at the fields, what was typed kept.
      await page.getByLabel("Rapporten gjelder fra").fill("2018-05-02");
      await page.getByLabel("Hjemland", { exact: true }).selectOption({ label: "Eritrea" });
      await page.getByLabel(/^Hvorfor deltakeren ble tatt inn/).fill("Mohammed trengte tett oppfølging.");
      await page.getByRole("button", { name: "Lagre rapporten" }).click();
      await page.getByText("Rapporten er ikke lagret").waitFor();
      await page.getByText("Dette ser ut som et navn («Mohammed»)").waitFor();
      expect(await page.getByLabel(/^Hvorfor deltakeren ble tatt inn/).inputValue()).toBe("Mohammed trengte tett oppfølging.");
      expect(await page.getByLabel("Hjemland", { exact: true }).inputValue()).toBe("232");
      await expectAccessible(page, "report form with errors");

      // A first version: in a Norwegian course.
      await page.getByLabel(/^Hvorfor deltakeren ble tatt inn/).fill("Deltakeren trengte tett oppfølging mot arbeidsgivere.");
      await page.getByRole("radio", { name: "Kvinne" }).check();
      await page.getByLabel("Alder da JS overtok deltakeren").fill("33");
      await page.getByRole("radio", { name: "Norskkurs" }).check();
      await page.getByRole("textbox", { name: /^Hva tilførte SE i oppfølgingen/ }).fill("Jobbspesialisten fant en arbeidsgiver som passet.");
      await page.getByRole("button", { name: "Lagre rapporten" }).click();
      await page.getByText("Versjon 1 er lagret.").waitFor();
      await expectAccessible(page, "report saved");

      // A second version: in work, with the outcome section filled in.
      await page.getByLabel("Rapporten gjelder fra").fill("2018-10-15");
      await page.getByRole("radio", { name: "Skrevet ut til arbeid" }).check();
      await page.getByRole("radio", { name: "Fast" }).check();
      await page.getByLabel("Stillingsprosent (%)").fill("80");
      await page.getByLabel("Bransje", { exact: true }).selectOption({ label: "Hoteller" });
      await page.getByRole("group", { name: "Om deltakeren har etteroppfølging" }).getByRole("radio", { name: "Ja" }).check();
      await page.getByRole("button", { name: "Lagre rapporten" }).click();
      await page.getByText("Versjon 2 er lagret.").waitFor();

      // The session ends while writing: what was typed comes back with a login form that saves it.
      await page.getByLabel("Stillingsprosent (%)").fill("100");
      await page.context().clearCookies();
      await page.getByRole("button", { name: "Lagre rapporten" }).click();
      await page.getByRole("heading", { name: "Logg inn igjen for å lagre rapporten" }).waitFor();
      await expectAccessible(page, "logged out while saving");
      await page.getByLabel("E-postadresse").fill(who);
      await page.getByLabel("Passord").fill(passwords[who]);
      await page.getByRole("button", { name: "Logg inn og lagre" }).click();
      await page.getByText("Versjon 3 er lagret.").waitFor();
      expect(await page.getByLabel("Stillingsprosent (%)").inputValue()).toBe("100");

      await page.getByRole("link", { name: "Se alle versjoner (3)" }).click();
      await page.getByRole("heading", { name: `Versjoner av rapporten ${code}` }).waitFor();
      await page.getByRole("cell", { name: "15.10.2018" }).waitFor();
      await page.getByRole("heading", { name: /^Versjon 3, gjelder fra \d{1,2}\. \p{L}+ \d{4}$/u }).waitFor();
      await expectAccessible(page, "versions");
      await page.getByRole("link", { name: "Vis versjon 1" }).click();
      await page.getByRole("heading", { name: "Versjon 1, gjelder fra 2. mai 2018" }).waitFor();

      // Withdrawing consent: recorded, and the report closes.
      await page.getByRole("link", { name: "Samtykke og tilbaketrekking" }).click();
      await expectAccessible(page, "consent");
      await page.getByLabel("Datoen samtykket ble trukket").fill("2018-11-01");
      await page.getByLabel("Jeg bekrefter at deltakeren har trukket samtykket").check();
      await page.getByRole("button", { name: "Registrer at samtykket er trukket" }).click();
      await page.getByText("Tilbaketrekkingen er registrert.").waitFor();
      await page.getByText(`Samtykket ble trukket 1. november 2018. Registrert av ${name}`).waitFor();
      await expectAccessible(page, "consent withdrawn");
      await page.goto(`${server.url}/reports`);
      await page.getByRole("row", { name: new RegExp(code) }).getByText("Trukket 01.11.2018").waitFor();
    });
  }

  it("a researcher reads and filters the statistics, in both languages", { timeout: 180_000 }, async () => {
    const page = await newPage(browser);
    await logIn(page, server.url, identities.researcher, passwords[identities.researcher]);
    const menu = page.getByRole("navigation", { name: "Hovedmeny" });
    await menu.getByText("Undersøkelser og statistikk").click();
    await menu.getByRole("link", { name: "Statistikk fra individrapportene" }).click();
    await page.getByRole("heading", { name: "Statistikk fra individrapportene" }).waitFor();
    await expect.poll(() => page.getByTestId("reports-count").textContent()).toBe("202");
    expect(await page.getByTestId("in-work").textContent()).toMatch(/^99 \(49\s%\)$/);
    await page.getByRole("heading", { name: "Kjønn" }).waitFor();
    expect(await page.getByRole("img", { name: /Stolpediagram over andelene i tabellen «Kjønn»/ }).count()).toBe(1);
    await expectAccessible(page, "statistics (nb)");

    await page.getByLabel("Program", { exact: true }).selectOption("jobbsjansen");
    await page.getByRole("button", { name: "Vis statistikk" }).click();
    await expect.poll(() => page.getByTestId("reports-count").textContent()).toBe("91");
    await page.getByLabel("Status per dato").selectOption("2018-06-30");
    await page.getByRole("button", { name: "Vis statistikk" }).click();
    // A status date's suppression is computed on its first view (a second or two), then kept.
    await expect.poll(async () => Number(await page.getByTestId("reports-count").textContent()), { timeout: 30_000 }).toBeLessThan(91);
    await expectAccessible(page, "statistics filtered");

    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { name: "Statistics from the participant reports" }).waitFor();
    await page.getByRole("link", { name: "Clear the filters" }).click();
    await expect.poll(() => page.getByTestId("reports-count").textContent()).toBe("202");
    await expectAccessible(page, "statistics (en)");
  });
});

// In Debian's Chromium: setup → invite a job specialist → the invitee sets a password → logs in
// → sees their home page, in bokmål and in English, with axe (WCAG 2.1 AA) on every page. The
// invitation works with JavaScript on and off, and the link has a copy button only with it.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, expectFailures, launchBrowser, logIn, newPage } from "../support/browser";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const password = "sommerfugl over fjorden";


async function visit(page: Page, path: string) {
  await page.goto(server.url + path);
  await expectAccessible(page);
}

describe("onboarding in the browser", () => {
  it("goes from setup to a job specialist's home page, in both languages", { timeout: 420_000 }, async () => {
    const researcher = await newPage(browser);
    await visit(researcher, "/");
    await expect.poll(() => researcher.url()).toContain("/setup");

    // A bad submit first: errors at the fields, values kept, and the page still passes axe.
    expectFailures(researcher, { status: 400, method: "POST" });
    await researcher.getByLabel("Navn").fill("Forsker Fjord");
    await researcher.getByLabel("E-postadresse").fill("forsker-fjord");
    await researcher.getByRole("button", { name: "Opprett forskerkonto" }).click();
    await researcher.getByText("Skriv en gyldig e-postadresse").waitFor();
    expect(await researcher.getByLabel("Navn").inputValue()).toBe("Forsker Fjord");
    await expectAccessible(researcher, "setup with errors");

    await researcher.getByLabel("E-postadresse").fill("forsker@fjord.example");
    await researcher.getByLabel("Passord", { exact: true }).fill(password);
    await researcher.getByLabel("Gjenta passordet").fill(password);
    await researcher.getByRole("button", { name: "Opprett forskerkonto" }).click();
    await researcher.getByRole("heading", { name: "Hei, Forsker Fjord" }).waitFor();
    await expectAccessible(researcher, "researcher home");

    // A project with a case organisation and a case project.
    await visit(researcher, "/projects");
    await researcher.getByLabel("Prosjekttittel").fill("Fjordprosjektet");
    await researcher.getByLabel("Kortnavn").fill("fjord-2026");
    await researcher.getByRole("button", { name: "Opprett prosjekt" }).click();
    await researcher.getByRole("heading", { name: "Fjordprosjektet" }).waitFor();
    await expectAccessible(researcher, "project page");
    await researcher.getByLabel("Navn på casen (organisasjonen)").fill("NAV Fjordby");
    await researcher.getByRole("button", { name: "Legg til case", exact: true }).click();
    await researcher.getByRole("cell", { name: /NAV Fjordby/ }).waitFor();
    await researcher.getByLabel("Case", { exact: true }).selectOption({ label: "NAV Fjordby" });
    await researcher.getByLabel("Navn på caseprosjektet").fill("Jobbsjansen i Fjordby");
    await researcher.getByLabel("Program").selectOption("jobbsjansen");
    await researcher.getByRole("button", { name: "Legg til caseprosjekt" }).click();
    await researcher.getByText("Jobbsjansen i Fjordby").first().waitFor();

    // Invite a job specialist; the link has a copy button.
    const link = await invite(researcher, "Jorunn Jobb", "jorunn@fjord.example");
    await expectAccessible(researcher, "invitation link");
    await researcher.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await researcher.getByRole("button", { name: "Kopier lenken" }).click();
    await researcher.getByText("Kopiert.").waitFor();
    expect(await researcher.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await visit(researcher, "/people");

    // The invitee, without JavaScript, in English.
    const invitee = await newPage(browser, { javaScript: false });
    await invitee.goto(link);
    expect(new URL(invitee.url()).pathname).toBe("/invitation");
    await invitee.getByRole("button", { name: "English" }).click();
    await invitee.getByRole("heading", { name: "Welcome to Medforsker" }).waitFor();
    await expectAccessible(invitee, "invitation (en)");
    await invitee.getByLabel("New password").fill(password);
    await invitee.getByLabel("Repeat the password").fill(password);
    await invitee.getByRole("button", { name: "Save password and log in" }).click();
    await invitee.getByRole("heading", { name: "Hello, Jorunn Jobb" }).waitFor();
    await expect.poll(() => invitee.textContent("main")).toContain("Jobbsjansen i Fjordby");
    await expectAccessible(invitee, "job specialist home (en)");

    // Log out, log in again, switch to bokmål.
    await invitee.getByRole("button", { name: "Log out" }).click();
    await invitee.getByRole("heading", { name: "Log in" }).waitFor();
    await expectAccessible(invitee, "login (en)");
    expect(await invitee.title()).toBe("Log in – Medforsker");
    await invitee.getByLabel("E-mail address").fill("jorunn@fjord.example");
    await invitee.getByLabel("Password").fill(password);
    await invitee.getByRole("button", { name: "Log in" }).click();
    await invitee.getByRole("heading", { name: "Hello, Jorunn Jobb" }).waitFor();
    await invitee.getByRole("button", { name: "Norsk (bokmål)" }).click();
    await invitee.getByRole("heading", { name: "Hei, Jorunn Jobb" }).waitFor();
    await expectAccessible(invitee, "job specialist home (nb)");
    await visit(invitee, "/account");
    await visit(invitee, "/accessibility");
    await visit(invitee, "/privacy");

    // The researcher's pages in English too.
    await researcher.getByRole("button", { name: "English" }).click();
    await researcher.getByRole("heading", { name: "People" }).waitFor();
    await expectAccessible(researcher, "people (en)");
    await visit(researcher, "/people/new");
    await visit(researcher, "/projects/fjord-2026");
    await visit(researcher, "/instruments");
    await researcher.getByRole("button", { name: "Norsk (bokmål)" }).click();
    await researcher.getByRole("heading", { name: "Instrumenter" }).waitFor();
  });

  it("an invitee with JavaScript sets a password (the link is copied from a page without it)", { timeout: 300_000 }, async () => {
    // Without JavaScript there is no copy button, and the link is plain text to select.
    const researcher = await logIn(await newPage(browser, { javaScript: false }), server.url, "forsker@fjord.example", password);
    const link = await invite(researcher, "Jonas Jobb", "jonas@fjord.example");
    expect(await researcher.getByRole("button", { name: "Kopier lenken" }).count()).toBe(0);
    expect(await researcher.getByTestId("invitation-link").evaluate((e) => getComputedStyle(e).userSelect)).not.toBe("none");
    await expectAccessible(researcher, "invitation link without JavaScript");

    // The invitee's page posts through /invitation.data: the cookie must reach it.
    const invitee = await newPage(browser);
    await invitee.goto(link);
    expect(new URL(invitee.url()).pathname).toBe("/invitation");
    await invitee.getByRole("heading", { name: "Velkommen til Medforsker" }).waitFor();
    expectFailures(invitee, { status: 400, method: "POST", path: "/invitation.data" });
    await invitee.getByLabel("Nytt passord").fill(password);
    await invitee.getByLabel("Gjenta passordet").fill("noe annet enn passordet");
    await invitee.getByRole("button", { name: "Lagre passord og logg inn" }).click();
    await invitee.getByText("Passordene er ikke like").waitFor();
    await expectAccessible(invitee, "invitation with errors (JavaScript)");
    await invitee.getByLabel("Nytt passord").fill(password);
    await invitee.getByLabel("Gjenta passordet").fill(password);
    await invitee.getByRole("button", { name: "Lagre passord og logg inn" }).click();
    await invitee.getByRole("heading", { name: "Hei, Jonas Jobb" }).waitFor();
    await expectAccessible(invitee, "job specialist home (JavaScript)");
  });
});

/** Invites a job specialist of the Fjordby case project; returns the one-time link shown. */
async function invite(researcher: Page, name: string, email: string): Promise<string> {
  await visit(researcher, "/people/new");
  await researcher.getByLabel("Navn").fill(name);
  await researcher.getByLabel("E-postadresse").fill(email);
  await researcher.getByLabel("Rolle").selectOption("job_specialist");
  await researcher.getByLabel("Caseprosjektet jobbspesialisten arbeider i").selectOption({ label: "Jobbsjansen i Fjordby (Jobbsjansen)" });
  await researcher.getByRole("button", { name: "Lag invitasjonslenke" }).click();
  return (await researcher.getByTestId("invitation-link").textContent())!.trim();
}

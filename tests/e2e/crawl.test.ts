// Every page a person can reach, as each role of the demo project, in Chromium with JavaScript
// on: starting from the home page, follow the same-site links breadth first (a few instances of
// each kind of page), and on each page require no page error, console error or failed request,
// axe (WCAG 2.1 AA) clean, and no sideways scrolling of the page at 1280 px and at 320 px
// (WCAG 1.4.10 Reflow; a wide table may scroll inside its own labelled container). Downloads
// are fetched, not opened, and must not fail. Findings are gathered and reported together.
import fs from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, horizontalOverflow, launchBrowser, unlabelledScrollers, logIn, newPage, takePageProblems } from "../support/browser";
import { Client } from "../support/http";
import { identities, seedDemo } from "../support/seed";
import { startServer, type RunningServer } from "../support/server";
import { createWave, demoProjectId, issueLinks } from "../support/survey-flow";

let server: RunningServer;
let browser: Browser;
let passwords: Record<string, string>;
let employerLink = "";

/** Pages of one kind (same route pattern and query names) visited at most this often. */
const PER_PATTERN = 2;
const WIDE = { width: 1280, height: 900 };
const NARROW = { width: 320, height: 800 };
/** Per role; the crawl stops short of it and reports what it found so far. */
const TIMEOUT = 900_000;

beforeAll(async () => {
  const seeded = await seedDemo();
  passwords = seeded.passwords;
  [server, browser] = await Promise.all([startServer({ dataDir: seeded.dataDir }), launchBrowser()]);
  // An open wave with a link for the employer, made as the people make them.
  const researcher = new Client(server.url);
  await researcher.post("/login", { email: identities.researcher, password: passwords[identities.researcher] });
  const waveId = await createWave(researcher, { projectId: await demoProjectId(researcher), title: "Arbeidsgivere i gjennomgangen" });
  const specialist = new Client(server.url);
  await specialist.post("/login", { email: identities.jsA, password: passwords[identities.jsA] });
  employerLink = (await issueLinks(specialist, waveId, 1)).links[0].url;
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The kind of page: ids, codes and months in the path become placeholders; query values are dropped. */
function pattern(url: URL): string {
  const path = url.pathname.split("/").map((s) => (/^[a-z][a-z._-]*$/.test(s) || s === "" ? s : ":x")).join("/");
  return `${path}?${[...url.searchParams.keys()].sort().join("&")}`;
}

/** Links marked `download`, and file addresses, are fetched rather than opened. */
const downloadLinks = new Set<string>();
const isDownload = (url: URL) => downloadLinks.has(url.href) || /\.(csv|xlsx|zip|docx|pdf|sav|sps|qdpx|txt)$|\/download$/.test(url.pathname);
const skipped = (url: URL) => ["/logout", "/language"].includes(url.pathname) || url.pathname.startsWith("/s/");

const reflow = async (page: Page) => [...(await horizontalOverflow(page)), ...(await unlabelledScrollers(page))];

/** Waits until React has hydrated the page (or it has no scripts), then one more frame; false if it never does. */
async function hydrated(page: Page): Promise<boolean> {
  try {
    await page.waitForFunction(
      () => !document.querySelector("script[type=module]") || Object.keys(document.getElementById("main") ?? document.body).some((k) => k.startsWith("__reactFiber")),
      undefined,
      { timeout: 15_000 },
    );
  } catch {
    return false;
  }
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  return true;
}

interface CrawlResult {
  pages: string[];
  downloads: string[];
  findings: string[];
  /** Milliseconds spent per step, to see where the time goes. */
  time: Record<string, number>;
}

/** Crawls breadth first from `start` until done or until `deadline` (then says so as a finding). */
async function crawl(page: Page, start: string, deadline: number): Promise<CrawlResult> {
  const result: CrawlResult = { pages: [], downloads: [], findings: [], time: {} };
  // Generous waits: CI machines are shared, and a large page with axe can take a while there.
  page.setDefaultTimeout(120_000);
  page.setDefaultNavigationTimeout(120_000);
  let mark = Date.now();
  const lap = (step: string) => {
    const now = Date.now();
    result.time[step] = (result.time[step] ?? 0) + now - mark;
    mark = now;
  };
  const seen = new Set<string>();
  const perPattern = new Map<string, number>();
  const axed = new Set<string>();
  const queue: string[] = [start];
  const enqueue = (href: string) => {
    const url = new URL(href);
    url.hash = "";
    if (url.origin !== server.url || skipped(url) || seen.has(url.href)) return;
    seen.add(url.href);
    const kind = isDownload(url) ? `download ${pattern(url)}` : pattern(url);
    const count = perPattern.get(kind) ?? 0;
    if (count >= PER_PATTERN) return;
    perPattern.set(kind, count + 1);
    queue.push(url.href);
  };
  seen.add(new URL(start).href);
  while (queue.length) {
    if (Date.now() > deadline) {
      result.findings.push(`out of time with ${queue.length} pages left: ${queue.slice(0, 5).join(" ")}`);
      break;
    }
    const href = queue.shift()!;
    if (process.env.CRAWL_LOG) fs.appendFileSync(process.env.CRAWL_LOG, `${new Date().toISOString()} ${href}\n`);
    const url = new URL(href);
    const where = url.pathname + url.search;
    if (isDownload(url)) {
      const response = await page.request.get(href);
      result.downloads.push(where);
      if (response.status() >= 400) result.findings.push(`${where}: download answered ${response.status()}`);
      await response.dispose();
      continue;
    }
    // A page that throws (a timeout on a loaded machine, say) is a finding; the crawl goes on.
    try {
      await page.setViewportSize(WIDE);
      lap("other");
      const response = await page.goto(href);
      lap("load");
      result.pages.push(where);
      if (!response || response.status() >= 400) result.findings.push(`${where}: answered ${response?.status()}`);
      if (!(await hydrated(page))) result.findings.push(`${where}: the page did not hydrate`);
      lap("hydrate");
      // axe is most of the time: once per kind of page.
      if (!axed.has(pattern(url))) {
        axed.add(pattern(url));
        for (const v of await axeViolations(page)) result.findings.push(`${where}: axe ${v}`);
        lap("axe");
      }
      for (const line of await reflow(page)) result.findings.push(`${where} at 1280 px: ${line}`);
      await page.setViewportSize(NARROW);
      for (const line of await reflow(page)) result.findings.push(`${where} at 320 px: ${line}`);
      lap("reflow");
      for (const problem of takePageProblems(page.context())) result.findings.push(`${where}: ${problem}`);
      const links = await page.$$eval("a[href]", (as) => as.map((a) => ({ href: (a as HTMLAnchorElement).href, download: a.hasAttribute("download") })));
      for (const link of links) {
        if (link.download) downloadLinks.add(link.href.split("#")[0]);
        enqueue(link.href);
      }
    } catch (error) {
      result.findings.push(`${where}: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
    }
  }
  for (const problem of takePageProblems(page.context())) result.findings.push(`after the crawl: ${problem}`);
  return result;
}

function report(role: string, result: CrawlResult, ms: number) {
  const steps = Object.entries(result.time).map(([step, t]) => `${step} ${(t / 1000).toFixed(1)} s`).join(", ");
  console.log(`crawl as ${role}: ${result.pages.length} pages and ${result.downloads.length} downloads in ${(ms / 1000).toFixed(1)} s (${steps})\n  ${result.pages.join("\n  ")}`);
  expect(result.findings, `findings as ${role}`).toEqual([]);
  expect(result.pages.length).toBeGreaterThan(0);
}

describe("every page of every role, with JavaScript, at 1280 and 320 px", () => {
  for (const [role, email] of [
    ["researcher", identities.researcher],
    ["case lead", identities.leadA],
    ["job specialist", identities.jsA],
  ] as const) {
    it(`as a ${role}`, { timeout: TIMEOUT }, async () => {
      const started = Date.now();
      const page = await logIn(await newPage(browser, { viewport: WIDE }), server.url, email, passwords[email]);
      takePageProblems(page.context());
      const result = await crawl(page, `${server.url}/`, started + TIMEOUT - 30_000);
      await page.context().close();
      report(role, result, Date.now() - started);
    });
  }

  it("as an employer with a survey link", { timeout: TIMEOUT }, async () => {
    const started = Date.now();
    const page = await newPage(browser, { viewport: WIDE });
    await page.goto(employerLink);
    expect(new URL(page.url()).pathname).toBe("/s");
    const result = await crawl(page, page.url(), started + TIMEOUT - 30_000);
    await page.context().close();
    report("employer", result, Date.now() - started);
  });
});

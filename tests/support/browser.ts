// Debian's Chromium driven by playwright-core (no browser download), and axe-core as the judge
// of WCAG 2.1 AA on every page a test visits.
//
// Every browser context of a browser from launchBrowser() is watched: an uncaught page error, a
// console.error (React's hydration errors included) or a failed request (a response with status
// 4xx/5xx, or a request that never got one) fails the running test, unless the test declared it
// with expectFailures(). The one exemption is a page a person is shown: a navigation answered with
// a 4xx page (a form sent back with its errors, a "log in again" page), which tests check by its
// content. A 5xx is never exempt.
import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page, type Request } from "playwright-core";
import { afterAll, afterEach, expect } from "vitest";

export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** A person in Norway: bokmål browser, Oslo time (the server may run in another time zone). */
const defaults: BrowserContextOptions = { locale: "nb-NO", timezoneId: "Europe/Oslo" };

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(chromiumPath)) {
    throw new Error(`Chromium not found at ${chromiumPath}: install Debian's chromium (apt-get install -y chromium)`);
  }
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
  // Every context, however a test makes it, is watched.
  const newContext = browser.newContext.bind(browser);
  unwatched.set(browser, newContext);
  browser.newContext = async (options) => {
    const merged = { ...defaults, ...options };
    const context = await newContext(merged);
    contextOptions.set(context, merged);
    return watch(context);
  };
  browser.newPage = async (options) => (await browser.newContext(options)).newPage();
  return browser;
}

/** A failure a test provokes on purpose. Every given field must match. */
export interface ExpectedFailure {
  /** The response status; a request that got no response matches `network` instead. */
  status?: number;
  /** The request's path (with its query), exactly or by pattern. */
  path?: string | RegExp;
  method?: string;
  /** Chromium's error text of a request that got no response, e.g. /ERR_INTERNET_DISCONNECTED/. */
  network?: RegExp;
  /** A console.error the situation causes (say, a fetch while offline); matches nothing else. */
  console?: RegExp;
}

interface Watch {
  problems: string[];
  expected: ExpectedFailure[];
  closed: boolean;
}

const watches = new Map<BrowserContext, Watch>();
/** The browser's own newContext, for the copies axe reads (not a page a person sees). */
const unwatched = new WeakMap<Browser, Browser["newContext"]>();
const contextOptions = new WeakMap<BrowserContext, BrowserContextOptions>();

function watch(context: BrowserContext): BrowserContext {
  const w: Watch = { problems: [], expected: [], closed: false };
  watches.set(context, w);
  context.on("close", () => (w.closed = true));
  const note = (problem: string) => w.problems.push(problem);
  // Every page of the context, as it opens: uncaught errors and console errors.
  context.on("page", (page) => {
    page.on("pageerror", (error) => note(`uncaught error on ${page.url()}: ${error.stack ?? error.message}`));
    page.on("console", (m) => {
      // Chromium's own line for a failed response; the response itself is judged below.
      if (m.type() !== "error" || m.text().startsWith("Failed to load resource:")) return;
      if (w.expected.some((e) => e.console?.test(m.text()))) return;
      note(`console.error on ${page.url()}: ${m.text()}`);
    });
  });
  context.on("response", (r) => {
    const request = r.request();
    const status = r.status();
    if (status < 400) return;
    if (status < 500 && isPageNavigation(request)) return;
    if (w.expected.some((e) => matches(e, request, status))) return;
    note(`${status} for ${request.method()} ${request.url()} (${request.resourceType()})`);
  });
  context.on("requestfailed", (request) => {
    const error = request.failure()?.errorText ?? "";
    // A request the browser itself dropped (the person navigated on) is not a failure, nor is a
    // script a browser with scripts off does not fetch.
    if (error.includes("ERR_ABORTED")) return;
    if (contextOptions.get(context)?.javaScriptEnabled === false && request.resourceType() === "script") return;
    if (w.expected.some((e) => e.network?.test(error) && matches({ ...e, network: undefined }, request))) return;
    note(`no response for ${request.method()} ${request.url()}: ${error}`);
  });
  return context;
}

function isPageNavigation(request: Request): boolean {
  return request.isNavigationRequest() && request.frame().parentFrame() === null;
}

function matches(e: ExpectedFailure, request: Request, status?: number): boolean {
  if (e.console || (e.network && status !== undefined)) return false;
  if (e.status !== undefined && e.status !== status) return false;
  if (e.method && e.method.toUpperCase() !== request.method()) return false;
  if (e.path !== undefined) {
    const url = new URL(request.url());
    const path = url.pathname + url.search;
    if (typeof e.path === "string" ? path !== e.path && url.pathname !== e.path : !e.path.test(path)) return false;
  }
  return true;
}

/** Declares failures this page's context will meet on purpose (for the rest of its life). */
export function expectFailures(page: Page, ...expected: ExpectedFailure[]): void {
  const w = watches.get(page.context());
  if (!w) throw new Error("expectFailures: this page's browser was not started with launchBrowser()");
  w.expected.push(...expected);
}

/** What the watch saw in this context (or in every context) since the last look; forgets it. */
export function takePageProblems(context?: BrowserContext): string[] {
  const problems: string[] = [];
  for (const [c, w] of watches) {
    if (context && c !== context) continue;
    problems.push(...w.problems.splice(0));
    if (w.closed) watches.delete(c);
  }
  return problems;
}

/** Fails on anything the watch saw in this context (or in every context) since the last look. */
export function expectNoPageProblems(context?: BrowserContext): void {
  expect(takePageProblems(context), "page errors, console errors or failed requests").toEqual([]);
}

// Every test file that uses these helpers checks after each test (and after its last hook).
// Outside vitest (a script) there is no test to fail.
if (process.env.VITEST) {
  afterEach(() => expectNoPageProblems());
  afterAll(() => expectNoPageProblems());
}

/** A page in a fresh context (own cookies). `javaScript: false` is a browser with scripts off. */
export async function newPage(browser: Browser, options: { javaScript?: boolean } & BrowserContextOptions = {}) {
  const { javaScript = true, ...rest } = options;
  const context = await browser.newContext({ ...rest, javaScriptEnabled: javaScript });
  return context.newPage();
}

/**
 * Runs axe with the WCAG 2.1 A and AA rules on the page as it is now; fails on any violation and
 * on any problem the watch saw so far. axe needs scripts, so a page without JavaScript is checked
 * as a copy of its exact HTML (scripts removed) served at the same URL in a scripting context
 * with the same screen.
 */
export async function expectAccessible(page: Page, label = page.url()) {
  expectNoPageProblems(page.context());
  let target = page;
  if (contextOptions.get(page.context())?.javaScriptEnabled === false) {
    const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>|<link rel="modulepreload"[^>]*>/gi, "");
    const url = page.url();
    const browser = page.context().browser()!;
    const context = await (unwatched.get(browser) ?? browser.newContext)(screenOf(page));
    target = await context.newPage();
    await target.route(url, (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }));
    await target.goto(url);
  }
  const summary = await axeViolations(target);
  if (target !== page) await target.context().close();
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

/**
 * axe's WCAG 2.1 A and AA violations on the page as it is now, one line each. Only violations are
 * worked out in full (`resultTypes`): axe then skips the selectors of every passing node, most of
 * its time on a large page.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  // options() replaces what withTags() set, so it comes first.
  const results = await new AxeBuilder({ page })
    .options({ resultTypes: ["violations"] })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

/** The screen a page was opened with, for the scripted copy axe reads. */
function screenOf(page: Page): BrowserContextOptions {
  const o = contextOptions.get(page.context()) ?? {};
  return { viewport: page.viewportSize(), isMobile: o.isMobile, hasTouch: o.hasTouch, deviceScaleFactor: o.deviceScaleFactor };
}

/** Logs in through the login form (bokmål, as a first visit is) and waits for the home page. */
export async function logIn(page: Page, baseUrl: string, email: string, password: string): Promise<Page> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel("E-postadresse").fill(email);
  await page.getByLabel("Passord").fill(password);
  await page.getByRole("button", { name: "Logg inn" }).click();
  await page.getByRole("heading", { level: 1, name: /^Hei, / }).waitFor();
  return page;
}

/** Opens a path of the app and checks the page with axe. */
export async function visitAccessible(page: Page, baseUrl: string, path: string, label = path): Promise<void> {
  await page.goto(baseUrl + path);
  await expectAccessible(page, label);
}

/**
 * WCAG 2.1 1.4.10 Reflow, which axe does not check: the page itself must not scroll sideways
 * (a wide table may scroll inside its own container). Returns what sticks out past the right
 * edge (outside any scrolling container), or [] when the page fits.
 */
export async function horizontalOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth) return [];
    const scrolls = (el: Element) => ["auto", "scroll", "hidden", "clip"].includes(getComputedStyle(el).overflowX);
    // Inside a box that scrolls (or clips) it. An absolutely positioned element escapes such a box
    // unless its containing block is the box or inside it.
    const inScroller = (el: Element) => {
      const position = getComputedStyle(el).position;
      if (position === "fixed") return false;
      const block = position === "absolute" ? (el as HTMLElement).offsetParent : null;
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        if (scrolls(p) && (position !== "absolute" || (block !== null && (p === block || p.contains(block))))) return true;
      }
      return false;
    };
    const culprits: string[] = [];
    const edge = root.clientWidth + 0.5;
    for (const el of Array.from(document.body.querySelectorAll("*"))) {
      if (inScroller(el)) continue;
      const box = el.getBoundingClientRect();
      // The box itself, or its content (a long word) spilling out of it.
      const right = Math.max(box.right, box.left + (scrolls(el) ? 0 : el.scrollWidth)) + window.scrollX;
      if (right <= edge) continue;
      // Name only the innermost element that sticks out.
      if (!scrolls(el) && Array.from(el.children).some((c) => c.getBoundingClientRect().right + window.scrollX > edge)) continue;
      const name = el.tagName.toLowerCase() + (el.id ? `#${el.id}` : "") + (el.classList.length ? `.${Array.from(el.classList).join(".")}` : "");
      culprits.push(`${name} (right edge ${Math.round(right)} px): ${(el.textContent ?? "").trim().slice(0, 40)}`);
    }
    return [`page is ${root.scrollWidth} px wide in a ${root.clientWidth} px window`, ...culprits.slice(0, 6)];
  });
}

/**
 * Boxes that scroll sideways must be reachable and named: role=region, a label and tabindex=0,
 * so a keyboard user can scroll them and a screen reader says what they hold. Returns those
 * that are not.
 */
export async function unlabelledScrollers(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.body.querySelectorAll("*"))
      .filter((el) => el.scrollWidth > el.clientWidth + 1 && ["auto", "scroll"].includes(getComputedStyle(el).overflowX))
      .filter((el) => !(el.getAttribute("role") === "region" && (el.getAttribute("aria-label") || el.getAttribute("aria-labelledby")) && el.getAttribute("tabindex") === "0"))
      .map((el) => `${el.tagName.toLowerCase()}.${Array.from(el.classList).join(".")} scrolls sideways but is not a labelled, focusable region: ${(el.textContent ?? "").trim().slice(0, 40)}`),
  );
}

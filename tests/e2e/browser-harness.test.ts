// The watch in tests/support/browser.ts sees what a person's browser would complain about: an
// uncaught error, a console.error (as React reports a hydration mismatch), a subresource answered
// 4xx/5xx and a request that got no answer. Pages here are served by route handlers, no app.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectFailures, launchBrowser, newPage, takePageProblems } from "../support/browser";

const origin = "http://harness.test";
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A page whose document is `html`; /missing.css answers 404, /broken.js 500, /gone.png no answer. */
async function serve(html: string, options: { javaScript?: boolean } = {}): Promise<Page> {
  const page = await newPage(browser, options);
  await page.route(`${origin}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === "/missing.css") return route.fulfill({ status: 404, body: "" });
    if (path === "/broken.js") return route.fulfill({ status: 500, body: "" });
    if (path === "/gone.png") return route.abort("connectionrefused");
    if (path === "/form") return route.fulfill({ status: 400, contentType: "text/html", body: "<title>x</title><p>Fix the form</p>" });
    return route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html });
  });
  await page.goto(`${origin}/`);
  await page.waitForLoadState("load");
  return page;
}

describe("the page watch", () => {
  it("sees an uncaught error and a console.error", async () => {
    const page = await serve(`<script>console.error("Hydration failed"); setTimeout(() => { throw new Error("boom"); });</script>`);
    await page.waitForTimeout(100);
    const problems = takePageProblems(page.context());
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^console\.error on .*: Hydration failed$/);
    expect(problems[1]).toMatch(/^uncaught error on .*boom/);
    await page.context().close();
  });

  it("sees failed subresources: 4xx, 5xx and no answer", async () => {
    const page = await serve(`<link rel="stylesheet" href="/missing.css"><script src="/broken.js"></script><img alt="" src="/gone.png">`);
    const problems = takePageProblems(page.context()).sort();
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^404 for GET .*\/missing\.css \(stylesheet\)$/);
    expect(problems[1]).toMatch(/^500 for GET .*\/broken\.js \(script\)$/);
    expect(problems[2]).toMatch(/^no response for GET .*\/gone\.png: net::ERR_CONNECTION_REFUSED$/);
    await page.context().close();
  });

  it("lets a test declare what it provokes, and a page shown with 4xx is no failure", async () => {
    const page = await serve(`<link rel="stylesheet" href="/missing.css"><script src="/broken.js"></script>`);
    expect(takePageProblems(page.context())).toHaveLength(2);
    expectFailures(page, { status: 404, path: "/missing.css" });
    await page.reload();
    expect(takePageProblems(page.context())).toEqual([expect.stringMatching(/^500 for GET .*\/broken\.js/)]);
    await page.goto(`${origin}/form`);
    expect(takePageProblems(page.context())).toEqual([]);
    await page.context().close();
  });

  it("watches contexts made any way, without JavaScript too", async () => {
    const page = await serve(`<link rel="stylesheet" href="/missing.css"><script src="/broken.js"></script>`, { javaScript: false });
    expect(takePageProblems(page.context())).toEqual([expect.stringMatching(/^404 for GET .*\/missing\.css/)]);
    const context = await browser.newContext();
    const other = await context.newPage();
    await other.route(`${origin}/**`, (route) => route.fulfill({ status: 503, contentType: "text/html", body: "<title>Down</title><p>Down</p>" }));
    await other.goto(`${origin}/`);
    expect(takePageProblems(context)).toEqual([expect.stringMatching(/^503 for GET http:\/\/harness\.test\/ \(document\)$/)]);
    await page.context().close();
    await context.close();
  });
});

// The employer's browser for the survey e2e tests: a phone (small screen, touch) or a wide
// screen, with JavaScript off. axe needs scripts, so such a page is checked as a copy of its
// exact HTML served at the same URL in a scripting context with the same screen (as
// tests/support/browser.ts does for its pages without JavaScript).
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { expectAccessible } from "./browser";

const screens = new WeakMap<Page, BrowserContextOptions>();

export const PHONE: BrowserContextOptions = { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
export const WIDE: BrowserContextOptions = { viewport: { width: 1280, height: 900 } };

export async function employerPage(browser: Browser, screen: BrowserContextOptions): Promise<Page> {
  const context = await browser.newContext({ ...screen, javaScriptEnabled: false });
  const page = await context.newPage();
  screens.set(page, screen);
  return page;
}

export async function expectAccessibleWithoutJavaScript(page: Page, label: string) {
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, "");
  const url = page.url();
  const context = await page.context().browser()!.newContext(screens.get(page) ?? {});
  const copy = await context.newPage();
  await copy.route(url, (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }));
  await copy.goto(url);
  try {
    await expectAccessible(copy, label);
  } finally {
    await context.close();
  }
}

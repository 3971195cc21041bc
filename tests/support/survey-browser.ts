// The employer's browser for the survey e2e tests: a phone (small screen, touch) or a wide
// screen, with JavaScript off unless asked (the employer's pages have no scripts either way).
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { newPage } from "./browser";

export const PHONE: BrowserContextOptions = { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
export const WIDE: BrowserContextOptions = { viewport: { width: 1280, height: 900 } };

export function employerPage(browser: Browser, screen: BrowserContextOptions, javaScript = false): Promise<Page> {
  return newPage(browser, { ...screen, javaScript });
}

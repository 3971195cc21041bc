// Request plumbing of the employer's pages: the page options, a size-limited body reader and
// the rate limits. No logging here: a token must never reach a log.
import type { AppLoadContext } from "@remix-run/node";
import { getLocale } from "~/i18n/locale.server";
import { linkTokenHash } from "./keys.server";
import { renderNotice, htmlResponse, type NoticeKind, type PageOptions } from "./public-pages.server";
import { badLinkLimit, clearLinkCookie, invalidSubmitLimit, MAX_BODY_BYTES } from "./respond.server";

export async function pageOptions(request: Request, context: AppLoadContext, stylesheet: string, here: string): Promise<PageOptions> {
  return { locale: await getLocale(request, context), stylesheet, here };
}

const noticeStatus: Record<NoticeKind, number> = { done: 200, unavailable: 200, limited: 429, tooLarge: 413 };

/** A notice page (the same for everybody, so cached), optionally clearing the link cookie. */
export function notice(request: Request, context: AppLoadContext, kind: NoticeKind, options: PageOptions, clearCookie = false): Response {
  const headers: Record<string, string> = {};
  if (clearCookie) headers["Set-Cookie"] = clearLinkCookie(context.config.secureCookies);
  if (kind === "limited") headers["Retry-After"] = "600";
  return htmlResponse(request, () => renderNotice(kind, options), {
    status: noticeStatus[kind],
    headers,
    cacheKey: `notice:${kind}:${options.locale}:${options.here}:${options.stylesheet}`,
  });
}

const badKey = (context: AppLoadContext) => `survey-bad-link:${context.clientAddress}`;
const formKey = (token: string) => `survey-form:${linkTokenHash(token).slice(0, 24)}`;

export function tooManyBadLinks(context: AppLoadContext): boolean {
  return context.limiter.isLimited(badKey(context), badLinkLimit);
}
export function countBadLink(context: AppLoadContext): void {
  context.limiter.hit(badKey(context), badLinkLimit);
}
export function tooManyInvalidSubmits(context: AppLoadContext, token: string): boolean {
  return context.limiter.isLimited(formKey(token), invalidSubmitLimit);
}
export function countInvalidSubmit(context: AppLoadContext, token: string): void {
  context.limiter.hit(formKey(token), invalidSubmitLimit);
}

/** The url-encoded body, or null when it is larger than MAX_BODY_BYTES or of another type. */
export async function readFormBody(request: Request): Promise<URLSearchParams | null> {
  const type = request.headers.get("Content-Type") ?? "";
  if (!type.toLowerCase().startsWith("application/x-www-form-urlencoded")) return null;
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (declared > MAX_BODY_BYTES) return null;
  if (!request.body) return new URLSearchParams();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

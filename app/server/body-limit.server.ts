// Every request body has a ceiling, enforced before anything reads it into memory: forms
// FORM_BODY_BYTES, the transcript upload its own (README, "Limits"). A body that declares a
// larger Content-Length is refused at once, unread; a body sent in chunks without a length is
// counted as it streams and cut off at the limit. Either way the answer is a 413 page in the
// person's language; the rest of the body is dropped as it arrives, up to a bound, then the
// connection is closed.
import { Transform, type Readable } from "node:stream";
import type { NextFunction, Request, Response } from "express";
import { translator } from "~/i18n/catalog";
import { htmlLang, type Locale } from "~/i18n/locale";
import { MAX_UPLOAD_BYTES, MAX_UPLOAD_FORM_BYTES } from "../exchanges/transcript-limits";
import { MAX_IMPORT_FILE_BYTES, MAX_IMPORT_FORM_BYTES } from "../imports/limits";

/** Largest body of an ordinary form (url-encoded or multipart without a file). */
export const FORM_BODY_BYTES = 1024 * 1024;

export interface BodyLimit {
  readonly bytes: number;
  /** The largest file, on a page that takes one. */
  readonly fileBytes: number | null;
}

/** Pages that take a file, with their larger limit (`.data`: the same form sent by the app's JavaScript). */
const UPLOAD_PAGES: readonly { pattern: RegExp; limit: BodyLimit }[] = [
  { pattern: /^\/exchanges\/[^/]+\/transcripts(?:\.data)?\/?$/, limit: { bytes: MAX_UPLOAD_FORM_BYTES, fileBytes: MAX_UPLOAD_BYTES } },
  { pattern: /^\/imports(?:\.data)?\/?$/, limit: { bytes: MAX_IMPORT_FORM_BYTES, fileBytes: MAX_IMPORT_FILE_BYTES } },
];

export function bodyLimitFor(path: string): BodyLimit {
  return UPLOAD_PAGES.find((page) => page.pattern.test(path))?.limit ?? { bytes: FORM_BODY_BYTES, fileBytes: null };
}

/** Whether the request carries a body without saying how long it is (chunked). */
export function hasUndeclaredBody(req: Request): boolean {
  return req.headers["content-length"] === undefined && req.headers["transfer-encoding"] !== undefined;
}

const megabytes = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The 413 page: what the limit is, that nothing was saved, and the way back. Plain HTML, no script. */
export function tooLargePage(locale: Locale, limit: BodyLimit, back: string): string {
  const t = translator(locale);
  const title = t("error.tooLarge.title");
  const text = limit.fileBytes
    ? t("error.tooLarge.upload", { file: megabytes(limit.fileBytes), max: megabytes(limit.bytes) })
    : t("error.tooLarge.form", { max: megabytes(limit.bytes) });
  return `<!DOCTYPE html>
<html lang="${htmlLang(locale)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(`${title} – ${t("app.name")}`)}</title></head>
<body><main>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(text)}</p>
<p>${escapeHtml(t("error.tooLarge.nothingSaved"))}</p>
<p><a href="${escapeHtml(back)}">${escapeHtml(t("error.tooLarge.back"))}</a></p>
</main></body>
</html>
`;
}

/** How much of a refused body is still read (and dropped) so the client gets the 413 page. */
const LINGER_BYTES = 32 * 1024 * 1024;
const LINGER_MS = 10_000;

/**
 * Reads and drops the rest of a refused body, so a client still sending it (a browser uploading
 * a large file) receives the 413 page instead of a reset connection; past LINGER_BYTES or
 * LINGER_MS the connection is closed.
 */
function discardRest(req: Request): void {
  if (req.complete || req.destroyed) return;
  let left = LINGER_BYTES;
  const close = () => req.socket?.destroy();
  const timer = setTimeout(close, LINGER_MS).unref();
  req.on("data", (chunk: Buffer) => {
    left -= chunk.length;
    if (left < 0) close();
  });
  req.once("close", () => clearTimeout(timer));
  req.resume();
}

/** Sends the 413 page and drops the rest of the body. */
export function sendTooLarge(req: Request, res: Response, locale: Locale, limit: BodyLimit): void {
  discardRest(req);
  if (res.headersSent) return;
  // Back to the page the form was on: its own address without Remix's data suffix or query.
  const back = req.path.replace(/\.data$/, "") || "/";
  res.status(413).set("Cache-Control", "no-store").type("html").send(tooLargePage(locale, limit, back));
}

/** Refuses a body whose declared length is over the limit of its page, before anyone reads it. */
export function refuseLargeBodies(localeOf: (req: Request) => Promise<Locale>) {
  return (req: Request, res: Response, next: NextFunction) => {
    const declared = req.headers["content-length"];
    if (declared === undefined) return next();
    const limit = bodyLimitFor(req.path);
    if (Number(declared) <= limit.bytes) return next();
    localeOf(req)
      .catch(() => "nb" as const)
      .then((locale) => sendTooLarge(req, res, locale, limit));
  };
}

/**
 * The body of a request sent without a declared length, read through a counter: past `bytes` it
 * calls `onTooLarge` once and fails, so whatever reads it stops. `req` itself stays open, for
 * sendTooLarge to drop the rest.
 */
export function limitedBody(req: Request, bytes: number, onTooLarge: () => void): Readable {
  let seen = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen <= bytes) return done(null, chunk);
      onTooLarge();
      done(new Error("request body too large"));
    },
  });
  return req.pipe(counter);
}

// What the server writes about a request that went wrong. There is no access log (URLs may carry
// one-time tokens), and what every public server sees all day - an unknown address, a wrong
// method, a malformed URL, a probe of Remix's old `?_data` API - is the visitor's mistake, not
// ours: nothing is written for it. A real error is written with its stack, the address cut out.
import { isRouteErrorResponse } from "@remix-run/react";
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from "express";

const DATA_API_WARNING = "Warning: Single fetch-enabled apps should not be making ?_data requests";

/** For Remix's handleError: the text to log for an error of this request, or null for nothing. */
export function requestErrorLog(error: unknown, request: Request): string | null {
  if (request.signal.aborted) return null;
  if (isRouteErrorResponse(error)) {
    if (error.status < 500) return null;
    // Remix's own 5xx responses hold the real error (a private field).
    const inner = (error as { error?: unknown }).error;
    return withoutAddress(inner instanceof Error ? stackOf(inner) : `${error.status} ${error.statusText}`, request.url);
  }
  if (error instanceof Error && error.message.startsWith(DATA_API_WARNING)) return null;
  return withoutAddress(stackOf(error), request.url);
}

/**
 * Express's last error handler: what went wrong before Remix (a URL that cannot be decoded is a
 * 400 with the path in its message). Express's own handler would log the message.
 */
export function expressErrors(error: unknown, req: ExpressRequest, res: ExpressResponse, next: NextFunction) {
  if (res.headersSent) return next(error);
  const status = (error as { status?: unknown }).status;
  if (typeof status === "number" && status >= 400 && status < 500) {
    res.status(status).type("text/plain").send(status === 400 ? "Bad Request" : "Request refused");
    return;
  }
  console.error(withoutAddress(stackOf(error), req.originalUrl));
  res.status(500).type("text/plain").send("Internal Server Error");
}

function stackOf(error: unknown): string {
  return error instanceof Error ? (error.stack ?? String(error)) : String(error);
}

/**
 * The text with the request's full address (and query) and every employer or invitation link cut
 * out. A bare path is left alone: "/log" also occurs in the stack's file names.
 */
export function withoutAddress(text: string, address: string): string {
  const url = new URL(address, "http://localhost");
  const forms = [address, url.href, url.search ? url.pathname + url.search : ""].filter((f) => f.length > 1 && f !== url.pathname);
  let result = text;
  for (const form of forms.sort((a, b) => b.length - a.length)) result = result.split(form).join("<address>");
  return result.replace(/\/(s|invitation)\/[\w%~.-]+/g, "/$1/<token>");
}

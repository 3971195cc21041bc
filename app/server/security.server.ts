// The security defaults of every response, in one place: CSP with a per-request nonce,
// no framing, a strict referrer policy, and a cross-site check on every mutation.
import crypto from "node:crypto";
import { isDirectRoute } from "./direct-routes.server";
import type { NextFunction, Request, Response } from "express";
import { crossSiteRefusalPage } from "./refusal-page.server";

export function securityHeaders(req: Request, res: Response, next: NextFunction) {
  const nonce = crypto.randomBytes(16).toString("base64");
  res.locals.nonce = nonce;
  res.setHeader(
    "Content-Security-Policy",
    [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'`,
      "style-src 'self'",
      "img-src 'self' data:",
      "font-src 'self'",
      "connect-src 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
      "base-uri 'none'",
      "object-src 'none'",
    ].join("; "),
  );
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("X-Content-Type-Options", "nosniff");
  // same-origin: our own pages get an Origin to check; other sites learn nothing of our URLs.
  res.setHeader("Referrer-Policy", "same-origin");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  if (req.secure) res.setHeader("Strict-Transport-Security", "max-age=31536000");
  next();
}

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);
const forwardedHeaders = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto"];

/**
 * Without TRUST_PROXY, X-Forwarded-* headers come from the client itself: drop them at the door
 * so nothing downstream (Remix's own origin check, its request URL) reads a forged value.
 */
export function untrustedForwardedHeaders(trustProxy: boolean) {
  return (req: Request, _res: Response, next: NextFunction) => {
    if (!trustProxy) for (const name of forwardedHeaders) delete req.headers[name];
    next();
  };
}

/** The host this request was sent to: the same header Remix compares an Origin with. */
function requestHost(req: Request): string | undefined {
  // X-Forwarded-Host is only still there when the proxy is trusted (see above).
  return req.get("X-Forwarded-Host")?.split(",")[0]?.trim() || req.get("Host");
}

/** Same scheme, host and port as this server; compared as exactly as Remix compares the host. */
function sameOrigin(origin: string, req: Request): boolean {
  if (origin === "null") return false;
  try {
    const url = new URL(origin);
    return url.protocol === `${req.protocol}:` && url.host === requestHost(req);
  } catch {
    return false;
  }
}

/**
 * Refuses state-changing requests that a browser marks as coming from another site: a
 * Sec-Fetch-Site other than same-origin/none, or an Origin that is not exactly this server's
 * (scheme, host and port). Clients that send neither header are not browsers and cannot carry a
 * victim's cookies, so they pass. SameSite=Lax cookies are the second layer. Every request that
 * Remix's own Origin check would answer with an empty 500 is refused here first, with a page.
 */
export function crossSiteGuard(req: Request, res: Response, next: NextFunction) {
  if (safeMethods.has(req.method)) return next();
  const site = req.get("Sec-Fetch-Site");
  if (site && site !== "same-origin" && site !== "none") return refuseCrossSite(req, res);
  const origin = req.get("Origin");
  if (origin === undefined || sameOrigin(origin, req)) return next();
  // The employer's pages send no referrer (the link's token must never reach the server with an
  // answer), so Chromium sends their posts with `Origin: null`; the browser's own same-origin mark
  // vouches for them. Remix would refuse such a post with a 500, so this is for Express's pages only.
  if (origin === "null" && site === "same-origin" && isDirectRoute(req.path)) return next();
  return refuseCrossSite(req, res);
}

async function refuseCrossSite(req: Request, res: Response) {
  res.status(403).type("html").send(await crossSiteRefusalPage(req.get("Cookie") ?? null));
}

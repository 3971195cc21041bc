// The security defaults of every response, in one place: CSP with a per-request nonce,
// no framing, a strict referrer policy, and a cross-site check on every mutation.
import crypto from "node:crypto";
import type { NextFunction, Request, Response } from "express";

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

/**
 * Refuses state-changing requests that a browser marks as coming from another site
 * (Fetch Metadata, then Origin). Clients that send neither header are not browsers and cannot
 * carry a victim's cookies, so they pass. SameSite=Lax cookies are the second layer.
 */
export function crossSiteGuard(req: Request, res: Response, next: NextFunction) {
  if (safeMethods.has(req.method)) return next();
  const site = req.get("Sec-Fetch-Site");
  if (site) return site === "same-origin" || site === "none" ? next() : refuse(res);
  const origin = req.get("Origin");
  if (!origin) return next();
  let originHost: string | null = null;
  try {
    originHost = origin === "null" ? null : new URL(origin).host;
  } catch {
    originHost = null;
  }
  return originHost !== null && originHost === req.get("Host") ? next() : refuse(res);
}

function refuse(res: Response) {
  res.status(403).type("text/plain").send("Cross-site request refused");
}

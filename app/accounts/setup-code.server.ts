// The one-time setup code (as Jenkins does it). While no researcher exists, whoever opens
// /setup first becomes the researcher; when other machines can reach the server, that must be
// the person who started it, so /setup asks for a code printed on the server's console.
import crypto from "node:crypto";
import type { Config } from "~/server/config";

// Crockford's base32: no I, L, O or U to misread. 16 characters = 80 bits.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, "").toLowerCase();
  return h === "localhost" || h === "::1" || /^127(\.\d{1,3}){3}$/.test(h) || /^::ffff:127(\.\d{1,3}){3}$/.test(h);
}

/**
 * A code is needed unless the server is bound to loopback and is used at a loopback address (a
 * laptop). Bound to loopback behind a reverse proxy (PUBLIC_URL elsewhere) is reachable too.
 */
export function needsSetupCode(config: Pick<Config, "host" | "publicUrl">): boolean {
  return !(isLoopback(config.host) && isLoopback(new URL(config.publicUrl).hostname));
}

/** «7K2M-QX9D-4TRB-H0WE» */
export function newSetupCode(): string {
  const chars = Array.from({ length: 16 }, () => ALPHABET[crypto.randomInt(ALPHABET.length)]);
  return chars.join("").replace(/(.{4})(?=.)/g, "$1-");
}

/** Case, spaces and dashes do not matter; compared in constant time. */
export function setupCodeMatches(expected: string, typed: string): boolean {
  const norm = (s: string) => crypto.createHash("sha256").update(s.toUpperCase().replace(/[\s-]/g, "")).digest();
  return crypto.timingSafeEqual(norm(expected), norm(typed));
}

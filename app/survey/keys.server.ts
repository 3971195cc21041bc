// Keys and tokens of the employer survey. The spent key is derived from the server secret
// (PSEUDONYM_KEY) with HKDF, so it is never stored in the database; see
// docs/decisions/survey-anonymity.md for what it protects.
import crypto from "node:crypto";
import { hashToken } from "~/auth/tokens.server";
import { randomId, spentKeyOf } from "./store-core.mjs";

export { randomId, spentKeyOf };

const derived = new Map<string, Buffer>();

/** HKDF-SHA-256 of the server secret for the spent set; the same secret gives the same key. */
export function spentKeyFor(secret: string): Buffer {
  let key = derived.get(secret);
  if (!key) {
    key = Buffer.from(crypto.hkdfSync("sha256", secret, "medforsker", "employer-survey spent set v1", 32));
    derived.set(secret, key);
  }
  return key;
}

/** 128 random bits, base64url: 22 characters in the link /s/<token>. */
export function newLinkToken(): string {
  return crypto.randomBytes(16).toString("base64url");
}

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{22}$/;

export function isLinkTokenShape(value: unknown): value is string {
  return typeof value === "string" && TOKEN_SHAPE.test(value);
}

/** SHA-256 of the token, hex: what the ledger keeps. */
export function linkTokenHash(token: string): string {
  return hashToken(token);
}

/**
 * A short code for a link that the job specialist sees beside it (in the list and the CSV), so
 * targeted reminders can name unused links without the platform keeping the links. Derived
 * from the token hash, so nothing more is stored.
 */
export function linkCode(tokenHash: string): string {
  return tokenHash.slice(0, 6).toUpperCase();
}

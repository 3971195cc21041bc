// Participant codes: the only name a participant has in Medforsker. Random, so a code says
// nothing about the person, the job specialist or the order of enrolment; short and free of
// look-alike characters (0/O, 1/I/L, U), so it can be read aloud and typed from paper.
import crypto from "node:crypto";

const ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
const LENGTH = 6;
export const CODE_PATTERN = /^D-[2-9A-HJKMNP-TV-Z]{6}$/;

/** "D-" and six characters, e.g. "D-7KQ4MX". `random` is injectable for a reproducible demo. */
export function newParticipantCode(random: () => number = secureRandom): string {
  let code = "";
  for (let i = 0; i < LENGTH; i++) code += ALPHABET[Math.floor(random() * ALPHABET.length)];
  return `D-${code}`;
}

function secureRandom(): number {
  return crypto.randomInt(0, 2 ** 32) / 2 ** 32;
}

export function isParticipantCode(value: unknown): value is string {
  return typeof value === "string" && CODE_PATTERN.test(value);
}

/** Idempotency keys of forms: made by the server when the form is shown. */
export function newFormKey(): string {
  return crypto.randomUUID();
}

export function isFormKey(value: unknown): value is string {
  return typeof value === "string" && /^[0-9a-f-]{36}$/.test(value);
}

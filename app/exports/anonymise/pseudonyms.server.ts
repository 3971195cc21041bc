// Stable pseudonyms: a keyed hash (HMAC-SHA256) of who someone is, under a key derived per project
// (HKDF-SHA256 of the server's pseudonym key with the project id). Two exports of the same project
// therefore call the same job specialist the same thing, and without the server's key nobody can
// go from a pseudonym back to a person or link two projects. "New pseudonyms for this export" uses a
// random key that is never stored, so that export cannot be joined to any other.
import crypto from "node:crypto";

export type PseudonymMode = "stable" | "fresh";

/** Prefix per kind of subject: JS = job specialist, CL = case lead, R = researcher, P = participant, S = employer respondent. */
export const PSEUDONYM_PREFIX = {
  job_specialist: "JS",
  case_lead: "CL",
  researcher: "R",
  participant: "P",
  respondent: "S",
} as const;
export type SubjectKind = keyof typeof PSEUDONYM_PREFIX;

/** Crockford base32: no I, L, O, U, so a pseudonym read aloud or retyped is not misread. */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/** 8 characters = 40 bits: collisions are unlikely even for 10,000 participants, and resolved below when they happen. */
const LENGTH = 8;

export function projectPseudonymKey(secret: string, projectId: number): Buffer {
  return Buffer.from(crypto.hkdfSync("sha256", Buffer.from(secret, "utf8"), "medforsker/export-pseudonyms/v1", `project:${projectId}`, 32));
}

export function freshPseudonymKey(): Buffer {
  return crypto.randomBytes(32);
}

function base32(bytes: Buffer, length: number): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < length) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    if (out.length >= length) break;
  }
  return out;
}

/**
 * Pseudonyms for a known set of subjects of one kind, computed up front so that a collision (two
 * subjects with the same 8 characters) is resolved the same way in every export: the subject with
 * the larger id gets two more characters of its hash.
 */
export class PseudonymTable {
  private readonly map = new Map<string, string>();

  constructor(
    private readonly key: Buffer,
    readonly kind: SubjectKind,
    ids: Iterable<number | string>,
  ) {
    const taken = new Map<string, string>();
    const sorted = [...new Set([...ids].map(String))].sort((a, b) => (Number(a) - Number(b)) || (a < b ? -1 : a > b ? 1 : 0));
    for (const id of sorted) {
      let length = LENGTH;
      let code = this.hash(id, length);
      while (taken.has(code) && length < 20) {
        length += 2;
        code = this.hash(id, length);
      }
      taken.set(code, id);
      this.map.set(id, code);
    }
  }

  private hash(id: string, length: number): string {
    const digest = crypto.createHmac("sha256", this.key).update(`${this.kind}:${id}`).digest();
    return `${PSEUDONYM_PREFIX[this.kind]}-${base32(digest, length)}`;
  }

  /** The pseudonym of a subject in the table; throws for one that is not (a bug in the caller). */
  of(id: number | string): string {
    const code = this.map.get(String(id));
    if (!code) throw new Error(`No pseudonym for ${this.kind} ${id}`);
    return code;
  }

  get size(): number {
    return this.map.size;
  }
}

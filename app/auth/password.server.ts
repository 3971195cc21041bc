// argon2id password hashing (@node-rs/argon2 defaults to argon2id with OWASP-level costs).
import { hash, verify } from "@node-rs/argon2";

export const passwordRules = { min: 10, max: 200 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  if (!storedHash) return false;
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

// A fixed hash to verify against when the account does not exist, so that a wrong e-mail
// takes as long as a wrong password.
let dummyHash: Promise<string> | undefined;
export function dummyVerify(password: string): Promise<boolean> {
  dummyHash ??= hash("not-a-real-password-0000");
  return dummyHash.then((h) => verifyPassword(h, password));
}

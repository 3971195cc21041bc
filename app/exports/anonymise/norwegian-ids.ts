// Check digits of Norwegian identifiers, so that only numbers that really could be one are
// redacted: national identity numbers (fødselsnummer) and D-numbers (11 digits, two mod-11
// control digits; D-numbers add 40 to the day), and organisation numbers (9 digits from the
// Enhetsregisteret, first digit 8 or 9, one mod-11 control digit). Pure; no I/O.

const FNR_K1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const FNR_K2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
const ORGNR_WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2];

/** The mod-11 control digit for `digits` (weights applied left to right); null when it would be 10. */
export function mod11(digits: readonly number[], weights: readonly number[]): number | null {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += weights[i] * digits[i];
  const k = 11 - (sum % 11);
  if (k === 11) return 0;
  return k === 10 ? null : k;
}

function digitsOf(value: string, length: number): number[] | null {
  const compact = value.replace(/[\s.\u00a0-]/g, "");
  if (compact.length !== length || !/^\d+$/.test(compact)) return null;
  return [...compact].map(Number);
}

export type PersonNumberKind = "nationalId" | "dNumber";

/**
 * "nationalId" or "dNumber" for an 11-digit number whose two control digits hold and whose date
 * part is possible (day 1-31, or 41-71 for a D-number; month 1-12, or +40 for an H-number, +80 for
 * Skatteetaten's synthetic test numbers); null otherwise. Spaces, dots and hyphens are ignored.
 */
export function personNumberKind(value: string): PersonNumberKind | null {
  const d = digitsOf(value, 11);
  if (!d) return null;
  let day = d[0] * 10 + d[1];
  let month = d[2] * 10 + d[3];
  const dNumber = day > 40;
  if (dNumber) day -= 40;
  if (month > 80) month -= 80;
  else if (month > 40) month -= 40;
  if (day < 1 || day > 31 || month < 1 || month > 12) return null;
  if (mod11(d, FNR_K1) !== d[9] || mod11(d, FNR_K2) !== d[10]) return null;
  return dNumber ? "dNumber" : "nationalId";
}

/** True for a 9-digit organisation number starting with 8 or 9 whose control digit holds. */
export function isOrganisationNumber(value: string): boolean {
  const d = digitsOf(value, 9);
  if (!d || (d[0] !== 8 && d[0] !== 9)) return false;
  return mod11(d, ORGNR_WEIGHTS) === d[8];
}

/** Completes 9 digits with the two control digits of a national identity number (null if none exist). For tests. */
export function withPersonNumberControls(nine: string): string | null {
  const d = [...nine].map(Number);
  const k1 = mod11(d, FNR_K1);
  if (k1 === null) return null;
  const k2 = mod11([...d, k1], FNR_K2);
  return k2 === null ? null : `${nine}${k1}${k2}`;
}

/** Completes 8 digits with the control digit of an organisation number (null if none exists). For tests. */
export function withOrganisationNumberControl(eight: string): string | null {
  const k = mod11([...eight].map(Number), ORGNR_WEIGHTS);
  return k === null ? null : `${eight}${k}`;
}

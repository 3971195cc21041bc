// Variable names: the SPSS rules every name in a definition must meet, and the mapping from a
// variable name to the HTML form field that carries it. Shared (no zod, no server code).

/** SPSS reserved words; a variable may not be called any of these (any case). */
export const SPSS_RESERVED_WORDS = [
  "ALL", "AND", "BY", "EQ", "GE", "GT", "LE", "LT", "NE", "NOT", "OR", "TO", "WITH",
] as const;

/** SPSS limit on a variable name: 64 bytes (IBM SPSS Statistics, "Variable names"). */
export const SPSS_MAX_NAME_BYTES = 64;

// Names that would collide with properties of every JavaScript object; answers and form
// payloads are plain objects keyed by name, so these are refused as well.
const JS_OBJECT_KEYS = new Set(
  Object.getOwnPropertyNames(Object.prototype).map((key) => key.toLowerCase()),
);

/** Why `name` is not a usable variable name, in plain English; null when it is fine. */
export function variableNameProblem(name: string): string | null {
  if (name.length === 0) return "the name is empty";
  if (!/^[\x20-\x7e]*$/.test(name)) return `"${name}" contains characters outside ASCII`;
  if (!/^[A-Za-z]/.test(name)) return `"${name}" must start with a letter (a-z)`;
  const bad = name.match(/[^A-Za-z0-9_.$#@]/);
  if (bad) {
    return `"${name}" contains "${bad[0]}"; only letters, digits and _ . $ # @ are allowed`;
  }
  if (name.endsWith(".")) return `"${name}" must not end with a full stop`;
  if ((SPSS_RESERVED_WORDS as readonly string[]).includes(name.toUpperCase())) {
    return `"${name}" is an SPSS reserved word (${SPSS_RESERVED_WORDS.join(" ")})`;
  }
  if (name.length > SPSS_MAX_NAME_BYTES) {
    return `"${name}" is ${name.length} bytes long; SPSS allows at most ${SPSS_MAX_NAME_BYTES}`;
  }
  if (JS_OBJECT_KEYS.has(name.toLowerCase())) {
    return `"${name}" is reserved by the platform; choose another name`;
  }
  return null;
}

/**
 * The form field that carries a variable. Conform reads "." in a field name as a path into
 * an object, so "." is written as ":" (which a variable name cannot contain).
 */
export function fieldName(variable: string): string {
  return variable.replace(/\./g, ":");
}

/**
 * An HTML id fragment for a field: characters other than letters, digits and "_" are written
 * as "-" plus their hex code, so different names never give the same id.
 */
export function idFragment(field: string): string {
  return field.replace(/[^A-Za-z0-9_]/g, (c) => `-${c.charCodeAt(0).toString(16)}`);
}

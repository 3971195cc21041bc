// Dates ("YYYY-MM-DD") and months ("YYYY-MM") as strings, compared as strings. "Today" is the
// date in Norway whatever the server's time zone. Browser-safe.

export const DATE_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
export const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** A real calendar date (not 2018-02-30). */
export function isDate(value: unknown): value is string {
  if (typeof value !== "string" || !DATE_PATTERN.test(value)) return false;
  const [y, m, d] = value.split("-").map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function isMonth(value: unknown): value is string {
  return typeof value === "string" && MONTH_PATTERN.test(value);
}

export { todayInNorway } from "../i18n/dates";

/** The last day of a month, "YYYY-MM-DD". */
export function endOfMonth(month: string): string {
  const [y, m] = month.split("-").map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(last).padStart(2, "0")}`;
}

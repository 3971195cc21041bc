// Months as "YYYY-MM" strings: the unit of log submission. Browser-safe (no server imports).
// "Today" is the date in Norway, whatever the server's time zone.
import type { TFunction } from "~/i18n/catalog";
import { todayInNorway } from "../i18n/dates";

export const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;
export const DATE_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export function isMonth(value: unknown): value is string {
  return typeof value === "string" && MONTH_PATTERN.test(value);
}

/** The month of a "YYYY-MM-DD" date. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

export function addMonths(month: string, n: number): string {
  const [y, m] = month.split("-").map(Number);
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** Every month from `start` to `end`, inclusive (at most `limit`). */
export function monthRange(start: string, end: string, limit = 240): string[] {
  const months: string[] = [];
  for (let m = start; m <= end && months.length < limit; m = addMonths(m, 1)) months.push(m);
  return months;
}

export { todayInNorway };

export function currentMonth(now: Date = new Date()): string {
  return monthOf(todayInNorway(now));
}

const monthKeys = [
  "logs.monthName.1",
  "logs.monthName.2",
  "logs.monthName.3",
  "logs.monthName.4",
  "logs.monthName.5",
  "logs.monthName.6",
  "logs.monthName.7",
  "logs.monthName.8",
  "logs.monthName.9",
  "logs.monthName.10",
  "logs.monthName.11",
  "logs.monthName.12",
] as const;

/** "november 2026" / "November 2026". */
export function monthLabel(t: TFunction, month: string): string {
  const [y, m] = month.split("-");
  return `${t(monthKeys[Number(m) - 1])} ${y}`;
}

/** "nov. 17" style short label for grid headers. */
export function monthShort(t: TFunction, month: string): string {
  const [y, m] = month.split("-");
  return `${t(monthKeys[Number(m) - 1]).slice(0, 3)} ${y.slice(2)}`;
}

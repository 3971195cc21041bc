// Dates of the employer survey are calendar dates in Norway: a wave is open from the first
// minute of its open date to the last minute of its close date, Europe/Oslo; answers keep
// only the month.
import { todayInNorway } from "../i18n/dates";

/** YYYY-MM-DD in Europe/Oslo. */
export function osloDate(at: Date = new Date()): string {
  return todayInNorway(at);
}

/** YYYY-MM in Europe/Oslo. */
export function osloMonth(at: Date = new Date()): string {
  return osloDate(at).slice(0, 7);
}

/** Adds days to a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

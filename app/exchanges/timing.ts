// Length of an exchange and the report's wording for it: hours follow from the start and end
// time, half or full day from the hours, and either may be overridden by hand where the report
// disagrees with itself (Tabell 3 nr. 11: «6,5 t, halvdagssamling»). Browser-safe.
import type { ExchangeDayKind } from "../../db/schema/exchanges";
import type { TFunction } from "~/i18n/catalog";
import { formatDate, formatMonth, todayInNorway, type DateStyle } from "../i18n/dates";
import type { Locale } from "~/i18n/locale";

/** From this many hours a session is a half day («halvdagssamling»): the report's 3,5 t. */
export const HALF_DAY_FROM_HOURS = 3;
/** From this many hours a full day («heldagssamling»): the report's 6,5 t. */
export const FULL_DAY_FROM_HOURS = 5;

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isTime(value: string): boolean {
  return TIME.test(value);
}

export function minutesOf(time: string | null | undefined): number | null {
  const m = time ? TIME.exec(time) : null;
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/** Hours between two HH:MM times (to the nearest quarter hour), or null. */
export function hoursBetween(start: string | null | undefined, end: string | null | undefined): number | null {
  const a = minutesOf(start);
  const b = minutesOf(end);
  if (a === null || b === null || b <= a) return null;
  return Math.round(((b - a) / 60) * 4) / 4;
}

export function dayKindFor(hours: number | null): ExchangeDayKind | null {
  if (hours === null) return null;
  if (hours >= FULL_DAY_FROM_HOURS) return "full";
  if (hours >= HALF_DAY_FROM_HOURS) return "half";
  return "none";
}

export interface TimingInput {
  readonly startTime: string | null;
  readonly endTime: string | null;
  readonly hoursOverride: number | null;
  readonly dayKindOverride: ExchangeDayKind | null;
}

export interface Timing {
  readonly hours: number | null;
  readonly dayKind: ExchangeDayKind | null;
  readonly computedHours: number | null;
  readonly computedDayKind: ExchangeDayKind | null;
  readonly overridden: boolean;
}

export function timingOf(e: TimingInput): Timing {
  const computedHours = hoursBetween(e.startTime, e.endTime);
  const hours = e.hoursOverride ?? computedHours;
  const computedDayKind = dayKindFor(hours);
  return {
    hours,
    dayKind: e.dayKindOverride ?? computedDayKind,
    computedHours,
    computedDayKind,
    overridden: e.hoursOverride !== null || e.dayKindOverride !== null,
  };
}

/** 3.5 → "3,5" (nb) / "3.5" (en); whole hours without decimals. */
export function formatHours(hours: number, locale: Locale): string {
  const text = Number.isInteger(hours) ? String(hours) : String(Math.round(hours * 100) / 100);
  return locale === "nb" ? text.replace(".", ",") : text;
}

/** «3,5 t, halvdagssamling», «1 t», or "–" when the length is not known. */
export function hoursLabel(timing: Pick<Timing, "hours" | "dayKind">, locale: Locale, t: TFunction): string {
  if (timing.hours === null) return "–";
  const hours = t("exchanges.timing.hours", { hours: formatHours(timing.hours, locale) });
  if (timing.dayKind === "half") return `${hours}, ${t("exchanges.dayKind.half")}`;
  if (timing.dayKind === "full") return `${hours}, ${t("exchanges.dayKind.full")}`;
  return hours;
}

/** An exchange's date by the one date rule; an approximate date is its month («juni 2017»). */
export function formatExchangeDate(date: string, approximate: boolean, locale: Locale, style: DateStyle = "text"): string {
  return approximate ? formatMonth(date.slice(0, 7), locale) : formatDate(date, locale, style);
}

export { todayInNorway };

// Length of an exchange and the report's wording for it: hours follow from the start and end
// time, half or full day from the hours, and either may be overridden by hand where the report
// disagrees with itself (Tabell 3 nr. 11: «6,5 t, halvdagssamling»). Browser-safe.
import type { ExchangeDayKind } from "../../db/schema/exchanges";
import type { TFunction } from "~/i18n/catalog";
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

/** "2017-06-30" → "30.06.17" (the report's form) in nb, "30 Jun 2017" in en. */
export function formatExchangeDate(date: string, approximate: boolean, locale: Locale, t: TFunction): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  const [, y, mo, d] = m;
  const month = t(`exchanges.month.${Number(mo)}` as "exchanges.month.1");
  if (approximate) return `${month} ${y}`;
  return locale === "nb" ? `${d}.${mo}.${y.slice(2)}` : `${Number(d)} ${month.slice(0, 3)} ${y}`;
}

/** Today's date in Norway as YYYY-MM-DD: deadlines are whole Norwegian days. */
export function todayInNorway(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Oslo", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/** A stored time (unix seconds) as Norwegian local date and time, the same on server and browser. */
export function formatTimestamp(seconds: number, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === "nb" ? "nb-NO" : "en-GB", {
    timeZone: "Europe/Oslo",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  }).format(new Date(seconds * 1000));
}

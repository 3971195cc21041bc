// How dates and times read on a page: one rule per language, for every page.
//   in running text   «6. desember 2026», «6. desember 2026 kl. 14:05»  ·  «6 December 2026», «6 December 2026, 14:05»
//   in tables, lists  «06.12.2026», «06.12.2026 14:05»                  ·  «06/12/2026», «06/12/2026 14:05»
//   months            «desember 2026»                                   ·  «December 2026»
// ISO 8601 (2026-12-06) is for exports, form values and machine-readable attributes
// (`<time dateTime>`, see components/DateTime.tsx), never for reading. Stored times are unix
// seconds shown in Norwegian time whatever the server's or the browser's zone; the text is put
// together here from numeric parts and month names, so the server and the browser write the same.
import { htmlLang, type Locale } from "./locale";

export type DateStyle = "text" | "table";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;

const osloParts = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Oslo",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** Unix seconds as the date ("YYYY-MM-DD") and clock time ("HH:MM") in Norway. */
function inNorway(seconds: number): { date: string; time: string } {
  const parts = Object.fromEntries(osloParts.formatToParts(new Date(seconds * 1000)).map((p) => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** The date in Norway of a moment (default: now), "YYYY-MM-DD": deadlines and "today" are Norwegian days. */
export function todayInNorway(now: Date = new Date()): string {
  return inNorway(now.getTime() / 1000).date;
}

/** A moment as a file name part in Norwegian time, «2026-12-06-1405». */
export function fileStampInNorway(at: Date): string {
  const { date, time } = inNorway(at.getTime() / 1000);
  return `${date}-${time.replace(":", "")}`;
}

/** The first second of a Norwegian day ("YYYY-MM-DD") as unix seconds, for filters by date. */
export function startOfDayInNorway(date: string): number {
  const [y, m, d] = date.split("-").map(Number);
  const utcMidnight = Date.UTC(y, m - 1, d) / 1000;
  // Norway is one or two hours ahead of UTC; the clock there at UTC midnight tells which.
  const hoursAhead = Number(inNorway(utcMidnight).time.slice(0, 2));
  return utcMidnight - hoursAhead * 3600;
}

const monthNames = new Map<Locale, string[]>();
/** «desember» / «December», from the language's calendar data. */
export function monthName(month: number, locale: Locale): string {
  let names = monthNames.get(locale);
  if (!names) {
    const format = new Intl.DateTimeFormat(htmlLang(locale), { month: "long", timeZone: "UTC" });
    names = Array.from({ length: 12 }, (_, i) => format.format(new Date(Date.UTC(2000, i, 15))));
    monthNames.set(locale, names);
  }
  return names[month - 1];
}

/** "2026-12-06" → «6. desember 2026» (text) or «06.12.2026» (table); en «6 December 2026» / «06/12/2026». */
export function formatDate(date: string, locale: Locale, style: DateStyle = "text"): string {
  const m = ISO_DATE.exec(date);
  if (!m) return date;
  const [, y, mo, d] = m;
  if (style === "table") return locale === "nb" ? `${d}.${mo}.${y}` : `${d}/${mo}/${y}`;
  const name = monthName(Number(mo), locale);
  return locale === "nb" ? `${Number(d)}. ${name} ${y}` : `${Number(d)} ${name} ${y}`;
}

/** Unix seconds → «6. desember 2026 kl. 14:05» (text) or «06.12.2026 14:05» (table), Norwegian time. */
export function formatDateTime(seconds: number, locale: Locale, style: DateStyle = "text"): string {
  const { date, time } = inNorway(seconds);
  const day = formatDate(date, locale, style);
  if (style === "table") return `${day} ${time}`;
  return locale === "nb" ? `${day} kl. ${time}` : `${day}, ${time}`;
}

/** "2026-12" → «desember 2026» / «December 2026». */
export function formatMonth(month: string, locale: Locale): string {
  const m = ISO_MONTH.exec(month);
  return m ? `${monthName(Number(m[2]), locale)} ${m[1]}` : month;
}

/** The machine-readable form of a stored time for `<time dateTime>`. */
export function isoDateTime(seconds: number): string {
  return new Date(seconds * 1000).toISOString();
}

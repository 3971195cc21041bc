// The report's overview tables regenerated from the data: Tabell 3 (exchanges for job
// specialists) and Tabell 4 (for leaders), with the planned ones. Hours and day kind come from
// the times (or the override); the numbers of people and cases from the attendance, only for
// exchanges that were held. Cancelled exchanges are left out, as in the report.
import { and, asc, eq, ne } from "drizzle-orm";
import { exchanges, type ExchangeAudience, type ExchangeDayKind, type ExchangeStatus } from "../../db/schema";
import type { Db } from "../../db/connection.server";
import type { TFunction } from "~/i18n/catalog";
import type { Locale } from "~/i18n/locale";
import { attendanceCounts } from "./attendance.server";
import { FULL_DAY_FROM_HOURS, HALF_DAY_FROM_HOURS, formatExchangeDate, hoursLabel, timingOf } from "./timing";

export interface OverviewRow {
  readonly id: number;
  readonly number: number;
  readonly date: string;
  readonly dateIsApproximate: boolean;
  readonly status: ExchangeStatus;
  readonly hours: number | null;
  readonly dayKind: ExchangeDayKind | null;
  /** Null unless held. */
  readonly participants: number | null;
  readonly cases: number | null;
  readonly theme: string;
}

export function overviewRows(db: Db, projectId: number, audience: ExchangeAudience): OverviewRow[] {
  const list = db
    .select()
    .from(exchanges)
    .where(and(eq(exchanges.projectId, projectId), eq(exchanges.audience, audience), ne(exchanges.status, "cancelled")))
    .orderBy(asc(exchanges.date), asc(exchanges.number))
    .all();
  const counts = attendanceCounts(db, list);
  return list.map((e) => {
    const timing = timingOf(e);
    const held = e.status === "held";
    const c = counts.get(e.id);
    return {
      id: e.id,
      number: e.number,
      date: e.date,
      dateIsApproximate: e.dateIsApproximate,
      status: e.status,
      hours: timing.hours,
      dayKind: timing.dayKind,
      participants: held ? c?.participants ?? 0 : null,
      cases: held ? c?.cases ?? 0 : null,
      theme: e.theme,
    };
  });
}

export interface OverviewSummary {
  readonly held: number;
  readonly planned: number;
  readonly attendances: number;
  readonly fullDays: number;
  readonly halfDays: number;
}

export function summarise(rows: readonly OverviewRow[]): OverviewSummary {
  const held = rows.filter((r) => r.status === "held");
  return {
    held: held.length,
    planned: rows.length - held.length,
    attendances: held.reduce((n, r) => n + (r.participants ?? 0), 0),
    // Counted by the hours, not by an overridden label (nr. 11: 6,5 t «halvdagssamling» is a full day).
    fullDays: held.filter((r) => r.hours !== null && r.hours >= FULL_DAY_FROM_HOURS).length,
    halfDays: held.filter((r) => r.hours !== null && r.hours >= HALF_DAY_FROM_HOURS && r.hours < FULL_DAY_FROM_HOURS).length,
  };
}

/** The table as the report prints it, in the page's language: headers and text cells. */
export interface OverviewTable {
  readonly title: string;
  readonly headers: readonly string[];
  readonly rows: readonly { readonly id: number; readonly cells: readonly string[] }[];
}

export function overviewTable(rows: readonly OverviewRow[], audience: ExchangeAudience, locale: Locale, t: TFunction): OverviewTable {
  const js = audience === "job_specialists";
  return {
    title: t(js ? "exchanges.overview.table3" : "exchanges.overview.table4"),
    headers: [
      t("exchanges.overview.col.number"),
      t("exchanges.overview.col.date"),
      t("exchanges.overview.col.hours"),
      t(js ? "exchanges.overview.col.js" : "exchanges.overview.col.participants"),
      t("exchanges.overview.col.cases"),
      t(js ? "exchanges.overview.col.theme" : "exchanges.overview.col.themes"),
    ],
    rows: rows.map((r) => {
      const date = formatExchangeDate(r.date, r.dateIsApproximate, locale, "table");
      return {
        id: r.id,
        cells: [
          r.status === "held" ? String(r.number) : `(${r.number})`,
          r.status === "held" ? date : t("exchanges.overview.planned", { date }),
          hoursLabel(r, locale, t),
          r.participants === null ? "–" : String(r.participants),
          r.cases === null ? "–" : String(r.cases),
          r.theme,
        ],
      };
    }),
  };
}

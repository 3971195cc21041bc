// Form schemas of the report pages (zod; messages in the person's language). The report itself
// is validated from the codebook (parseInstrumentForm); these are the forms around it.
import { z } from "zod";
import { programmes } from "../../db/schema";
import type { TFunction } from "~/i18n/catalog";
import { formatDate, formatMonth } from "~/i18n/dates";
import type { Locale } from "~/i18n/locale";
import { isFormKey } from "./codes.server";
import { isDate, isMonth } from "./dates";

/** The earliest date or month the forms accept: the project's reports start in 2017. */
export const EARLIEST_DATE = "2000-01-01";

const dateField = (t: TFunction, locale: Locale, today: string, min = EARLIEST_DATE, minMessage = t("reports.v.dateTooEarly", { date: formatDate(min, locale) })) =>
  z
    .string({ error: t("reports.v.dateRequired") })
    .trim()
    .refine(isDate, t("reports.v.date"))
    .refine((d) => d <= today, t("reports.v.dateFuture"))
    .refine((d) => d >= min, minMessage);

const confirmed = (message: string) => z.literal("on", { error: message });

export const newParticipantSchema = (t: TFunction, locale: Locale, today: string) =>
  z.object({
    clientKey: z.string().refine(isFormKey),
    startMonth: z
      .string({ error: t("reports.v.monthRequired") })
      .trim()
      .refine(isMonth, t("reports.v.month"))
      .refine((m) => m <= today.slice(0, 7), t("reports.v.monthFuture"))
      .refine((m) => m >= EARLIEST_DATE.slice(0, 7), t("reports.v.dateTooEarly", { date: formatMonth(EARLIEST_DATE.slice(0, 7), locale) })),
    consentDate: dateField(t, locale, today),
    consentConfirmed: confirmed(t("reports.v.consentConfirm")),
  });

export const withdrawalSchema = (t: TFunction, locale: Locale, today: string, consentDate: string) =>
  z.object({
    withdrawnDate: dateField(t, locale, today, consentDate, t("reports.v.beforeConsent", { date: formatDate(consentDate, locale) })),
    withdrawalConfirmed: confirmed(t("reports.v.withdrawalConfirm")),
  });

/** The date a report version applies from: a real date, not in the future, not before the start month. */
export function effectiveDateError(t: TFunction, locale: Locale, value: unknown, today: string, startMonth: string): string | null {
  if (typeof value !== "string" || value.trim() === "") return t("reports.v.dateRequired");
  const date = value.trim();
  if (!isDate(date)) return t("reports.v.date");
  if (date > today) return t("reports.v.dateFuture");
  if (date < `${startMonth}-01`) return t("reports.v.beforeStart", { month: formatMonth(startMonth, locale) });
  return null;
}

export interface StatisticsFilters {
  readonly project: string | null;
  readonly caseProject: number | null;
  readonly programme: (typeof programmes)[number] | null;
  /** A status date from the page's list (the end of a half-year); null: the latest version. */
  readonly asOf: string | null;
}

/**
 * The statistics filters from the query string. A value that does not parse is dropped (the
 * page says so next to that filter) so a bad link still shows figures. There is no start-period
 * filter: see docs/decisions/statistics-disclosure.md.
 */
export function parseStatisticsFilters(t: TFunction, params: URLSearchParams): { filters: StatisticsFilters; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const get = (name: string) => {
    const value = params.get(name)?.trim() ?? "";
    return value === "" ? null : value;
  };
  const project = get("project");
  const caseRaw = get("case");
  const caseProject = caseRaw && /^\d{1,9}$/.test(caseRaw) ? Number(caseRaw) : null;
  if (caseRaw && caseProject === null) errors.case = t("reports.v.choose");
  const programmeRaw = get("programme");
  const programme = programmes.find((p) => p === programmeRaw) ?? null;
  if (programmeRaw && !programme) errors.programme = t("reports.v.choose");
  const asOfRaw = get("asOf");
  const asOf = asOfRaw && isDate(asOfRaw) ? asOfRaw : null;
  if (asOfRaw && !asOf) errors.asOf = t("reports.stats.asOfChoose");
  return { filters: { project, caseProject, programme, asOf }, errors };
}

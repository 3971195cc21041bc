// The experience exchanges of a project as export variables: a coded "samling" (100 + number for
// the job specialists' series, 200 + number for the leaders'), the audience and the month; and the
// export centre's choice of the exchanges that have data.
import type { Locale, Localized } from "~/i18n/locale";
import { listAllExchanges } from "~/exchanges/exchanges.server";
import type { Db } from "../../../db/connection.server";
import type { SchemaVariable } from "../schema";
import { MONTH } from "./common.server";
import type { DatasetChoices } from "./source.server";
import { formatDate, formatMonth } from "~/i18n/dates";
import { fileStem } from "../package.server";

export interface ExchangeMeta {
  readonly id: number;
  readonly code: number;
  readonly audience: "job_specialists" | "case_leads";
  readonly number: number;
  readonly date: string;
  readonly theme: string;
  readonly label: Localized;
}

const AUDIENCE: Record<ExchangeMeta["audience"], Localized> = {
  job_specialists: { nb: "jobbspesialister", en: "job specialists" },
  case_leads: { nb: "caseansvarlige", en: "case leads" },
};

export function exchangesOf(db: Db, projectId: number): ExchangeMeta[] {
  return listAllExchanges(db)
    .filter((e) => e.projectId === projectId)
    .map((e) => ({
      id: e.id,
      code: (e.audience === "job_specialists" ? 100 : 200) + e.number,
      audience: e.audience,
      number: e.number,
      date: e.date,
      theme: e.theme,
      label: {
        nb: `Nr. ${e.number} for ${AUDIENCE[e.audience].nb} (${formatMonth(e.date.slice(0, 7), "nb")}): ${e.theme}`,
        en: `No. ${e.number} for ${AUDIENCE[e.audience].en} (${formatMonth(e.date.slice(0, 7), "en")}): ${e.theme}`,
      },
    }));
}

/** «nr. 11 for jobbspesialister (1. februar 2019)», for the manifest. */
export function exchangeName(e: ExchangeMeta, locale: Locale): string {
  return `${locale === "nb" ? "nr." : "no."} ${e.number} for ${AUDIENCE[e.audience][locale]} (${formatDate(e.date, locale)})`;
}

/** «jobbspesialister-nr-11-2019-02-01», for a file of one exchange. */
export function exchangeFileName(e: ExchangeMeta, locale: Locale): string {
  return fileStem(AUDIENCE[e.audience][locale], locale === "nb" ? "nr" : "no", String(e.number), e.date);
}

export function exchangeVariables(exchanges: readonly ExchangeMeta[]): SchemaVariable[] {
  return [
    {
      name: "samling",
      label: { nb: "Erfaringsutveksling", en: "Experience exchange" },
      type: "numeric",
      measure: "nominal",
      decimals: 0,
      valueLabels: exchanges.map((e) => ({ value: e.code, label: e.label })),
      nvivo: "classifying",
      treatment: "kept",
      source: null,
    },
    {
      name: "malgruppe",
      label: { nb: "Målgruppe for samlingen", en: "Audience of the exchange" },
      type: "numeric",
      measure: "nominal",
      decimals: 0,
      valueLabels: [
        { value: 1, label: { nb: "Jobbspesialister", en: "Job specialists" } },
        { value: 2, label: { nb: "Caseansvarlige", en: "Case leads" } },
      ],
      nvivo: "classifying",
      treatment: "kept",
      source: null,
    },
    { ...MONTH, name: "samling_maaned", label: { nb: "Måned for samlingen", en: "Month of the exchange" } },
  ];
}

export function exchangeValues(e: ExchangeMeta) {
  return { samling: e.code, malgruppe: e.audience === "job_specialists" ? 1 : 2, samling_maaned: e.date.slice(0, 7) };
}

/** What the export centre offers for a data set chosen by exchange: the exchanges that have data. */
export function exchangeChoices(db: Db, projectId: number, withData: ReadonlySet<number>): DatasetChoices {
  const exchanges = exchangesOf(db, projectId).filter((e) => withData.has(e.id));
  return {
    available: exchanges.length > 0,
    unavailableReason: exchanges.length ? undefined : "exports.unavailable.noData",
    months: null,
    caseProjects: [],
    waves: [],
    exchanges: exchanges.map((e) => ({ id: e.id, label: e.label })),
    usesPeriod: false,
    usesCases: false,
  };
}

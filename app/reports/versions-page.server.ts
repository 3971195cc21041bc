// The versions page of one participant: every version with its date, status and what changed
// since the one before (each read with its own instrument version), and one version in full.
import type { AppLoadContext } from "@remix-run/node";
import type { TFunction } from "~/i18n/catalog";
import type { Locale } from "~/i18n/locale";
import { versionAsOf } from "./as-of";
import { answerSections, answerText, changedLabels } from "./answers-view.server";
import { todayInNorway } from "./dates";
import { reportInstrument } from "./instrument.server";
import { listVersions } from "./versions.server";

/** `wanted`: the version to show in full; default the one that applies today. */
export function versionsPage(context: Pick<AppLoadContext, "db" | "codebook">, participantId: number, wanted: number, locale: Locale, t: TFunction) {
  const versions = listVersions(context.db, participantId);
  const current = versionAsOf(versions, todayInNorway()) ?? versionAsOf(versions);
  const selected = versions.find((v) => v.number === wanted) ?? current;
  const rows = versions.map((v, i) => {
    const instrument = reportInstrument(context.codebook, v.instrumentVersion);
    const statusVariable = instrument.compiled.variables.find((x) => x.name === "status");
    return {
      number: v.number,
      effectiveDate: v.effectiveDate,
      savedAt: v.savedAt,
      status: statusVariable ? answerText(statusVariable, v.status, locale) : String(v.status),
      changes: changedLabels(instrument, i > 0 ? versions[i - 1].answers : null, v.answers, locale),
      current: v.number === current?.number,
    };
  });
  return {
    current: current ? { number: current.number, effectiveDate: current.effectiveDate } : null,
    rows,
    selected: selected
      ? {
          number: selected.number,
          effectiveDate: selected.effectiveDate,
          sections: answerSections(reportInstrument(context.codebook, selected.instrumentVersion), selected.answers, locale, t),
        }
      : null,
  };
}

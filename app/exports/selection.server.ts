// What an export was limited to, for its manifest: by name and month, never by database id
// (the package goes to people who have no database to look ids up in).
import { eq, inArray } from "drizzle-orm";
import type { Locale } from "~/i18n/locale";
import type { Db } from "../../db/connection.server";
import { caseProjects, surveyWaves } from "../../db/schema";
import type { ManifestSelection } from "./manifest";
import type { ExportRequest } from "./open-export.server";
import { exchangeName, exchangesOf } from "./sources/exchange-meta.server";

export function selectionOf(db: Db, request: ExportRequest, locale: Locale): ManifestSelection {
  const { scope } = request;
  switch (request.dataset) {
    case "employer-survey": {
      const wave = scope.waveId === null ? undefined : db.select({ title: surveyWaves.title }).from(surveyWaves).where(eq(surveyWaves.id, scope.waveId)).get();
      return wave ? { wave: wave.title } : {};
    }
    case "exchange-preparation":
    case "transcripts": {
      const chosen = new Set(scope.exchangeIds);
      return { exchanges: exchangesOf(db, request.projectId).filter((e) => chosen.has(e.id)).map((e) => exchangeName(e, locale)) };
    }
    default: {
      const names = scope.caseProjectIds.length
        ? db.select({ name: caseProjects.name }).from(caseProjects).where(inArray(caseProjects.id, [...scope.caseProjectIds])).all().map((c) => c.name).sort((a, b) => a.localeCompare(b, "nb"))
        : [];
      return { period: { from: scope.from, to: scope.to }, caseProjects: names };
    }
  }
}

// The registry of data sets: one source module each.
import type { DatasetId } from "../datasets";
import { employerSurveySource } from "./employer-survey.server";
import { exchangePreparationSource } from "./exchange-preparation.server";
import { logSource } from "./log.server";
import { participantReportsSource } from "./participant-reports.server";
import type { DatasetSource } from "./source.server";
import { transcriptsSource } from "./transcripts.server";

export const sources: Partial<Record<DatasetId, DatasetSource>> = {
  log: logSource,
  "employer-survey": employerSurveySource,
  "participant-reports": participantReportsSource,
  "exchange-preparation": exchangePreparationSource,
  transcripts: transcriptsSource,
};

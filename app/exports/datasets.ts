// The data sets and formats the export centre and the `export` command offer. Browser-safe.

export const DATASETS = ["log", "employer-survey", "participant-reports", "exchange-preparation", "transcripts"] as const;
export type DatasetId = (typeof DATASETS)[number];

export const FORMATS = ["sav", "sps", "xlsx", "docx", "qdpx", "csv"] as const;
export type FormatId = (typeof FORMATS)[number];

export function isDataset(value: unknown): value is DatasetId {
  return typeof value === "string" && (DATASETS as readonly string[]).includes(value);
}

export function isFormat(value: unknown): value is FormatId {
  return typeof value === "string" && (FORMATS as readonly string[]).includes(value);
}

/** YYYY-MM. */
export function isMonthString(value: unknown): value is string {
  return typeof value === "string" && /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}

// A person's own log as CSV (RFC 4180 through papaparse, UTF-8 with BOM so spreadsheet programs
// read æøå), in the columns of Tabell 5 with the labels of the page's language. Cells that a
// spreadsheet would run as a formula (= + - @, tab, CR first) get a leading apostrophe.
import type { Locale } from "~/i18n/locale";
import { csvText, UTF8_BOM } from "~/server/csv.server";
import { neutralise } from "~/exports/formats/spreadsheet-safety";
import type { TFunction } from "~/i18n/catalog";
import { SE_STEPS } from "~/instruments/se-steps";
import type { LogShape } from "./instrument";
import type { OwnNote } from "./reading.server";

/** A cell's text: empty for nothing, neutralised when a spreadsheet would run it as a formula. */
export function csvCell(value: unknown): string {
  return value === null || value === undefined ? "" : neutralise(String(value));
}

export function csvLine(cells: readonly unknown[]): string {
  return csvText([cells.map(csvCell)]);
}

export function ownLogCsv(shape: LogShape, notes: readonly OwnNote[], locale: Locale, t: TFunction): string {
  const header = [
    t("logs.csv.month"),
    t("logs.csv.date"),
    ...shape.texts.map((x) => x.label[locale]),
    t("logs.csv.step"),
    t("logs.csv.stepName"),
    t("logs.csv.status"),
  ];
  const rows: unknown[][] = [header];
  for (const n of notes) {
    const step = SE_STEPS.find((s) => s.code === n.step);
    rows.push([
      n.month,
      n.date,
      ...shape.texts.map((x) => n.answers[x.name] ?? ""),
      n.step,
      step ? step.label[locale] : "",
      n.monthStatus === "submitted" ? t("logs.status.submitted") : n.monthStatus === "reopened" ? t("logs.status.reopened") : t("logs.status.open"),
    ]);
  }
  return UTF8_BOM + csvText(rows.map((r) => r.map(csvCell)));
}

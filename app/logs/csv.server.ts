// A person's own log as CSV (RFC 4180, UTF-8 with BOM so spreadsheet programs read æøå), in the
// columns of Tabell 5 with the labels of the page's language. Cells that a spreadsheet would
// run as a formula (= + - @, tab, CR first) get a leading apostrophe.
import type { Locale } from "~/i18n/locale";
import type { TFunction } from "~/i18n/catalog";
import { SE_STEPS } from "~/instruments/se-steps";
import type { LogShape } from "./instrument";
import type { OwnNote } from "./reading.server";

export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly unknown[]): string {
  return cells.map(csvCell).join(",") + "\r\n";
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
  let out = "\uFEFF" + csvLine(header);
  for (const n of notes) {
    const step = SE_STEPS.find((s) => s.code === n.step);
    out += csvLine([
      n.month,
      n.date,
      ...shape.texts.map((x) => n.answers[x.name] ?? ""),
      n.step,
      step ? step.label[locale] : "",
      n.monthStatus === "submitted" ? t("logs.status.submitted") : n.monthStatus === "reopened" ? t("logs.status.reopened") : t("logs.status.open"),
    ]);
  }
  return out;
}

// Form schemas of the export centre and the redaction review (zod stays on the server).
import { z } from "zod";
import type { TFunction } from "~/i18n/catalog";
import { DATASETS, FORMATS } from "./datasets";

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Checkbox groups arrive as nothing, one value or several. */
const idList = z.preprocess(
  (v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.coerce.number().int().positive()),
);

const optionalMonth = (t: TFunction) =>
  z
    .string()
    .trim()
    .optional()
    .refine((v) => v === undefined || v === "" || MONTH.test(v), t("exports.error.month"));

export const exportSchema = (t: TFunction) =>
  z
    .object({
      intent: z.enum(["preview", "export"], { error: t("exports.error.intent") }),
      requestKey: z.string({ error: t("exports.error.requestKey") }).regex(/^[A-Za-z0-9_-]{16,64}$/, t("exports.error.requestKey")),
      dataset: z.enum(DATASETS, { error: t("exports.error.dataset") }),
      format: z.enum(FORMATS, { error: t("exports.error.format") }),
      language: z.enum(["nb", "en"], { error: t("exports.error.language") }),
      pseudonyms: z.enum(["stable", "fresh"], { error: t("exports.error.pseudonyms") }),
      dates: z.enum(["month", "exact"], { error: t("exports.error.dates") }),
      from: optionalMonth(t),
      to: optionalMonth(t),
      wave: z.coerce.number({ error: t("exports.error.waveRequired") }).int().positive().optional(),
      cases: idList,
      exchanges: idList,
    })
    .superRefine((v, ctx) => {
      if (v.from && v.to && v.to < v.from) ctx.addIssue({ code: "custom", path: ["to"], message: t("exports.error.monthOrder") });
      if (v.dataset === "employer-survey" && !v.wave) ctx.addIssue({ code: "custom", path: ["wave"], message: t("exports.error.waveRequired") });
    });

export type ExportForm = z.infer<ReturnType<typeof exportSchema>>;

export const MAX_REVIEW_TERMS = 500;

export const reviewSchema = (t: TFunction) =>
  z.object({
    requestKey: z.string({ error: t("exports.error.requestKey") }).regex(/^[A-Za-z0-9_-]{16,64}$/, t("exports.error.requestKey")),
    terms: z
      .string()
      .max(20_000, t("exports.review.tooLong"))
      .optional()
      .transform((v) => [...new Set((v ?? "").split(/\r?\n/).map((line) => line.trim().replace(/\s+/g, " ")).filter(Boolean))])
      .refine((terms) => terms.length <= MAX_REVIEW_TERMS, t("exports.review.tooMany", { max: MAX_REVIEW_TERMS }))
      .refine((terms) => terms.every((term) => term.length <= 200), t("exports.review.termTooLong")),
    note: z.string().trim().max(1000, t("exports.review.noteTooLong")).optional(),
  });

/** One decision about a found name in the review (intent «decide»). */
export const nameDecisionSchema = (t: TFunction) =>
  z.object({
    term: z.string({ error: t("exports.review.termMissing") }).trim().min(1, t("exports.review.termMissing")).max(200, t("exports.review.termTooLong")),
    decision: z.enum(["name", "not-name"], { error: t("exports.review.decisionMissing") }),
  });

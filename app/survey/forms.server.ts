// Form schemas of the researcher's and the job specialist's survey pages (zod: server only).
// The employer's questionnaire is validated from the codebook (parseInstrumentForm).
import { z } from "zod";
import type { TFunction } from "~/i18n/catalog";
import { MAX_LINKS_PER_REQUEST, MAX_REMINDER_ROUNDS } from "./limits";

const text = (t: TFunction, max: number) =>
  z.string({ error: t("v.required") }).trim().min(1, t("v.required")).max(max, t("v.tooLong", { max }));

function isRealDate(value: string): boolean {
  const d = new Date(`${value}T12:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

const date = (t: TFunction) =>
  z
    .string({ error: t("survey.v.date") })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, t("survey.v.date"))
    .refine(isRealDate, t("survey.v.date"));

const integer = (t: TFunction, min: number, max: number) =>
  z.coerce
    .number({ error: t("v.integerRange", { min, max }) })
    .int(t("v.integerRange", { min, max }))
    .min(min, t("v.integerRange", { min, max }))
    .max(max, t("v.integerRange", { min, max }));

const waveFields = (t: TFunction) => ({
  title: text(t, 200),
  infoNb: text(t, 4000),
  infoEn: text(t, 4000),
  contact: z.string().trim().max(300, t("v.tooLong", { max: 300 })).optional().default(""),
  openDate: date(t),
  closeDate: date(t),
  minAnswers: integer(t, 1, 50).default(5),
  targetedReminders: z.boolean().optional().default(false),
});

export const newWaveSchema = (t: TFunction, instrumentIds: readonly string[]) =>
  z
    .object({
      ...waveFields(t),
      projectId: z.coerce.number({ error: t("v.choose") }).int().positive(t("v.choose")),
      instrumentId: z.string({ error: t("survey.v.instrument") }).refine((id) => instrumentIds.includes(id), t("survey.v.instrument")),
    })
    .superRefine((v, ctx) => {
      if (v.closeDate < v.openDate) ctx.addIssue({ code: "custom", path: ["closeDate"], message: t("survey.v.dateOrder") });
    });

export const editWaveSchema = (t: TFunction) =>
  z.object(waveFields(t)).superRefine((v, ctx) => {
    if (v.closeDate < v.openDate) ctx.addIssue({ code: "custom", path: ["closeDate"], message: t("survey.v.dateOrder") });
  });

export const reopenSchema = (t: TFunction, today: string) =>
  z.object({ closeDate: date(t).refine((d) => d >= today, t("survey.v.datePast")) });

export const linksRequestSchema = (t: TFunction) =>
  z.object({
    count: integer(t, 1, MAX_LINKS_PER_REQUEST),
    requestKey: z.string({ error: t("v.required") }).regex(/^[A-Za-z0-9_-]{8,64}$/, t("v.required")),
  });

export const reminderSchema = (t: TFunction) => z.object({ round: integer(t, 1, MAX_REMINDER_ROUNDS) });

export const exclusionSchema = (t: TFunction) =>
  z.object({
    answerId: z.coerce.number({ error: t("v.required") }).int().positive(),
    item: z.string({ error: t("v.required") }).regex(/^[A-Za-z][A-Za-z0-9_.$#@]{0,63}$/),
    reason: z
      .string({ error: t("survey.results.reasonRequired") })
      .trim()
      .min(3, t("survey.results.reasonRequired"))
      .max(500, t("v.tooLong", { max: 500 })),
  });

export const inclusionSchema = () =>
  z.object({
    answerId: z.coerce.number().int().positive(),
    item: z.string().regex(/^[A-Za-z][A-Za-z0-9_.$#@]{0,63}$/),
  });

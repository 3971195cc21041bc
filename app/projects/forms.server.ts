import { z } from "zod";
import type { TFunction } from "~/i18n/catalog";
import { programmes } from "../../db/schema";

const text = (t: TFunction, max = 200) =>
  z.string({ error: t("v.required") }).trim().min(1, t("v.required")).max(max, t("v.tooLong", { max }));
const month = (t: TFunction) => z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, t("v.month")).optional();

export const projectSchema = (t: TFunction) =>
  z
    .object({
      slug: z.string({ error: t("v.required") }).trim().regex(/^[a-z0-9][a-z0-9-]{2,39}$/, t("v.slug")),
      title: text(t),
      logStart: month(t),
      logEnd: month(t),
      minCellSize: z.coerce
        .number({ error: t("v.integerRange", { min: 1, max: 50 }) })
        .int(t("v.integerRange", { min: 1, max: 50 }))
        .min(1, t("v.integerRange", { min: 1, max: 50 }))
        .max(50, t("v.integerRange", { min: 1, max: 50 }))
        .default(5),
    })
    .superRefine((v, ctx) => {
      if (v.logStart && v.logEnd && v.logEnd < v.logStart)
        ctx.addIssue({ code: "custom", path: ["logEnd"], message: t("v.monthOrder") });
    });

export const organisationSchema = (t: TFunction) => z.object({ name: text(t), place: z.string().trim().max(200).optional() });

export const caseProjectSchema = (t: TFunction) =>
  z.object({
    organisationId: z.coerce.number({ error: t("v.choose") }).int().positive(t("v.choose")),
    name: text(t),
    programme: z.enum(programmes, { error: t("v.choose") }),
    place: z.string().trim().max(200).optional(),
  });

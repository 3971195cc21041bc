// Form schemas of the log pages other than the note itself (which the codebook validates).
import { z } from "zod";
import type { TFunction } from "~/i18n/catalog";
import { MONTH_PATTERN } from "./months";

const month = (t: TFunction) => z.string({ error: t("v.month") }).trim().regex(MONTH_PATTERN, t("v.month"));

export const submitMonthSchema = (t: TFunction) =>
  z.object({
    month: month(t),
    confirm: z.literal("yes", { error: t("logs.submit.confirmRequired") }),
  });

export const reopenSchema = (t: TFunction) =>
  z.object({
    reason: z.string().trim().max(1000, t("v.tooLong", { max: 1000 })).optional(),
    confirm: z.literal("yes", { error: t("logs.reopen.confirmRequired") }),
  });

export const deleteNoteSchema = (t: TFunction) =>
  z.object({ confirm: z.literal("yes", { error: t("logs.delete.confirmRequired") }) });

export const periodSchema = (t: TFunction) =>
  z
    .object({ from: month(t), to: month(t) })
    .superRefine((v, ctx) => {
      if (v.to < v.from) ctx.addIssue({ code: "custom", path: ["to"], message: t("v.monthOrder") });
    });

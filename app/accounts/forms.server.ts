// Form schemas of the account pages, with messages in the person's language.
import { z } from "zod";
import type { TFunction } from "~/i18n/catalog";
import { passwordRules } from "~/auth/password.server";
import { setupCodeMatches } from "./setup-code.server";
import { roles } from "../../db/schema";

const text = (t: TFunction, max = 200) =>
  z.string({ error: t("v.required") }).trim().min(1, t("v.required")).max(max, t("v.tooLong", { max }));

export const emailField = (t: TFunction) =>
  z.string({ error: t("v.required") }).trim().max(254, t("v.email")).pipe(z.email({ error: t("v.email") }));

const password = (t: TFunction) =>
  z
    .string({ error: t("v.required") })
    .min(passwordRules.min, t("v.passwordLength", passwordRules))
    .max(passwordRules.max, t("v.passwordLength", passwordRules));

const newPasswordPair = (t: TFunction) =>
  z.object({ password: password(t), confirm: z.string({ error: t("v.required") }) });

function confirmMatches<T extends { password: string; confirm: string }>(t: TFunction) {
  return (v: T, ctx: z.RefinementCtx) => {
    if (v.password !== v.confirm) ctx.addIssue({ code: "custom", path: ["confirm"], message: t("v.passwordMismatch") });
  };
}

/** With `setupCode`, the form asks for the one-time code printed at start. */
export const setupSchema = (t: TFunction, setupCode: string | null) =>
  newPasswordPair(t)
    .extend({ name: text(t), email: emailField(t), setupCode: z.string().max(100).optional() })
    .superRefine(confirmMatches(t))
    .superRefine((v, ctx) => {
      if (setupCode && !setupCodeMatches(setupCode, v.setupCode ?? ""))
        ctx.addIssue({ code: "custom", path: ["setupCode"], message: t(v.setupCode ? "setup.codeWrong" : "v.required") });
    });

export const loginSchema = (t: TFunction) =>
  z.object({
    email: emailField(t),
    password: z.string({ error: t("v.required") }).max(passwordRules.max, t("login.invalid")),
    redirectTo: z.string().optional(),
  });

export const invitationSchema = (t: TFunction) => newPasswordPair(t).superRefine(confirmMatches(t));

export const changePasswordSchema = (t: TFunction) =>
  newPasswordPair(t)
    .extend({ current: z.string({ error: t("v.required") }).max(passwordRules.max) })
    .superRefine(confirmMatches(t));

export const inviteSchema = (t: TFunction) =>
  z
    .object({
      name: text(t),
      email: emailField(t),
      role: z.enum(roles, { error: t("v.choose") }),
      organisationId: z.coerce.number().int().positive().optional(),
      caseProjectId: z.coerce.number().int().positive().optional(),
    })
    .superRefine((v, ctx) => {
      if (v.role === "case_lead" && !v.organisationId)
        ctx.addIssue({ code: "custom", path: ["organisationId"], message: t("v.choose") });
      if (v.role === "job_specialist" && !v.caseProjectId)
        ctx.addIssue({ code: "custom", path: ["caseProjectId"], message: t("v.choose") });
    });

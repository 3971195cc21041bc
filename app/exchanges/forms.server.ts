// Form schemas of the exchange pages (zod: server only), with messages in the person's language.
import { z } from "zod";
import { agendaItemKinds, exchangeAudiences, exchangeDayKinds, exchangeStatuses, homeworkDocumentTypes } from "../../db/schema";
import type { TFunction } from "~/i18n/catalog";
import { CHAPTER_CODES } from "./chapter-codes";
import type { ExchangeInput } from "./exchanges.server";
import { isTime } from "./timing";

const text = (t: TFunction, max: number) => z.string({ error: t("v.required") }).trim().min(1, t("v.required")).max(max, t("v.tooLong", { max }));
const optionalText = (t: TFunction, max: number) => z.string().trim().max(max, t("v.tooLong", { max })).optional().default("");

function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T12:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

const date = (t: TFunction) =>
  z
    .string({ error: t("exchanges.v.date") })
    .trim()
    .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && isRealDate(v), t("exchanges.v.date"));
const time = (t: TFunction) => z.string().trim().refine(isTime, t("exchanges.v.time")).optional();
const integer = (t: TFunction, min: number, max: number) =>
  z.coerce
    .number({ error: t("v.integerRange", { min, max }) })
    .int(t("v.integerRange", { min, max }))
    .min(min, t("v.integerRange", { min, max }))
    .max(max, t("v.integerRange", { min, max }));
const clientKey = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/).optional();

/** Hours as typed in Norway («6,5») or elsewhere («6.5»), in quarter hours, 0.25 – 24. */
const hours = (t: TFunction) =>
  z
    .string()
    .trim()
    .transform((v) => v.replace(",", "."))
    .refine((v) => /^\d{1,2}(\.\d{1,2})?$/.test(v) && Number(v) > 0 && Number(v) <= 24 && Number.isInteger(Number(v) * 4), t("exchanges.v.hours"))
    .transform(Number)
    .optional();

const exchangeFields = (t: TFunction) => ({
  number: integer(t, 1, 999),
  date: date(t),
  dateIsApproximate: z.boolean().optional().default(false),
  startTime: time(t),
  endTime: time(t),
  hoursOverride: hours(t),
  dayKindOverride: z.enum(exchangeDayKinds, { error: t("v.choose") }).optional(),
  place: optionalText(t, 200),
  theme: text(t, 600),
  description: optionalText(t, 4000),
  status: z.enum(exchangeStatuses, { error: t("v.choose") }),
  preparationDeadline: date(t).optional(),
  clientKey,
});

type ExchangeFields = { date: string; startTime?: string; endTime?: string; preparationDeadline?: string };

/**
 * Checks across fields. They run even when another field failed (`when`), so every message
 * shows at once; the values may then be unparsed, hence the type checks.
 */
function checkExchange(t: TFunction) {
  return (v: ExchangeFields, ctx: z.RefinementCtx) => {
    const start = typeof v.startTime === "string" && isTime(v.startTime) ? v.startTime : null;
    const end = typeof v.endTime === "string" && isTime(v.endTime) ? v.endTime : null;
    if (v.startTime && !v.endTime) ctx.addIssue({ code: "custom", path: ["endTime"], message: t("exchanges.v.bothTimes") });
    if (!v.startTime && v.endTime) ctx.addIssue({ code: "custom", path: ["startTime"], message: t("exchanges.v.bothTimes") });
    if (start && end && end <= start) ctx.addIssue({ code: "custom", path: ["endTime"], message: t("exchanges.v.timeOrder") });
    const dateOk = typeof v.date === "string" && isRealDate(v.date);
    if (dateOk && typeof v.preparationDeadline === "string" && isRealDate(v.preparationDeadline) && v.preparationDeadline > v.date) {
      ctx.addIssue({ code: "custom", path: ["preparationDeadline"], message: t("exchanges.v.deadlineAfter") });
    }
  };
}

const always = { when: () => true };

export const newExchangeSchema = (t: TFunction) =>
  z
    .object({
      ...exchangeFields(t),
      // Empty: the next number in the series.
      number: integer(t, 1, 999).optional(),
      projectId: z.coerce.number({ error: t("v.choose") }).int().positive(t("v.choose")),
      audience: z.enum(exchangeAudiences, { error: t("v.choose") }),
    })
    .superRefine(checkExchange(t), always);

export const editExchangeSchema = (t: TFunction) => z.object(exchangeFields(t)).superRefine(checkExchange(t), always);

type ParsedDetails = z.infer<ReturnType<typeof editExchangeSchema>>;

/** The exchange's details as stored, from either form (empty optional fields become null). */
export function exchangeDetails(v: Omit<ParsedDetails, "number" | "clientKey">): Omit<ExchangeInput, "projectId" | "audience" | "number"> {
  return {
    date: v.date,
    dateIsApproximate: v.dateIsApproximate,
    startTime: v.startTime ?? null,
    endTime: v.endTime ?? null,
    hoursOverride: v.hoursOverride ?? null,
    dayKindOverride: v.dayKindOverride ?? null,
    place: v.place,
    theme: v.theme,
    description: v.description,
    status: v.status,
    preparationDeadline: v.preparationDeadline ?? null,
  };
}

export const agendaItemSchema = (t: TFunction) =>
  z.object({
    time: time(t),
    title: text(t, 300),
    description: optionalText(t, 2000),
    leader: optionalText(t, 200),
    kind: z.enum(agendaItemKinds, { error: t("v.choose") }),
    clientKey,
  });

export const questionSchema = (t: TFunction) =>
  z.object({
    labelNb: text(t, 1000),
    labelEn: text(t, 1000),
    required: z.boolean().optional().default(false),
  });

export const homeworkSchema = (t: TFunction) =>
  z.object({
    title: text(t, 300),
    description: optionalText(t, 4000),
    documentType: z.enum(homeworkDocumentTypes, { error: t("v.choose") }),
    deadline: date(t).optional(),
    clientKey,
  });

export const guestSchema = (t: TFunction) =>
  z.object({
    description: text(t, 200),
    organisationId: z.coerce.number().int().positive().optional(),
    counted: z.boolean().optional().default(false),
    clientKey,
  });

export const registrationSchema = (t: TFunction) => z.object({ coming: z.enum(["yes", "no"], { error: t("exchanges.v.coming") }) });

export const transcriptFieldsSchema = (t: TFunction) =>
  z.object({
    title: text(t, 200),
    text: z.string().optional(),
    clientKey: z.string({ error: t("v.required") }).regex(/^[A-Za-z0-9_-]{16,64}$/),
  });

const codes = CHAPTER_CODES.map((c) => c.code) as [string, ...string[]];

export const passageCodeSchema = (t: TFunction) =>
  z.object({
    passage: text(t, 20_000),
    code: z.enum(codes, { error: t("v.choose") }),
  });

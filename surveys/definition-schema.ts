// The format of an instrument definition file (surveys/<id>/v<version>.yaml), as a zod schema.
// Only the compiler (app/instruments/codebook.server.ts) imports this module: zod must not
// reach the browser bundle. The checks here are about shape; the compiler checks the rest
// (SPSS names, unique names and codes, option-set references, conditions).
//
// Messages are plain English for the researchers who edit the YAML files.
import { z } from "zod";

const ITEM_TYPES = [
  "short_text",
  "long_text",
  "date",
  "month",
  "integer",
  "single_choice",
  "multiple_choice",
  "matrix",
  "counts",
  "se_step",
] as const;

function describeInput(input: unknown): string {
  if (input === undefined) return "nothing";
  if (input === null) return "an empty value";
  if (Array.isArray(input)) return "a list";
  if (typeof input === "object") return "a mapping";
  return `${typeof input} ${JSON.stringify(input)}`;
}

/** A required text; `what` says what it is in the error message. */
function text(what: string) {
  return z
    .string({
      error: (issue) =>
        issue.input === undefined
          ? `missing ${what}`
          : `${what} must be text, not ${describeInput(issue.input)}`,
    })
    .refine((value) => value.trim().length > 0, `${what} is empty`);
}

/** Instrument text in both languages; a missing `en` is an error (architecture, pattern 9). */
export const localizedSchema = z.strictObject(
  {
    nb: text("Norwegian text (nb)"),
    en: text("English text (en)"),
  },
  {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `unknown language ${issue.keys.map((key) => `"${key}"`).join(", ")}; use nb and en`
        : issue.input === undefined
          ? "missing (expected text in both languages: { nb: ..., en: ... })"
          : `expected a mapping with nb and en, not ${describeInput(issue.input)}`,
  },
);

function integer(what: string) {
  return z.int({
    error: (issue) =>
      issue.input === undefined
        ? `missing ${what}`
        : `${what} must be a whole number, not ${describeInput(issue.input)}`,
  });
}

function name(what: string) {
  return z.string({
    error: (issue) =>
      issue.input === undefined ? `missing ${what}` : `${what} must be text`,
  });
}

function strictObject<T extends z.core.$ZodLooseShape>(shape: T, what: string) {
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `unknown key${issue.keys.length > 1 ? "s" : ""} ${issue.keys
            .map((key) => `"${key}"`)
            .join(", ")} in ${what}`
        : `${what} must be a mapping, not ${describeInput(issue.input)}`,
  });
}

function list<T extends z.ZodType>(element: T, what: string) {
  return z.array(element, {
    error: (issue) =>
      issue.input === undefined ? `missing ${what}` : `${what} must be a list`,
  });
}

function oneOf<const T extends readonly [string, ...string[]]>(values: T, what: string) {
  return z.enum(values, {
    error: (issue) =>
      `${what} must be one of ${values.join(", ")}, not ${describeInput(issue.input)}`,
  });
}

export const optionSchema = strictObject(
  {
    code: integer("option code"),
    label: localizedSchema,
    /** Variable name for options that become variables (multiple_choice, counts). */
    name: name("option variable name").optional(),
  },
  "an option",
);

export const optionSetSchema = z.union(
  [
    list(optionSchema, "option list").min(1, "an option set needs at least one option"),
    strictObject(
      {
        source: z.literal("iso3166", {
          error: "the only built-in option source is iso3166 (countries)",
        }),
      },
      "a built-in option set",
    ),
  ],
  {
    error: () =>
      "an option set must be a list of options or { source: iso3166 }",
  },
);

export const missingCodeSchema = strictObject(
  {
    code: integer("missing code"),
    label: localizedSchema,
    role: oneOf(["not_answered", "not_applicable"], "missing role").optional(),
  },
  "a missing code",
);

const missingSchema = z.union([
  name("missing set name"),
  list(missingCodeSchema, "missing codes"),
]);

/** Options inline, or the name of a set under `option_sets`. */
const optionsSchema = z.union([name("option set name"), list(optionSchema, "options").min(1)], {
  error: () => "options must be a list of options or the name of an option set",
});

export const conditionSchema = strictObject(
  {
    variable: name("condition variable"),
    in: list(integer("condition code"), "condition codes").min(
      1,
      "a condition needs at least one code",
    ),
  },
  "a condition (when)",
);

const itemCommon = {
  name: name("item name"),
  label: localizedSchema,
  help: localizedSchema.optional(),
  required: z.boolean({ error: "required must be true or false" }).optional(),
  measure: oneOf(["nominal", "ordinal", "scale"], "measure").optional(),
  disclosure: oneOf(
    ["direct_identifier", "quasi_identifier", "free_text", "none"],
    "disclosure",
  ).optional(),
  nvivo: oneOf(["codable", "classifying"], "nvivo").optional(),
  missing: missingSchema.optional(),
  when: conditionSchema.optional(),
};

const positive = (what: string) => integer(what).min(1, `${what} must be at least 1`);
const display = oneOf(["radio", "select"], "display").optional();

const shortText = strictObject(
  { type: z.literal("short_text"), ...itemCommon, max_length: positive("max_length").optional() },
  "a short_text item",
);
const longText = strictObject(
  {
    type: z.literal("long_text"),
    ...itemCommon,
    max_length: positive("max_length").optional(),
    rows: positive("rows").optional(),
  },
  "a long_text item",
);
const date = strictObject({ type: z.literal("date"), ...itemCommon }, "a date item");
const month = strictObject({ type: z.literal("month"), ...itemCommon }, "a month item");
const integerItem = strictObject(
  { type: z.literal("integer"), ...itemCommon, min: integer("min"), max: integer("max") },
  "an integer item",
);
const singleChoice = strictObject(
  { type: z.literal("single_choice"), ...itemCommon, options: optionsSchema, display },
  "a single_choice item",
);
const multipleChoice = strictObject(
  { type: z.literal("multiple_choice"), ...itemCommon, options: optionsSchema },
  "a multiple_choice item",
);
export const statementSchema = strictObject(
  { name: name("statement name"), label: localizedSchema, help: localizedSchema.optional() },
  "a statement",
);
const matrix = strictObject(
  {
    type: z.literal("matrix"),
    ...itemCommon,
    stem: localizedSchema.optional(),
    options: optionsSchema,
    statements: list(statementSchema, "statements").min(1, "a matrix needs statements"),
  },
  "a matrix item",
);
const counts = strictObject(
  {
    type: z.literal("counts"),
    ...itemCommon,
    options: optionsSchema,
    max: positive("max").optional(),
  },
  "a counts item",
);
const seStep = strictObject({ type: z.literal("se_step"), ...itemCommon, display }, "an se_step item");

export const itemSchema = z.discriminatedUnion(
  "type",
  [shortText, longText, date, month, integerItem, singleChoice, multipleChoice, matrix, counts, seStep],
  {
    error: (issue) => {
      const input = issue.input as { type?: unknown } | undefined;
      if (input && typeof input === "object" && !Array.isArray(input)) {
        return input.type === undefined
          ? `missing item type (one of ${ITEM_TYPES.join(", ")})`
          : `unknown item type ${describeInput(input.type)}; use one of ${ITEM_TYPES.join(", ")}`;
      }
      return `an item must be a mapping, not ${describeInput(issue.input)}`;
    },
  },
);

export const sectionSchema = strictObject(
  {
    id: name("section id")
      .regex(/^[a-z][a-z0-9_-]*$/, "a section id must be lower-case letters, digits, - or _")
      .optional(),
    title: localizedSchema,
    help: localizedSchema.optional(),
    when: conditionSchema.optional(),
    items: list(itemSchema, "items").min(1, "a section needs at least one item"),
  },
  "a section",
);

/**
 * What the platform uses an instrument for. Only `survey` instruments are offered for a survey
 * wave (answered from single-use links); the others have their own pages. Optional, so stored
 * definitions from before it keep parsing; an instrument without it is never offered as a survey.
 */
export const INSTRUMENT_USES = ["survey", "log", "participant_report", "exchange_preparation"] as const;

export const instrumentDefinitionSchema = strictObject(
  {
    id: name("instrument id").regex(
      /^[a-z][a-z0-9-]*$/,
      "an instrument id must be lower-case letters, digits and -",
    ),
    version: integer("version").min(1, "version must be at least 1"),
    title: localizedSchema,
    description: localizedSchema,
    help: localizedSchema.optional(),
    use: z
      .enum(INSTRUMENT_USES, { error: (issue) => `use must be one of ${INSTRUMENT_USES.join(", ")}, not ${describeInput(issue.input)}` })
      .optional(),
    option_sets: z.record(name("option set name"), optionSetSchema).optional(),
    missing_sets: z.record(name("missing set name"), list(missingCodeSchema, "missing codes")).optional(),
    defaults: strictObject(
      { missing: name("default missing set").optional() },
      "defaults",
    ).optional(),
    sections: list(sectionSchema, "sections").min(1, "an instrument needs at least one section"),
  },
  "the instrument definition",
);

export type LocalizedDefinition = z.infer<typeof localizedSchema>;
export type OptionDefinition = z.infer<typeof optionSchema>;
export type OptionSetDefinition = z.infer<typeof optionSetSchema>;
export type MissingCodeDefinition = z.infer<typeof missingCodeSchema>;
export type ConditionDefinition = z.infer<typeof conditionSchema>;
export type ItemDefinition = z.infer<typeof itemSchema>;
export type SectionDefinition = z.infer<typeof sectionSchema>;
export type InstrumentDefinition = z.infer<typeof instrumentDefinitionSchema>;

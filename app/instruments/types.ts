// The compiled codebook: plain, read-only, JSON-serialisable data. Pages send a compiled
// instrument to the browser as loader data, so this module must never import zod or any
// `.server` module. The compiler (codebook.server.ts) is the only producer of these objects.
import type { Locale, Localized } from "../i18n/locale";

export type InstrumentUse = "survey" | "log" | "participant_report" | "exchange_preparation";

export const ITEM_TYPES = [
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
export type ItemType = (typeof ITEM_TYPES)[number];

export const MEASURES = ["nominal", "ordinal", "scale"] as const;
export type Measure = (typeof MEASURES)[number];

export const DISCLOSURE_ROLES = ["direct_identifier", "quasi_identifier", "free_text", "none"] as const;
export type DisclosureRole = (typeof DISCLOSURE_ROLES)[number];

export const NVIVO_ROLES = ["codable", "classifying"] as const;
export type NvivoRole = (typeof NVIVO_ROLES)[number];

export const MISSING_ROLES = ["not_answered", "not_applicable"] as const;
/** What a declared missing code stands for, so exporters know which code to write for a null. */
export type MissingRole = (typeof MISSING_ROLES)[number];

/** How a stored answer value is typed. */
export type VariableKind =
  | "text" //    string (trimmed), null when empty
  | "date" //    "YYYY-MM-DD"
  | "month" //   "YYYY-MM"
  | "integer" // number
  | "code" //    number: the code of the chosen option
  | "flag"; //   0 | 1: one option of a multiple-choice item

export type AnswerValue = string | number | null;
/** Answers of one submission, keyed by (expanded) variable name. Every variable is present. */
export type Answers = Record<string, AnswerValue>;

export interface CompiledOption {
  readonly code: number;
  readonly label: Localized;
}

/** An option that becomes its own variable (multiple_choice: 0/1, counts: integer). */
export interface CompiledVariableOption extends CompiledOption {
  /** Expanded variable name. */
  readonly variable: string;
  /** HTML form field name of that variable. */
  readonly field: string;
}

export interface CompiledMissing {
  readonly code: number;
  readonly label: Localized;
  readonly role: MissingRole | null;
}

/**
 * One condition of an item or section: shown (and validated) only when the single-choice
 * variable `variable` holds one of the codes in `in`. `index` is unique per instrument
 * (1-based) and names the CSS classes `inst-when-<index>` / `inst-reveals-<index>`.
 */
export interface CompiledCondition {
  readonly index: number;
  readonly variable: string;
  readonly field: string;
  readonly in: readonly number[];
}

interface ItemBase<T extends ItemType> {
  readonly type: T;
  /** Item name: the variable name for one-variable items, the group name otherwise. */
  readonly name: string;
  /** Key of this item's own error in a SubmissionResult (group-level errors). */
  readonly errorKey: string;
  readonly label: Localized;
  readonly help: Localized | null;
  readonly required: boolean;
  /**
   * Every condition that must hold for the item to apply, transitively (its section's, its
   * own, and those of the items that control it). Empty: always applies.
   */
  readonly conditions: readonly CompiledCondition[];
  readonly measure: Measure;
  readonly disclosure: DisclosureRole;
  readonly nvivo: NvivoRole;
  readonly missing: readonly CompiledMissing[];
  /** Where the item sits in the definition file, e.g. "sections[1].items[3]". */
  readonly path: string;
}

interface SingleFieldItem<T extends ItemType> extends ItemBase<T> {
  readonly field: string;
}

export interface ShortTextItem extends SingleFieldItem<"short_text"> {
  readonly maxLength: number;
}
export interface LongTextItem extends SingleFieldItem<"long_text"> {
  readonly maxLength: number;
  readonly rows: number;
}
export type DateItem = SingleFieldItem<"date">;
export type MonthItem = SingleFieldItem<"month">;
export interface IntegerItem extends SingleFieldItem<"integer"> {
  readonly min: number;
  readonly max: number;
}
export type ChoiceDisplay = "radio" | "select";
export type LocaleOrder = Readonly<Record<Locale, readonly number[]>>;
export interface SingleChoiceItem extends SingleFieldItem<"single_choice"> {
  readonly options: readonly CompiledOption[];
  readonly display: ChoiceDisplay;
  /**
   * Display order of the option codes per locale, for long lists sorted by label (countries);
   * computed once by the compiler so server and browser render the same order. Null: as defined.
   */
  readonly localeOrder: LocaleOrder | null;
}
export interface SeStepItem extends SingleFieldItem<"se_step"> {
  readonly options: readonly CompiledOption[];
  readonly display: ChoiceDisplay;
  readonly localeOrder: null;
}
export interface MultipleChoiceItem extends ItemBase<"multiple_choice"> {
  readonly options: readonly CompiledVariableOption[];
}
export interface MatrixStatement {
  readonly variable: string;
  readonly field: string;
  readonly label: Localized;
  readonly help: Localized | null;
}
export interface MatrixItem extends ItemBase<"matrix"> {
  /** Common beginning of the statements, e.g. «Jobbspesialisten har ...». */
  readonly stem: Localized | null;
  readonly options: readonly CompiledOption[];
  readonly statements: readonly MatrixStatement[];
}
export interface CountsItem extends ItemBase<"counts"> {
  readonly options: readonly CompiledVariableOption[];
  readonly max: number;
}

export type CompiledItem =
  | ShortTextItem
  | LongTextItem
  | DateItem
  | MonthItem
  | IntegerItem
  | SingleChoiceItem
  | MultipleChoiceItem
  | MatrixItem
  | CountsItem
  | SeStepItem;

export type ItemOfType<T extends ItemType> = Extract<CompiledItem, { type: T }>;

export interface CompiledSection {
  readonly id: string;
  readonly title: Localized;
  readonly help: Localized | null;
  readonly conditions: readonly CompiledCondition[];
  readonly items: readonly CompiledItem[];
}

/** One expanded variable: what exporters (SPSS, NVivo, anonymisation) read. */
export interface CompiledVariable {
  readonly name: string;
  /** HTML form field name (the variable name with "." written as ":"). */
  readonly field: string;
  readonly label: Localized;
  readonly kind: VariableKind;
  /** Value labels: the options with their codes (code/flag variables), else empty. */
  readonly options: readonly CompiledOption[];
  readonly missing: readonly CompiledMissing[];
  readonly measure: Measure;
  readonly disclosure: DisclosureRole;
  readonly nvivo: NvivoRole;
  readonly required: boolean;
  /** True when the variable applies only under a condition (null = not applicable). */
  readonly conditional: boolean;
  readonly min: number | null;
  readonly max: number | null;
  /** Maximum length in characters for text variables. */
  readonly maxLength: number | null;
  /** The item the variable came from. */
  readonly item: {
    readonly name: string;
    readonly type: ItemType;
    readonly label: Localized;
    readonly section: string;
    /** For variables expanded from an option (multiple_choice, counts): its code. */
    readonly optionCode: number | null;
  };
}

export interface CompiledInstrument {
  readonly id: string;
  readonly version: number;
  /** "<id>@v<version>", e.g. "log-entry@v1". */
  readonly key: string;
  readonly title: Localized;
  readonly description: Localized;
  readonly help: Localized | null;
  /** What the platform uses it for (definition key `use`); null: not said, so never a survey. */
  readonly use: InstrumentUse | null;
  readonly sections: readonly CompiledSection[];
  /** Every distinct condition used, in order of `index`. */
  readonly conditions: readonly CompiledCondition[];
  /** Flat list of expanded variables in form order. */
  readonly variables: readonly CompiledVariable[];
  /** Definition file, relative to the working directory. */
  readonly source: string;
}

/** What the form renderer needs: the instrument without its variable list (smaller loader data). */
export type FormInstrument = Omit<CompiledInstrument, "variables">;

export function toFormInstrument(instrument: CompiledInstrument): FormInstrument {
  const { variables: _variables, ...rest } = instrument;
  return rest;
}

/** Most conditions one instrument may use: instruments.css has a rule for each index. */
export const MAX_CONDITIONS = 24;

// Compiles one item of a definition: name checks, option sets, missing codes, defaults for
// measurement level, disclosure and NVivo role. Part of the compiler (compile.server.ts).
import type {
  ItemDefinition,
  LocalizedDefinition,
  MissingCodeDefinition,
  OptionDefinition,
} from "../../surveys/definition-schema";
import { fieldName } from "./names";
import { SE_STEPS } from "./se-steps";
import type {
  CompiledCondition,
  CompiledItem,
  CompiledMissing,
  CompiledOption,
  CompiledVariableOption,
  DisclosureRole,
  ItemType,
  LocaleOrder,
  Measure,
  NvivoRole,
} from "./types";

const DEFAULT_SHORT_TEXT_LENGTH = 200;
const DEFAULT_LONG_TEXT_LENGTH = 4000;
const MAX_TEXT_LENGTH = 100_000;
const DEFAULT_COUNT_MAX = 9999;
const SELECT_ABOVE_OPTIONS = 15;

export interface ResolvedOptionSet {
  readonly options: readonly (CompiledOption & { readonly name?: string })[];
  readonly localeOrder: LocaleOrder | null;
}

export interface ItemContext {
  readonly path: string;
  readonly where: string;
  readonly conditions: readonly CompiledCondition[];
  readonly report: (problem: string) => void;
  readonly claimName: (name: string, where: string, what?: string) => void;
  readonly optionSets: ReadonlyMap<string, ResolvedOptionSet>;
  readonly missingSets: ReadonlyMap<string, readonly CompiledMissing[]>;
  readonly defaultMissing: readonly CompiledMissing[];
}

const TEXT_TYPES: readonly ItemType[] = ["short_text", "long_text", "date", "month"];

function defaultMeasure(type: ItemType): Measure {
  switch (type) {
    case "integer":
    case "counts":
    case "date":
      return "scale";
    case "se_step":
      return "ordinal";
    default:
      return "nominal";
  }
}

function defaultDisclosure(type: ItemType): DisclosureRole {
  return type === "short_text" || type === "long_text" ? "free_text" : "none";
}

function defaultNvivo(type: ItemType): NvivoRole {
  return type === "long_text" ? "codable" : "classifying";
}

export function compileItem(def: ItemDefinition, ctx: ItemContext): CompiledItem | null {
  const { report } = ctx;
  const problemsBefore = { count: 0 };
  const flag = (problem: string) => {
    problemsBefore.count++;
    report(problem);
  };

  // Missing codes: numeric items only.
  let missingCodes: readonly CompiledMissing[] = [];
  if (TEXT_TYPES.includes(def.type)) {
    if (def.missing !== undefined) {
      flag(`missing codes apply only to numeric items (choices, numbers, counts), not to a ${def.type} item`);
    }
  } else if (typeof def.missing === "string") {
    const set = ctx.missingSets.get(def.missing);
    if (set) missingCodes = set;
    else flag(`missing: unknown missing set "${def.missing}"${known(ctx.missingSets)}`);
  } else if (Array.isArray(def.missing)) {
    checkMissingCodes(def.missing, (problem) => flag(`missing: ${problem}`));
    missingCodes = def.missing.map(missing);
  } else {
    missingCodes = ctx.defaultMissing;
  }

  const base = {
    name: def.name,
    errorKey: fieldName(def.name),
    label: def.label,
    help: def.help ?? null,
    required: def.required ?? false,
    conditions: ctx.conditions,
    measure: def.measure ?? defaultMeasure(def.type),
    disclosure: def.disclosure ?? defaultDisclosure(def.type),
    nvivo: def.nvivo ?? defaultNvivo(def.type),
    missing: missingCodes,
    path: ctx.path,
  };
  const field = fieldName(def.name);
  ctx.claimName(def.name, ctx.where, "name");

  const resolveOptions = (options: string | OptionDefinition[]): ResolvedOptionSet | null => {
    if (typeof options === "string") {
      const set = ctx.optionSets.get(options);
      if (!set) flag(`options: unknown option set "${options}"${known(ctx.optionSets)}`);
      return set ?? null;
    }
    const before = problemsBefore.count;
    checkOptionCodes(options, (problem) => flag(`options: ${problem}`));
    return problemsBefore.count === before ? { options: options.map(option), localeOrder: null } : null;
  };

  const checkMissingAgainst = (taken: (code: number) => boolean, what: string) => {
    for (const m of missingCodes) {
      if (taken(m.code)) flag(`missing code ${m.code} is also ${what}; missing codes must differ from answers`);
    }
  };

  const expand = (set: ResolvedOptionSet): CompiledVariableOption[] =>
    set.options.map((o) => {
      const variable = o.name ?? `${def.name}_${o.code}`;
      ctx.claimName(variable, ctx.where, `option ${o.code} variable name`);
      return { code: o.code, label: o.label, variable, field: fieldName(variable) };
    });

  let item: CompiledItem | null = null;
  switch (def.type) {
    case "short_text":
    case "long_text": {
      const maxLength =
        def.max_length ?? (def.type === "short_text" ? DEFAULT_SHORT_TEXT_LENGTH : DEFAULT_LONG_TEXT_LENGTH);
      if (maxLength > MAX_TEXT_LENGTH) flag(`max_length ${maxLength} is above the limit of ${MAX_TEXT_LENGTH}`);
      item =
        def.type === "short_text"
          ? { ...base, type: "short_text", field, maxLength }
          : { ...base, type: "long_text", field, maxLength, rows: def.rows ?? 5 };
      break;
    }
    case "date":
      item = { ...base, type: "date", field };
      break;
    case "month":
      item = { ...base, type: "month", field };
      break;
    case "integer":
      if (def.min > def.max) flag(`min (${def.min}) is greater than max (${def.max})`);
      if (!Number.isSafeInteger(def.min) || !Number.isSafeInteger(def.max)) flag("min and max must be safe integers");
      checkMissingAgainst((code) => code >= def.min && code <= def.max, `a valid answer (${def.min}-${def.max})`);
      item = { ...base, type: "integer", field, min: def.min, max: def.max };
      break;
    case "single_choice": {
      const set = resolveOptions(def.options);
      if (!set) break;
      const codes = new Set(set.options.map((o) => o.code));
      checkMissingAgainst((code) => codes.has(code), "an option code");
      item = {
        ...base,
        type: "single_choice",
        field,
        options: set.options.map(plainOption),
        display: def.display ?? (set.options.length > SELECT_ABOVE_OPTIONS ? "select" : "radio"),
        localeOrder: set.localeOrder,
      };
      break;
    }
    case "se_step":
      checkMissingAgainst((code) => code >= 1 && code <= 5, "an SE step (1-5)");
      item = { ...base, type: "se_step", field, options: SE_STEPS, display: def.display ?? "radio", localeOrder: null };
      break;
    case "multiple_choice": {
      const set = resolveOptions(def.options);
      if (!set) break;
      checkMissingAgainst((code) => code === 0 || code === 1, "a value of a tick box (0 or 1)");
      item = { ...base, type: "multiple_choice", options: expand(set) };
      break;
    }
    case "counts": {
      const set = resolveOptions(def.options);
      if (!set) break;
      const max = def.max ?? DEFAULT_COUNT_MAX;
      checkMissingAgainst((code) => code >= 0 && code <= max, `a valid count (0-${max})`);
      item = { ...base, type: "counts", options: expand(set), max };
      break;
    }
    case "matrix": {
      const set = resolveOptions(def.options);
      if (!set) break;
      const codes = new Set(set.options.map((o) => o.code));
      checkMissingAgainst((code) => codes.has(code), "an option code");
      const statements = def.statements.map((statement, k) => {
        ctx.claimName(
          statement.name,
          `statement "${statement.name}" of item "${def.name}" (${ctx.path}.statements[${k}])`,
        );
        return {
          variable: statement.name,
          field: fieldName(statement.name),
          label: statement.label,
          help: statement.help ?? null,
        };
      });
      item = {
        ...base,
        type: "matrix",
        stem: def.stem ?? null,
        options: set.options.map(plainOption),
        statements,
      };
      break;
    }
    default: {
      const unreachable: never = def;
      void unreachable;
    }
  }
  return problemsBefore.count === 0 ? item : null;
}

// ---------------------------------------------------------------------------------------
// Helpers

export function option(def: OptionDefinition): CompiledOption & { name?: string } {
  return def.name === undefined
    ? { code: def.code, label: def.label }
    : { code: def.code, label: def.label, name: def.name };
}

export function plainOption(o: CompiledOption): CompiledOption {
  return { code: o.code, label: o.label };
}

export function missing(def: MissingCodeDefinition): CompiledMissing {
  return { code: def.code, label: def.label, role: def.role ?? null };
}

export function checkOptionCodes(options: readonly OptionDefinition[], report: (problem: string) => void) {
  const seen = new Map<number, LocalizedDefinition>();
  for (const o of options) {
    if (!Number.isSafeInteger(o.code)) report(`option code ${o.code} is too large`);
    const first = seen.get(o.code);
    if (first) {
      report(`duplicate option code ${o.code} ("${first.nb}" and "${o.label.nb}"); every option needs its own code`);
    }
    seen.set(o.code, o.label);
  }
}

export function checkMissingCodes(codes: readonly MissingCodeDefinition[], report: (problem: string) => void) {
  const seen = new Set<number>();
  const roles = new Set<string>();
  for (const m of codes) {
    if (seen.has(m.code)) report(`duplicate missing code ${m.code}`);
    seen.add(m.code);
    if (m.role) {
      if (roles.has(m.role)) report(`more than one missing code has the role ${m.role}`);
      roles.add(m.role);
    }
  }
}

export function known(map: ReadonlyMap<string, unknown>): string {
  return map.size > 0 ? ` (defined: ${[...map.keys()].join(", ")})` : " (none are defined in this file)";
}

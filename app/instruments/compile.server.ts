// Compiles one definition file (YAML text) into a CompiledInstrument: parse, check the shape
// with the definition schema, then resolve option sets and missing codes, check SPSS names,
// uniqueness, codes and conditions, and expand the variables through the item registry.
// Problems are collected (not thrown) so one run reports all of them.
import { parseDocument } from "yaml";
import {
  instrumentDefinitionSchema,
  type ConditionDefinition,
  type InstrumentDefinition,
} from "../../surveys/definition-schema";
import {
  checkMissingCodes,
  checkOptionCodes,
  compileItem,
  known,
  missing,
  option,
  type ResolvedOptionSet,
} from "./compile-item.server";
import { isoCountries, isoCountryOrder } from "./countries.server";
import { serverFor } from "./items/registry.server";
import { fieldName, variableNameProblem } from "./names";
import {
  MAX_CONDITIONS,
  type CompiledCondition,
  type CompiledInstrument,
  type CompiledItem,
  type CompiledMissing,
  type CompiledOption,
  type CompiledSection,
  type CompiledVariable,
  type ItemType,
} from "./types";

export interface DefinitionProblem {
  /** Definition file, relative to the working directory. */
  readonly file: string;
  /** The item (variable name and/or path in the file) the problem is about. */
  readonly item: string;
  readonly problem: string;
}

export interface CompileResult {
  readonly instrument: CompiledInstrument | null;
  readonly problems: readonly DefinitionProblem[];
}
// ---------------------------------------------------------------------------------------
// Describing where a problem is

function at(value: unknown, key: PropertyKey): unknown {
  if (value !== null && typeof value === "object" && typeof key !== "symbol") {
    return (value as Record<string | number, unknown>)[key];
  }
  return undefined;
}

function quotedName(value: unknown): string | null {
  const name = at(value, "name");
  return typeof name === "string" && name !== "" ? `"${name}"` : null;
}

/** Turns a path into the raw document into "item "x" (sections[0].items[2])" + the rest. */
export function describePath(raw: unknown, path: readonly PropertyKey[]): { item: string; rest: string } {
  let item = "instrument";
  let anchor = 0;
  let cursor: unknown = raw;
  let location = "";
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    cursor = at(cursor, key);
    location += typeof key === "number" ? `[${key}]` : `${location ? "." : ""}${String(key)}`;
    const container = path[i - 1];
    if (typeof key === "number" && container === "sections") {
      const id = at(cursor, "id");
      item = `section ${typeof id === "string" ? `"${id}"` : key + 1} (${location})`;
      anchor = i + 1;
    } else if (typeof key === "number" && container === "items") {
      const name = quotedName(cursor);
      item = name ? `item ${name} (${location})` : `item ${location}`;
      anchor = i + 1;
    } else if (typeof key === "number" && container === "statements") {
      const name = quotedName(cursor);
      item = `statement ${name ?? key + 1} of ${item.replace(/ \(.*\)$/, "")} (${location})`;
      anchor = i + 1;
    } else if (container === "option_sets" || container === "missing_sets") {
      item = `${container === "option_sets" ? "option set" : "missing set"} "${String(key)}"`;
      anchor = i + 1;
    }
  }
  const rest = path
    .slice(anchor)
    .map((key, index) => (typeof key === "number" ? `[${key}]` : `${index ? "." : ""}${String(key)}`))
    .join("");
  return { item, rest };
}

const itemRef = (name: string | undefined, path: string) =>
  name ? `item "${name}" (${path})` : `item ${path}`;
// ---------------------------------------------------------------------------------------

export function compileDefinitionText(text: string, file: string): CompileResult {
  const problems: DefinitionProblem[] = [];
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const pos = error.linePos?.[0];
      problems.push({
        file,
        item: pos ? `line ${pos.line}, column ${pos.col}` : "file",
        problem: `YAML syntax: ${error.message.split("\n")[0]}`,
      });
    }
    return { instrument: null, problems };
  }
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    problems.push({ file, item: "file", problem: `YAML: ${(error as Error).message}` });
    return { instrument: null, problems };
  }
  if (raw === null || raw === undefined) {
    problems.push({ file, item: "file", problem: "the file is empty" });
    return { instrument: null, problems };
  }
  const parsed = instrumentDefinitionSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const { item, rest } = describePath(raw, issue.path);
      problems.push({ file, item, problem: rest ? `${rest}: ${issue.message}` : issue.message });
    }
    return { instrument: null, problems };
  }
  return compileDefinition(parsed.data, file);
}

interface SeenVariable {
  readonly name: string;
  readonly where: string;
}

interface Controller {
  readonly item: CompiledItem;
  readonly options: readonly CompiledOption[];
}

export function compileDefinition(def: InstrumentDefinition, file: string): CompileResult {
  const problems: DefinitionProblem[] = [];
  const report = (item: string, problem: string) => problems.push({ file, item, problem });

  // Option sets ------------------------------------------------------------------------
  const optionSets = new Map<string, ResolvedOptionSet>();
  for (const [name, set] of Object.entries(def.option_sets ?? {})) {
    if (Array.isArray(set)) {
      checkOptionCodes(set, (problem) => report(`option set "${name}"`, problem));
      optionSets.set(name, { options: set.map(option), localeOrder: null });
    } else {
      optionSets.set(name, { options: isoCountries(), localeOrder: isoCountryOrder() });
    }
  }

  // Missing codes ----------------------------------------------------------------------
  const missingSets = new Map<string, readonly CompiledMissing[]>();
  for (const [name, set] of Object.entries(def.missing_sets ?? {})) {
    checkMissingCodes(set, (problem) => report(`missing set "${name}"`, problem));
    missingSets.set(name, set.map(missing));
  }
  let defaultMissing: readonly CompiledMissing[] = [];
  if (def.defaults?.missing !== undefined) {
    const set = missingSets.get(def.defaults.missing);
    if (set) defaultMissing = set;
    else report("defaults", `missing: unknown missing set "${def.defaults.missing}"${known(missingSets)}`);
  }

  // Sections and items -----------------------------------------------------------------
  const names = new Map<string, SeenVariable>(); // lower-case name → first use
  const claimName = (name: string, where: string, what = "name") => {
    const problem = variableNameProblem(name);
    if (problem) {
      report(where, `${what}: ${problem}`);
      return;
    }
    const seen = names.get(name.toLowerCase());
    if (seen) {
      report(
        where,
        `duplicate variable name "${name}": already used by ${seen.where}` +
          (seen.name !== name ? ` as "${seen.name}" (names must differ in more than letter case)` : ""),
      );
      return;
    }
    names.set(name.toLowerCase(), { name, where });
  };

  const conditionsByKey = new Map<string, CompiledCondition>();
  const controllers = new Map<string, Controller>(); // variable name → earlier choice item
  const failedItems = new Set<string>(); // items that did not compile (problems reported)
  const allItemNames = new Map<string, ItemType>(); // every item/variable name in the file
  for (const section of def.sections) {
    for (const item of section.items) {
      allItemNames.set(item.name, item.type);
      if (item.type === "matrix") for (const s of item.statements) allItemNames.set(s.name, "matrix");
    }
  }

  const resolveCondition = (
    when: ConditionDefinition,
    where: string,
  ): readonly CompiledCondition[] | null => {
    const controller = controllers.get(when.variable);
    if (!controller) {
      // Already reported: the controlling item itself is invalid.
      if (failedItems.has(when.variable)) return null;
      const type = allItemNames.get(when.variable);
      if (type === undefined) {
        report(where, `when: the condition refers to unknown variable "${when.variable}"`);
      } else if (type === "single_choice" || type === "se_step") {
        report(
          where,
          `when: the condition refers to "${when.variable}", which does not come before it; ` +
            "a condition may only depend on an earlier question",
        );
      } else {
        report(
          where,
          `when: the condition refers to "${when.variable}", a ${type} item; ` +
            "conditions can only depend on single_choice or se_step items",
        );
      }
      return null;
    }
    const codes = new Set(controller.options.map((o) => o.code));
    const unknown = when.in.filter((code) => !codes.has(code));
    if (unknown.length > 0) {
      report(
        where,
        `when: code${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")} ` +
          `${unknown.length > 1 ? "are not options" : "is not an option"} of "${when.variable}" ` +
          `(its codes are ${[...codes].join(", ")})`,
      );
      return null;
    }
    const inCodes = [...new Set(when.in)].sort((a, b) => a - b);
    const key = `${when.variable}:${inCodes.join(",")}`;
    let condition = conditionsByKey.get(key);
    if (!condition) {
      condition = Object.freeze({
        index: conditionsByKey.size + 1,
        variable: when.variable,
        field: fieldName(when.variable),
        in: Object.freeze(inCodes),
      });
      conditionsByKey.set(key, condition);
    }
    // The controller's own conditions apply too: a hidden question cannot show its dependants.
    return mergeConditions(controller.item.conditions, [condition]);
  };

  const sections: CompiledSection[] = [];
  const sectionIds = new Set<string>();
  def.sections.forEach((sectionDef, s) => {
    const sectionPath = `sections[${s}]`;
    const id = sectionDef.id ?? `s${s + 1}`;
    const sectionWhere = `section "${id}" (${sectionPath})`;
    if (sectionIds.has(id)) report(sectionWhere, `duplicate section id "${id}"`);
    sectionIds.add(id);
    const sectionConditions = sectionDef.when
      ? resolveCondition(sectionDef.when, sectionWhere) ?? []
      : [];

    const items: CompiledItem[] = [];
    sectionDef.items.forEach((itemDef, i) => {
      const path = `${sectionPath}.items[${i}]`;
      const where = itemRef(itemDef.name, path);
      const ownConditions = itemDef.when ? resolveCondition(itemDef.when, where) ?? [] : [];
      const conditions = mergeConditions(sectionConditions, ownConditions);
      const item = compileItem(itemDef, {
        path,
        where,
        conditions,
        report: (problem) => report(where, problem),
        claimName,
        optionSets,
        missingSets,
        defaultMissing,
      });
      if (!item) {
        failedItems.add(itemDef.name);
        return;
      }
      items.push(item);
      if (item.type === "single_choice" || item.type === "se_step") {
        controllers.set(item.name, { item, options: item.options });
      }
    });
    sections.push({
      id,
      title: sectionDef.title,
      help: sectionDef.help ?? null,
      conditions: sectionConditions,
      items,
    });
  });

  if (conditionsByKey.size > MAX_CONDITIONS) {
    report(
      "instrument",
      `uses ${conditionsByKey.size} different conditions; at most ${MAX_CONDITIONS} are supported`,
    );
  }

  if (problems.length > 0) return { instrument: null, problems };

  const variables: CompiledVariable[] = [];
  for (const section of sections) {
    for (const item of section.items) variables.push(...serverFor(item.type).variables(item as never, section.id));
  }

  const instrument: CompiledInstrument = {
    id: def.id,
    version: def.version,
    key: `${def.id}@v${def.version}`,
    title: def.title,
    description: def.description,
    help: def.help ?? null,
    use: def.use ?? null,
    sections,
    conditions: [...conditionsByKey.values()],
    variables,
    source: file,
  };
  return { instrument: deepFreeze(instrument), problems };
}

// ---------------------------------------------------------------------------------------

function mergeConditions(
  a: readonly CompiledCondition[],
  b: readonly CompiledCondition[],
): readonly CompiledCondition[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const merged = [...a];
  for (const condition of b) if (!merged.includes(condition)) merged.push(condition);
  return merged;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

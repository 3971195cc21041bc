// The instrument editor's operations on a definition (issue 14), pure: they take the object the
// definition schema accepts and return a changed copy, which the caller validates with the same
// compiler as a file before it is saved. An item is edited as plain form fields (`ItemFields`);
// lists (options, statements, missing codes) are one line each, «code | nb | en», so the form
// works without JavaScript and with the keyboard alone. `itemToFields` then `fieldsToItem` gives
// back the same item for every item in surveys/ (round-trip test).
import type { InstrumentDefinition, ItemDefinition, LocalizedDefinition, SectionDefinition } from "../../surveys/definition-schema";

export const EDITOR_ITEM_TYPES = ["short_text", "long_text", "integer", "date", "month", "single_choice", "multiple_choice", "matrix", "counts", "se_step"] as const;
export type EditorItemType = (typeof EDITOR_ITEM_TYPES)[number];

export type ItemFields = Record<string, string>;
type Item = ItemDefinition;

const clone = <T,>(v: T): T => structuredClone(v);

// -------------------------------------------------------------------------------------------
// Lines: «a | b | c», with «\|» for a bar and «\\» for a backslash inside a cell.

export function splitLine(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === "\\" && (line[i + 1] === "|" || line[i + 1] === "\\")) cell += line[++i];
    else if (c === "|") {
      cells.push(cell.trim());
      cell = "";
    } else cell += c;
  }
  cells.push(cell.trim());
  return cells;
}

const cellText = (v: string) => v.replace(/\\/g, "\\\\").replace(/\|/g, "\\|");
export const joinLine = (cells: readonly (string | number | undefined)[]) => cells.map((c) => cellText(String(c ?? ""))).join(" | ").replace(/( \| )+$/, "");
const lines = (text: string) => text.split(/\r?\n/).filter((l) => l.trim() !== "");

type Option = { code: number; label: LocalizedDefinition; name?: string };
type MissingCode = { code: number; label: LocalizedDefinition; role?: "not_answered" | "not_applicable" };

/** Options from lines «code | nb | en (| variable name)»; the numbers of lines that are not. */
export function optionLines(text: string): { options: Option[]; bad: number[] } {
  const bad: number[] = [];
  const options = lines(text).map((line, i) => {
    const [code, nb, en, name] = splitLine(line);
    if (!/^-?\d+$/.test(code ?? "") || nb === undefined || en === undefined) bad.push(i + 1);
    return { code: Number(code), label: { nb: nb ?? "", en: en ?? "" }, ...(name ? { name } : {}) };
  });
  return { options, bad };
}

/** Missing codes from lines «code | nb | en (| role)». */
export function missingLines(text: string): { codes: MissingCode[]; bad: number[] } {
  const bad: number[] = [];
  const codes = lines(text).map((line, i) => {
    const [code, nb, en, role] = splitLine(line);
    if (!/^-?\d+$/.test(code ?? "") || nb === undefined || en === undefined) bad.push(i + 1);
    return { code: Number(code), label: { nb: nb ?? "", en: en ?? "" }, ...(role ? { role: role as MissingCode["role"] } : {}) };
  });
  return { codes, bad };
}

export const optionsText = (options: readonly Option[]) => options.map((o) => joinLine([o.code, o.label.nb, o.label.en, o.name])).join("\n");
export const missingText = (codes: readonly MissingCode[]) => codes.map((m) => joinLine([m.code, m.label.nb, m.label.en, m.role])).join("\n");

// -------------------------------------------------------------------------------------------
// An item as form fields, and back.

const loc = (fields: ItemFields, key: string): LocalizedDefinition | undefined => {
  const nb = fields[`${key}_nb`] ?? "";
  const en = fields[`${key}_en`] ?? "";
  return nb === "" && en === "" ? undefined : { nb, en };
};

export function itemToFields(item: Item): ItemFields {
  const f: ItemFields = { type: item.type, name: item.name, label_nb: item.label.nb, label_en: item.label.en };
  const put = (key: string, value: string | number | boolean | undefined) => {
    if (value !== undefined) f[key] = typeof value === "boolean" ? (value ? "on" : "off") : String(value);
  };
  put("help_nb", item.help?.nb);
  put("help_en", item.help?.en);
  put("required", item.required);
  put("measure", item.measure);
  put("disclosure", item.disclosure);
  put("nvivo", item.nvivo);
  if (typeof item.missing === "string") f.missing_set = item.missing;
  else if (item.missing) f.missing_list = missingText(item.missing);
  if (item.when) {
    f.when_variable = item.when.variable;
    f.when_in = item.when.in.join(", ");
  }
  if ("max_length" in item) put("max_length", item.max_length);
  if ("rows" in item) put("rows", item.rows);
  if (item.type === "integer") {
    put("min", item.min);
    put("max", item.max);
  }
  if (item.type === "counts") put("max", item.max);
  if ("display" in item) put("display", item.display);
  if ("options" in item) {
    if (typeof item.options === "string") f.option_set = item.options;
    else f.options = optionsText(item.options);
  }
  if (item.type === "matrix") {
    put("stem_nb", item.stem?.nb);
    put("stem_en", item.stem?.en);
    f.statements = item.statements.map((s) => joinLine([s.name, s.label.nb, s.label.en, s.help?.nb, s.help?.en])).join("\n");
  }
  return f;
}

export interface FieldProblem {
  readonly field: string;
  readonly problem: "number" | "line" | "type";
  readonly line?: number;
}

/** The item the fields describe; problems the schema cannot name (a number that is not one, a line with too few cells) come back per field. */
export function fieldsToItem(f: ItemFields): { item: Item | null; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const type = f.type as EditorItemType;
  if (!EDITOR_ITEM_TYPES.includes(type)) return { item: null, problems: [{ field: "type", problem: "type" }] };
  const int = (key: string): number | undefined => {
    const v = (f[key] ?? "").trim();
    if (v === "") return undefined;
    if (!/^-?\d{1,9}$/.test(v)) problems.push({ field: key, problem: "number" });
    return Number(v);
  };
  const bool = (key: string) => (f[key] === "on" ? true : f[key] === "off" ? false : undefined);
  const opt = (key: string) => ((f[key] ?? "") === "" ? undefined : f[key]);
  const item: Record<string, unknown> = { name: (f.name ?? "").trim(), type, label: { nb: f.label_nb ?? "", en: f.label_en ?? "" } };
  const set = (key: string, value: unknown) => {
    if (value !== undefined) item[key] = value;
  };
  set("help", loc(f, "help"));
  set("required", bool("required"));
  set("measure", opt("measure"));
  set("disclosure", opt("disclosure"));
  set("nvivo", opt("nvivo"));
  if (opt("missing_set")) item.missing = f.missing_set;
  else if (lines(f.missing_list ?? "").length) {
    const { codes, bad } = missingLines(f.missing_list);
    for (const line of bad) problems.push({ field: "missing_list", problem: "line", line });
    item.missing = codes;
  }
  if (opt("when_variable")) {
    const codes = (f.when_in ?? "").split(/[\s,]+/).filter(Boolean);
    if (codes.some((c) => !/^-?\d+$/.test(c))) problems.push({ field: "when_in", problem: "number" });
    item.when = { variable: f.when_variable.trim(), in: codes.map(Number) };
  }
  if (type === "short_text" || type === "long_text") set("max_length", int("max_length"));
  if (type === "long_text") set("rows", int("rows"));
  if (type === "integer") {
    set("min", int("min"));
    set("max", int("max"));
  }
  if (type === "counts") set("max", int("max"));
  if (type === "single_choice" || type === "se_step") set("display", opt("display"));
  if (type === "single_choice" || type === "multiple_choice" || type === "matrix" || type === "counts") {
    if (opt("option_set")) item.options = f.option_set;
    else {
      const { options, bad } = optionLines(f.options ?? "");
      for (const line of bad) problems.push({ field: "options", problem: "line", line });
      item.options = options;
    }
  }
  if (type === "matrix") {
    set("stem", loc(f, "stem"));
    item.statements = lines(f.statements ?? "").map((line, i) => {
      const [name, nb, en, helpNb, helpEn] = splitLine(line);
      if (nb === undefined || en === undefined) problems.push({ field: "statements", problem: "line", line: i + 1 });
      return { name, label: { nb: nb ?? "", en: en ?? "" }, ...(helpNb !== undefined || helpEn !== undefined ? { help: { nb: helpNb ?? "", en: helpEn ?? "" } } : {}) };
    });
  }
  // Keys in the order the schema lists them, as a file would have them.
  return { item: item as Item, problems };
}

// -------------------------------------------------------------------------------------------
// Operations on the definition.

/** Where an item is: [section index, item index], or null. */
export function findItem(def: InstrumentDefinition, name: string): [number, number] | null {
  for (const [s, section] of def.sections.entries()) {
    const i = section.items.findIndex((item) => item.name === name);
    if (i >= 0) return [s, i];
  }
  return null;
}

/** Moves an item one place up or down; past the top or bottom of its section it goes to the neighbouring section. */
export function moveItem(def: InstrumentDefinition, name: string, by: -1 | 1): InstrumentDefinition {
  const next = clone(def);
  const at = findItem(next, name);
  if (!at) return next;
  const [s, i] = at;
  const items = next.sections[s].items;
  const j = i + by;
  if (j >= 0 && j < items.length) [items[i], items[j]] = [items[j], items[i]];
  else if (next.sections[s + by] && items.length > 1) {
    const [item] = items.splice(i, 1);
    if (by < 0) next.sections[s - 1].items.push(item);
    else next.sections[s + 1].items.unshift(item);
  }
  return next;
}

export function moveSection(def: InstrumentDefinition, index: number, by: -1 | 1): InstrumentDefinition {
  const next = clone(def);
  const j = index + by;
  if (index >= 0 && index < next.sections.length && j >= 0 && j < next.sections.length) [next.sections[index], next.sections[j]] = [next.sections[j], next.sections[index]];
  return next;
}

export function removeItem(def: InstrumentDefinition, name: string): InstrumentDefinition {
  const next = clone(def);
  const at = findItem(next, name);
  if (at) next.sections[at[0]].items.splice(at[1], 1);
  return next;
}

export function replaceItem(def: InstrumentDefinition, name: string, item: Item): InstrumentDefinition {
  const next = clone(def);
  const at = findItem(next, name);
  if (at) next.sections[at[0]].items[at[1]] = item;
  return next;
}

const YES_NO = [
  { code: 1, label: { nb: "Ja", en: "Yes" } },
  { code: 2, label: { nb: "Nei", en: "No" } },
];

/** A new item of a type, with what it needs to be valid, at the end of a section. */
export function addItem(def: InstrumentDefinition, sectionIndex: number, type: EditorItemType, name: string, label: LocalizedDefinition): InstrumentDefinition {
  const next = clone(def);
  const base = { name, label };
  const item: Item =
    type === "integer"
      ? { ...base, type, min: 0, max: 100 }
      : type === "single_choice" || type === "multiple_choice"
        ? { ...base, type, options: clone(YES_NO) }
        : type === "counts"
          ? { ...base, type, options: YES_NO.map((o) => ({ ...clone(o), name: `${name}_${o.code}` })) }
          : type === "matrix"
            ? { ...base, type, options: clone(YES_NO), statements: [{ name: `${name}_1`, label: clone(label) }] }
            : { ...base, type };
  next.sections[sectionIndex]?.items.push(item);
  return next;
}

export function addSection(def: InstrumentDefinition, title: LocalizedDefinition, firstItem: { type: EditorItemType; name: string; label: LocalizedDefinition }): InstrumentDefinition {
  const next = clone(def);
  next.sections.push({ title, items: [] } as unknown as SectionDefinition);
  return addItem(next, next.sections.length - 1, firstItem.type, firstItem.name, firstItem.label);
}

/** The instrument's own texts. */
export function setTexts(def: InstrumentDefinition, texts: { title: LocalizedDefinition; description: LocalizedDefinition; help: LocalizedDefinition | undefined }): InstrumentDefinition {
  const next = clone(def);
  next.title = texts.title;
  next.description = texts.description;
  if (texts.help) next.help = texts.help;
  else delete next.help;
  return next;
}

/** A section's texts and condition. */
export function setSection(def: InstrumentDefinition, index: number, section: { title: LocalizedDefinition; help: LocalizedDefinition | undefined; when: { variable: string; in: number[] } | undefined }): InstrumentDefinition {
  const next = clone(def);
  const target = next.sections[index];
  if (!target) return next;
  // Keys in the order a file has them: id, title, help, when, items.
  next.sections[index] = {
    ...(target.id !== undefined ? { id: target.id } : {}),
    title: section.title,
    ...(section.help ? { help: section.help } : {}),
    ...(section.when ? { when: section.when } : {}),
    items: target.items,
  };
  return next;
}

/** A named answer set (a new one, or its options replaced). */
export function setOptionSet(def: InstrumentDefinition, name: string, options: readonly Option[]): InstrumentDefinition {
  const next = clone(def);
  next.option_sets = { ...(next.option_sets ?? {}), [name]: clone([...options]) };
  return next;
}

/** A named set of missing codes (a new one, or its codes replaced). */
export function setMissingSet(def: InstrumentDefinition, name: string, codes: readonly MissingCode[]): InstrumentDefinition {
  const next = clone(def);
  next.missing_sets = { ...(next.missing_sets ?? {}), [name]: clone([...codes]) };
  return next;
}

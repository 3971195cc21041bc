// The instrument editor's pages (issue 14). /instruments/<id>/edit: the draft's texts, its
// sections and items in order (moved with buttons, so the keyboard and a browser without
// JavaScript can reorder), adding and removing; /instruments/<id>/edit/<item>: one item's fields.
// Every change is applied to the draft's definition, checked by the same compiler as a file, and
// saved only when valid; otherwise the page comes back with the problem at the field and what
// was typed. A draft is started from the latest published version, or as a new instrument.
import { data, redirect, type AppLoadContext } from "@remix-run/node";
import { notFound, requireResearcher } from "~/auth/permissions.server";
import type { TFunction } from "~/i18n/catalog";
import { getTranslator } from "~/i18n/locale.server";
import type { InstrumentDefinition } from "../../surveys/definition-schema";
import { INSTRUMENT_USES } from "../../surveys/definition-schema";
import { compileDefinitionText } from "./compile.server";
import { definitionText, parseDefinitionText } from "./definition-yaml.server";
import {
  EDITOR_ITEM_TYPES,
  addItem,
  addSection,
  fieldsToItem,
  findItem,
  itemToFields,
  missingLines,
  missingText,
  moveItem,
  moveSection,
  optionLines,
  optionsText,
  removeItem,
  replaceItem,
  setMissingSet,
  setOptionSet,
  setSection,
  setTexts,
  type EditorItemType,
  type ItemFields,
} from "./editor";
import { variableNameProblem } from "./names";
import { draftOf, saveDraft, updateDraft, versionRow } from "./versions.server";

type Errors = Record<string, string>;
const str = (form: FormData, key: string, max = 4000) => String(form.get(key) ?? "").slice(0, max);

function draftDefinition(context: AppLoadContext, id: string) {
  const row = draftOf(context.db, id);
  const def = row ? parseDefinitionText(row.yaml) : null;
  return row && def ? { row, def } : null;
}

/** Saves the changed definition if the compiler takes it; else the compiler's problems. */
function save(context: AppLoadContext, actorId: number, id: string, def: InstrumentDefinition): string[] {
  const yaml = definitionText(def);
  const result = compileDefinitionText(yaml, `${id}/v${def.version}.yaml`);
  if (!result.instrument) return result.problems.map((p) => `${p.item}: ${p.problem}`);
  updateDraft(context.db, actorId, id, yaml);
  return [];
}

/** Every variable name of the definition but those of `except` (names are compared without case). */
function takenNames(def: InstrumentDefinition, except: string | null): Set<string> {
  const names = new Set<string>();
  for (const item of def.sections.flatMap((s) => s.items)) {
    if (item.name === except) continue;
    names.add(item.name.toUpperCase());
    if (item.type === "matrix") for (const s of item.statements) names.add(s.name.toUpperCase());
    if ((item.type === "counts" || item.type === "multiple_choice") && Array.isArray(item.options)) for (const o of item.options) names.add((o.name ?? `${item.name}_${o.code}`).toUpperCase());
  }
  return names;
}

/** What is wrong with a new variable name, in the person's language, or null. */
function nameError(t: TFunction, def: InstrumentDefinition, name: string, except: string | null): string | null {
  if (!name) return t("editor.v.name");
  if (variableNameProblem(name)) return t("editor.v.spssName", { name });
  if (takenNames(def, except).has(name.toUpperCase())) return t("editor.v.nameTaken", { name });
  return null;
}

const localized = (form: FormData, key: string) => ({ nb: str(form, `${key}_nb`).trim(), en: str(form, `${key}_en`).trim() });

export async function loadEditor(request: Request, context: AppLoadContext, id: string | undefined) {
  await requireResearcher(request, context);
  const { locale } = await getTranslator(request, context);
  if (!id) throw notFound();
  const draft = draftDefinition(context, id);
  const latest = context.codebook.get(id);
  if (!draft && !latest) throw notFound();
  if (!draft) return { id, draft: null, latest: { version: latest!.version }, saved: null };
  const { def } = draft;
  return {
    id,
    latest: latest ? { version: latest.version } : null,
    saved: new URL(request.url).searchParams.get("saved"),
    draft: {
      version: def.version,
      title: def.title,
      description: def.description,
      help: def.help ?? null,
      sections: def.sections.map((s, i) => ({
        index: i,
        title: s.title[locale],
        fields: {
          title_nb: s.title.nb,
          title_en: s.title.en,
          help_nb: s.help?.nb ?? "",
          help_en: s.help?.en ?? "",
          when_variable: s.when?.variable ?? "",
          when_in: s.when?.in.join(", ") ?? "",
        },
        // A section can depend on a single choice in a section before it.
        conditions: def.sections
          .slice(0, i)
          .flatMap((x) => x.items)
          .filter((item) => item.type === "single_choice" || item.type === "se_step")
          .map((item) => item.name),
        items: s.items.map((item) => ({ name: item.name, type: item.type, label: item.label[locale] })),
      })),
      optionSets: Object.entries(def.option_sets ?? {}).map(([name, set]) => ({ name, text: Array.isArray(set) ? optionsText(set) : null })),
      missingSets: Object.entries(def.missing_sets ?? {}).map(([name, set]) => ({ name, text: missingText(set) })),
    },
  };
}

export async function editorAction(request: Request, context: AppLoadContext, id: string | undefined) {
  const user = await requireResearcher(request, context);
  const { t } = await getTranslator(request, context);
  if (!id) throw notFound();
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  if (intent === "start") {
    // A draft of the next version, from the latest published one.
    const latest = context.codebook.get(id);
    const row = latest ? versionRow(context.db, id, latest.version) : undefined;
    const def = row ? parseDefinitionText(row.yaml) : null;
    if (!latest || !def) throw notFound();
    if (!draftOf(context.db, id)) saveDraft(context.db, context.codebook, user.id, `${id}.yaml`, definitionText({ ...def, version: latest.version + 1 }));
    return redirect(`/instruments/${id}/edit`);
  }
  const draft = draftDefinition(context, id);
  if (!draft) throw notFound();
  const { def } = draft;
  const back = (saved: string, anchor = "") => redirect(`/instruments/${id}/edit?saved=${saved}${anchor ? `#${anchor}` : ""}`);
  const refuse = (form: string, typed: Record<string, string>, errors: Errors, problems: string[] = []) => data({ form, typed, errors, problems }, { status: 400 });
  let next: InstrumentDefinition;
  switch (intent) {
    case "texts": {
      const typed = Object.fromEntries(["title_nb", "title_en", "description_nb", "description_en", "help_nb", "help_en"].map((k) => [k, str(form, k)]));
      const errors: Errors = {};
      for (const k of ["title_nb", "title_en", "description_nb", "description_en"]) if (!typed[k].trim()) errors[k] = t("editor.v.text");
      if (Object.keys(errors).length) return refuse("texts", typed, errors);
      const help = localized(form, "help");
      next = setTexts(def, { title: localized(form, "title"), description: localized(form, "description"), help: help.nb || help.en ? help : undefined });
      break;
    }
    case "section": {
      const index = Number(form.get("section"));
      if (!def.sections[index]) throw notFound();
      const typed = Object.fromEntries(["title_nb", "title_en", "help_nb", "help_en", "when_variable", "when_in"].map((k) => [k, str(form, k)]));
      const errors: Errors = {};
      for (const k of ["title_nb", "title_en"]) if (!typed[k].trim()) errors[k] = t("editor.v.text");
      const codes = typed.when_in.split(/[\s,]+/).filter(Boolean);
      const earlier = def.sections.slice(0, index).flatMap((x) => x.items).filter((item) => item.type === "single_choice" || item.type === "se_step").map((item) => item.name);
      if (typed.when_variable && !earlier.includes(typed.when_variable)) errors.when_variable = t("editor.v.condition");
      if (typed.when_variable && (!codes.length || codes.some((c) => !/^-?\d+$/.test(c)))) errors.when_in = t("editor.v.number");
      if (Object.keys(errors).length) return refuse(`section-${index}`, typed, errors);
      const help = localized(form, "help");
      next = setSection(def, index, { title: localized(form, "title"), help: help.nb || help.en ? help : undefined, when: typed.when_variable ? { variable: typed.when_variable, in: codes.map(Number) } : undefined });
      break;
    }
    case "option-set":
    case "missing-set": {
      const typed = { name: str(form, "name", 60).trim(), lines: str(form, "lines", 20_000) };
      const errors: Errors = {};
      const formId = `${intent}-${str(form, "was", 60) || "new"}`;
      if (!/^[a-z][a-z0-9_]{0,40}$/.test(typed.name)) errors.name = t("editor.v.setName");
      else if (!form.get("was") && (intent === "option-set" ? def.option_sets?.[typed.name] : def.missing_sets?.[typed.name])) errors.name = t("editor.v.setTaken", { name: typed.name });
      const parsed = intent === "option-set" ? optionLines(typed.lines) : missingLines(typed.lines);
      const entries = "options" in parsed ? parsed.options : parsed.codes;
      const codes = entries.map((e) => e.code);
      const twice = codes.find((c, i) => codes.indexOf(c) !== i);
      if (parsed.bad.length) errors.lines = t("editor.v.line", { line: parsed.bad[0] });
      else if (!entries.length) errors.lines = t("editor.v.options");
      else if (twice !== undefined) errors.lines = t("editor.v.codeTwice", { code: String(twice) });
      if (Object.keys(errors).length) return refuse(formId, typed, errors);
      next = "options" in parsed ? setOptionSet(def, typed.name, parsed.options) : setMissingSet(def, typed.name, parsed.codes);
      const problems = save(context, user.id, id, next);
      if (problems.length) return refuse(formId, typed, {}, problems);
      return back(intent, "sets");
    }
    case "move-item":
      next = moveItem(def, str(form, "item", 100), form.get("by") === "-1" ? -1 : 1);
      break;
    case "move-section":
      next = moveSection(def, Number(form.get("section")), form.get("by") === "-1" ? -1 : 1);
      break;
    case "remove-item": {
      const name = str(form, "item", 100);
      const at = findItem(def, name);
      if (!at) throw notFound();
      // The last item of a section takes its section with it; the last section stays.
      next = def.sections[at[0]].items.length === 1 && def.sections.length > 1 ? { ...def, sections: def.sections.filter((_, i) => i !== at[0]) } : removeItem(def, name);
      break;
    }
    case "add-item":
    case "add-section": {
      const typed = Object.fromEntries(["type", "name", "label_nb", "label_en", "section", "title_nb", "title_en"].map((k) => [k, str(form, k, 400)]));
      const errors: Errors = {};
      const type = typed.type as EditorItemType;
      if (!EDITOR_ITEM_TYPES.includes(type)) errors.type = t("editor.v.type");
      const nameProblem = nameError(t, def, typed.name.trim(), null);
      if (nameProblem) errors.name = nameProblem;
      if (!typed.label_nb.trim()) errors.label_nb = t("editor.v.text");
      if (!typed.label_en.trim()) errors.label_en = t("editor.v.text");
      if (intent === "add-section") {
        if (!typed.title_nb.trim()) errors.title_nb = t("editor.v.text");
        if (!typed.title_en.trim()) errors.title_en = t("editor.v.text");
      }
      const section = Number(typed.section);
      if (intent === "add-item" && !def.sections[section]) throw notFound();
      const formId = intent === "add-item" ? `add-${section}` : "add-section";
      if (Object.keys(errors).length) return refuse(formId, typed, errors);
      const label = { nb: typed.label_nb.trim(), en: typed.label_en.trim() };
      next =
        intent === "add-item"
          ? addItem(def, section, type, typed.name.trim(), label)
          : addSection(def, { nb: typed.title_nb.trim(), en: typed.title_en.trim() }, { type, name: typed.name.trim(), label });
      const problems = save(context, user.id, id, next);
      if (problems.length) return refuse(formId, typed, {}, problems);
      return redirect(`/instruments/${id}/edit/${encodeURIComponent(typed.name.trim())}?saved=added`);
    }
    default:
      throw new Response("Bad Request", { status: 400 });
  }
  const problems = save(context, user.id, id, next);
  if (problems.length) return data({ form: intent, typed: {}, errors: {}, problems }, { status: 400 });
  return back(intent, intent === "move-item" || intent === "remove-item" ? "items" : "");
}

// -------------------------------------------------------------------------------------------
// /instruments/<id>/edit/<item>

function itemOf(context: AppLoadContext, id: string | undefined, name: string | undefined) {
  const draft = id ? draftDefinition(context, id) : null;
  const at = draft && name ? findItem(draft.def, name) : null;
  if (!draft || !at) throw notFound();
  return { def: draft.def, item: draft.def.sections[at[0]].items[at[1]], index: at };
}

/** The items before this one that a condition can point to (single choices), and the sets it can use. */
function choices(def: InstrumentDefinition, name: string) {
  const before: { name: string; label: string }[] = [];
  for (const item of def.sections.flatMap((s) => s.items)) {
    if (item.name === name) break;
    if (item.type === "single_choice" || item.type === "se_step") before.push({ name: item.name, label: item.label.nb });
  }
  return { conditions: before, optionSets: Object.keys(def.option_sets ?? {}), missingSets: Object.keys(def.missing_sets ?? {}) };
}

export async function loadItemEditor(request: Request, context: AppLoadContext, id: string | undefined, name: string | undefined) {
  await requireResearcher(request, context);
  const { def, item } = itemOf(context, id, name);
  return { id: id!, version: def.version, fields: itemToFields(item), ...choices(def, item.name), saved: new URL(request.url).searchParams.get("saved") };
}

const ITEM_FIELDS = ["type", "name", "label_nb", "label_en", "help_nb", "help_en", "required", "measure", "disclosure", "nvivo", "missing_set", "missing_list", "when_variable", "when_in", "max_length", "rows", "min", "max", "display", "option_set", "options", "stem_nb", "stem_en", "statements"];

export async function itemEditorAction(request: Request, context: AppLoadContext, id: string | undefined, name: string | undefined) {
  const user = await requireResearcher(request, context);
  const { t } = await getTranslator(request, context);
  const { def, item } = itemOf(context, id, name);
  const form = await request.formData();
  const typed: ItemFields = Object.fromEntries(ITEM_FIELDS.map((k) => [k, str(form, k, 20_000)]));
  typed.type = item.type;
  typed.required = form.get("required") === "on" ? "on" : "off";
  const errors: Errors = {};
  const { item: changed, problems } = fieldsToItem(typed);
  for (const p of problems) errors[p.field] ??= p.problem === "number" ? t("editor.v.number") : t("editor.v.line", { line: p.line ?? 0 });
  const nameProblem = nameError(t, def, typed.name.trim(), item.name);
  if (nameProblem) errors.name = nameProblem;
  for (const k of ["label_nb", "label_en"]) if (!typed[k].trim()) errors[k] = t("editor.v.text");
  if (changed && "options" in changed && Array.isArray(changed.options)) {
    const codes = changed.options.map((o) => o.code);
    const twice = codes.find((c, i) => codes.indexOf(c) !== i);
    if (twice !== undefined) errors.options = t("editor.v.codeTwice", { code: String(twice) });
    if (!changed.options.length && !typed.option_set) errors.options = t("editor.v.options");
  }
  if (typed.when_variable && !choices(def, item.name).conditions.some((c) => c.name === typed.when_variable)) errors.when_variable = t("editor.v.condition");
  if (Object.keys(errors).length || !changed) return data({ typed, errors, problems: [] as string[] }, { status: 400 });
  const next = replaceItem(def, item.name, changed);
  const compileProblems = save(context, user.id, id!, next);
  if (compileProblems.length) return data({ typed, errors, problems: compileProblems }, { status: 400 });
  return redirect(`/instruments/${id}/edit/${encodeURIComponent(changed.name)}?saved=item`);
}

/** On /instruments: a new instrument as the draft of version 1, blank or a copy of one in use. */
export async function newInstrumentAction(context: AppLoadContext, t: TFunction, actorId: number, form: FormData) {
  const typed = { id: str(form, "id", 60).trim(), title_nb: str(form, "title_nb", 200), title_en: str(form, "title_en", 200), use: str(form, "use", 40), copy: str(form, "copy", 60) };
  const errors: Errors = {};
  if (!/^[a-z][a-z0-9-]{1,40}$/.test(typed.id)) errors.id = t("editor.v.id");
  else if (context.codebook.get(typed.id) || draftOf(context.db, typed.id)) errors.id = t("editor.v.idTaken", { id: typed.id });
  if (!typed.title_nb.trim()) errors.title_nb = t("editor.v.text");
  if (!typed.title_en.trim()) errors.title_en = t("editor.v.text");
  if (typed.use && !(INSTRUMENT_USES as readonly string[]).includes(typed.use)) errors.use = t("editor.v.type");
  const source = typed.copy ? context.codebook.get(typed.copy) : null;
  const copied = source ? parseDefinitionText(versionRow(context.db, source.id, source.version)?.yaml ?? "") : null;
  if (typed.copy && !copied) errors.copy = t("editor.v.type");
  if (Object.keys(errors).length) return data({ newInstrument: { typed, errors } }, { status: 400 });
  const title = { nb: typed.title_nb.trim(), en: typed.title_en.trim() };
  const use = (typed.use || undefined) as InstrumentDefinition["use"];
  const def: InstrumentDefinition = copied
    ? { ...copied, id: typed.id, version: 1, title, use }
    : {
        id: typed.id,
        version: 1,
        title,
        description: title,
        use,
        sections: [{ title: { nb: "Del 1", en: "Part 1" }, items: [{ name: "sporsmaal_1", type: "short_text", label: { nb: "Spørsmål 1", en: "Question 1" } }] }],
      };
  if (!def.use) delete def.use;
  const outcome = saveDraft(context.db, context.codebook, actorId, `${typed.id}.yaml`, definitionText(def));
  if (!outcome.ok) return data({ newInstrument: { typed, errors: { id: t("editor.v.idTaken", { id: typed.id }) } } }, { status: 400 });
  return redirect(`/instruments/${typed.id}/edit`);
}

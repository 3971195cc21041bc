// What changed between two versions of an instrument, shown before a new version is published
// (issue 14): items added and removed, items whose wording changed (any text a respondent or a
// reader of the export sees), and items whose codes changed (the variables they store, their
// kinds, answer codes or missing codes) — the change that matters to an analyst merging versions.
// Items are matched by name, the SPSS name they are stored under. Pure.
import type { CompiledInstrument, CompiledItem, CompiledVariable } from "./types";

export interface ItemRef {
  readonly name: string;
  readonly label: { readonly nb: string; readonly en: string };
}

export interface InstrumentDiff {
  readonly added: readonly ItemRef[];
  readonly removed: readonly ItemRef[];
  readonly wording: readonly ItemRef[];
  readonly codes: readonly (ItemRef & { readonly what: readonly string[] })[];
  /** The title, description or a section's title or help. */
  readonly framing: boolean;
}

const items = (i: CompiledInstrument) => new Map(i.sections.flatMap((s) => s.items).map((item) => [item.name, item]));
const ref = (item: CompiledItem): ItemRef => ({ name: item.name, label: item.label });

/** Every {nb, en} text in a value, in order: the wording of an item. */
function texts(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) texts(v, out);
  else if (value && typeof value === "object") {
    const o = value as Record<string, unknown>;
    if (typeof o.nb === "string" && typeof o.en === "string" && Object.keys(o).length === 2) out.push(o.nb, o.en);
    else for (const key of Object.keys(o).sort()) if (key !== "conditions") texts(o[key], out);
  }
  return out;
}

/** What an item stores, as lines that differ when its codes do. */
function storage(variables: readonly CompiledVariable[]): Map<string, string> {
  return new Map(
    variables.map((v) => [
      v.name,
      `${v.kind} [${v.options.map((o) => o.code).join(",")}] missing [${v.missing.map((m) => m.code).join(",")}]` +
        ` ${v.options.map((o) => `${o.code}=${o.label.nb}`).join("; ")} ${v.missing.map((m) => `${m.code}=${m.label.nb}`).join("; ")}`,
    ]),
  );
}

export function diffInstruments(previous: CompiledInstrument, next: CompiledInstrument): InstrumentDiff {
  const before = items(previous);
  const after = items(next);
  const variablesOf = (i: CompiledInstrument, item: string) => i.variables.filter((v) => v.item.name === item);
  const added = [...after.values()].filter((i) => !before.has(i.name)).map(ref);
  const removed = [...before.values()].filter((i) => !after.has(i.name)).map(ref);
  const wording: ItemRef[] = [];
  const codes: (ItemRef & { what: string[] })[] = [];
  for (const [name, item] of after) {
    const old = before.get(name);
    if (!old) continue;
    if (texts(old).join("\u0000") !== texts(item).join("\u0000")) wording.push(ref(item));
    const was = storage(variablesOf(previous, name));
    const is = storage(variablesOf(next, name));
    const what = [
      ...[...is.keys()].filter((v) => !was.has(v)).map((v) => `+${v}`),
      ...[...was.keys()].filter((v) => !is.has(v)).map((v) => `−${v}`),
      ...[...is.entries()].filter(([v, s]) => was.has(v) && was.get(v) !== s).map(([v]) => v),
    ];
    if (old.type !== item.type) what.unshift(`${old.type} → ${item.type}`);
    if (what.length) codes.push({ ...ref(item), what });
  }
  const frame = (i: CompiledInstrument) => texts([i.title, i.description, i.help, i.sections.map((s) => [s.title, s.help])]).join("\u0000");
  return { added, removed, wording, codes, framing: frame(previous) !== frame(next) };
}

export const isEmptyDiff = (d: InstrumentDiff) => !d.added.length && !d.removed.length && !d.wording.length && !d.codes.length && !d.framing;

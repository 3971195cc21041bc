// From compiled instrument definitions to export variables: which versions are merged and how,
// what each variable becomes (kept, dropped, coarsened, scrubbed), and how one stored answer set
// turns into values with the declared missing codes. Everything here is read from the codebook;
// nothing about an instrument is written twice.
import type { Localized } from "~/i18n/locale";
import type { CompiledCondition, CompiledInstrument, CompiledOption, CompiledVariable } from "~/instruments/types";
import type { Row } from "./dictionary";
import type { AnonymisationStats } from "./anonymise/stats";
import { add } from "./anonymise/stats";
import type { SchemaVariable } from "./schema";

export interface MergedInstrument {
  readonly id: string;
  readonly versions: readonly number[];
  readonly title: Localized;
  /** The latest version's variables in its order, then those only older versions had. */
  readonly variables: readonly CompiledVariable[];
  /** Per version: each variable's conditions, to tell "not applicable" from "not answered". */
  readonly conditions: ReadonlyMap<number, ReadonlyMap<string, readonly CompiledCondition[]>>;
}

export class VersionConflict extends Error {}

const sameText = (a: Localized, b: Localized) => a.nb.trim().normalize("NFC") === b.nb.trim().normalize("NFC");

/**
 * Merges the versions of one instrument that the exported answers were given under. A variable
 * in several versions must keep its kind, and every code it has in two versions must mean the same
 * (same Norwegian label); otherwise the merge fails rather than mix two meanings under one code.
 * Labels come from the latest version that has the variable; option lists are united.
 */
export function mergeVersions(instruments: readonly CompiledInstrument[]): MergedInstrument {
  if (!instruments.length) throw new Error("mergeVersions needs at least one version");
  const sorted = [...instruments].sort((a, b) => a.version - b.version);
  const id = sorted[0].id;
  if (sorted.some((i) => i.id !== id)) throw new Error("mergeVersions got versions of different instruments");
  const byName = new Map<string, CompiledVariable>();
  const seenIn = new Map<string, number>();
  for (const instrument of sorted) {
    for (const v of instrument.variables) {
      const earlier = byName.get(v.name);
      if (!earlier) {
        byName.set(v.name, v);
        seenIn.set(v.name, instrument.version);
        continue;
      }
      const where = `${id}: variable ${v.name} (v${seenIn.get(v.name)} and v${instrument.version})`;
      if (earlier.kind !== v.kind) throw new VersionConflict(`${where} changed type from ${earlier.kind} to ${v.kind}`);
      const options = new Map<number, CompiledOption>(earlier.options.map((o) => [o.code, o]));
      for (const o of v.options) {
        const old = options.get(o.code);
        if (old && !sameText(old.label, o.label)) {
          throw new VersionConflict(`${where}: code ${o.code} changed meaning from «${old.label.nb}» to «${o.label.nb}»`);
        }
        options.set(o.code, o);
      }
      const missing = new Map(earlier.missing.map((m) => [m.code, m]));
      for (const m of v.missing) {
        const old = missing.get(m.code);
        if (old && !sameText(old.label, m.label)) {
          throw new VersionConflict(`${where}: missing code ${m.code} changed meaning from «${old.label.nb}» to «${m.label.nb}»`);
        }
        missing.set(m.code, m);
      }
      byName.set(v.name, {
        ...v,
        options: [...options.values()].sort((a, b) => a.code - b.code),
        missing: [...missing.values()].sort((a, b) => b.code - a.code),
      });
      seenIn.set(v.name, instrument.version);
    }
  }
  const latest = sorted[sorted.length - 1];
  const order = [...latest.variables.map((v) => v.name), ...[...byName.keys()].filter((n) => !latest.variables.some((v) => v.name === n))];
  const conditions = new Map<number, Map<string, readonly CompiledCondition[]>>();
  for (const instrument of sorted) {
    const perItem = new Map<string, readonly CompiledCondition[]>();
    for (const section of instrument.sections) for (const item of section.items) perItem.set(item.name, item.conditions);
    conditions.set(instrument.version, new Map(instrument.variables.map((v) => [v.name, perItem.get(v.item.name) ?? []])));
  }
  return { id, versions: sorted.map((i) => i.version), title: latest.title, variables: order.map((n) => byName.get(n)!), conditions };
}

export interface PlanOptions {
  /** Keep calendar dates instead of coarsening them to the month. */
  readonly exactDates: boolean;
  /** Variables of the instrument the data set writes itself (e.g. the log's own date). */
  readonly omit?: ReadonlySet<string>;
  /** Variables handled by k-anonymity (their schema comes from there). */
  readonly quasiIdentifiers?: ReadonlySet<string>;
}

const SELECTED: readonly { value: number; label: Localized }[] = [
  { value: 0, label: { nb: "Ikke valgt", en: "Not selected" } },
  { value: 1, label: { nb: "Valgt", en: "Selected" } },
];
const MONTH_SUFFIX: Localized = { nb: " (måned)", en: " (month)" };

function missingLabels(v: CompiledVariable) {
  return v.missing.map((m) => ({ value: m.code, label: m.label }));
}

/** The export variable of one instrument variable, or null when it is dropped. */
export function exportVariable(v: CompiledVariable, options: PlanOptions): SchemaVariable | null {
  if (v.disclosure === "direct_identifier") return null;
  const base = { name: v.name, label: v.label, nvivo: v.nvivo, source: v.name } as const;
  const missing = v.missing.slice(0, 3).map((m) => m.code);
  switch (v.kind) {
    case "code":
      return {
        ...base,
        type: "numeric",
        measure: v.measure,
        decimals: 0,
        valueLabels: [...v.options.map((o) => ({ value: o.code, label: o.label })), ...missingLabels(v)],
        missing,
        treatment: "kept",
      };
    case "flag":
      return { ...base, type: "numeric", measure: "nominal", decimals: 0, valueLabels: [...SELECTED, ...missingLabels(v)], missing, treatment: "kept" };
    case "integer":
      return { ...base, type: "numeric", measure: v.measure, decimals: 0, valueLabels: missingLabels(v), missing, treatment: "kept" };
    case "text":
      return { ...base, type: "string", measure: v.measure === "scale" ? "nominal" : v.measure, treatment: "scrubbed" };
    case "month":
      return { ...base, type: "string", measure: "ordinal", width: 7, treatment: "kept" };
    case "date":
      return options.exactDates
        ? { ...base, type: "date", measure: "scale", treatment: "kept" }
        : { ...base, label: { nb: v.label.nb + MONTH_SUFFIX.nb, en: v.label.en + MONTH_SUFFIX.en }, type: "string", measure: "ordinal", width: 7, treatment: "coarsened" };
  }
}

type Stored = Record<string, string | number | null | undefined>;

function conditionsHold(conditions: readonly CompiledCondition[], answers: Stored): boolean {
  return conditions.every((c) => c.in.includes(answers[c.variable] as number));
}

/**
 * Converts instrument answers to export values (writes into `row`): codes stay codes, a null
 * becomes the declared "not applicable" code where the item's condition does not hold and the
 * "not answered" code otherwise (system-missing if none is declared), text is scrubbed, dates are
 * coarsened to the month unless exact dates were asked for.
 */
export class AnswerConverter {
  private readonly plans: { v: CompiledVariable; out: SchemaVariable; notAnswered: number | null; notApplicable: number | null }[] = [];
  readonly dropped: readonly string[];

  constructor(
    private readonly instrument: MergedInstrument,
    options: PlanOptions,
  ) {
    const dropped: string[] = [];
    for (const v of instrument.variables) {
      if (options.omit?.has(v.name) || options.quasiIdentifiers?.has(v.name)) continue;
      const out = exportVariable(v, options);
      if (!out) {
        dropped.push(v.name);
        continue;
      }
      const code = (role: string) => v.missing.find((m) => m.role === role)?.code ?? null;
      const notAnswered = code("not_answered") ?? v.missing[0]?.code ?? null;
      this.plans.push({ v, out, notAnswered, notApplicable: code("not_applicable") ?? notAnswered });
    }
    this.dropped = dropped;
  }

  get variables(): SchemaVariable[] {
    return this.plans.map((p) => p.out);
  }

  /** Text variables (for width estimates and the review). */
  get textVariables(): string[] {
    return this.plans.filter((p) => p.out.type === "string" && p.out.treatment === "scrubbed").map((p) => p.v.name);
  }

  /** `scrub` counts what it does itself (see TextScrubber). */
  convert(answers: Stored, version: number, scrub: (text: string) => string, stats: AnonymisationStats, row: Row): void {
    const conditions = this.instrument.conditions.get(version);
    for (const name of this.dropped) if (answers[name] != null && answers[name] !== "") add(stats.dropped, name);
    for (const { v, out, notAnswered, notApplicable } of this.plans) {
      const raw = answers[v.name];
      if (out.type === "numeric") {
        if (typeof raw === "number" && Number.isFinite(raw)) row[v.name] = raw;
        else if (typeof raw === "string" && raw.trim() !== "" && Number.isFinite(Number(raw))) row[v.name] = Number(raw);
        else {
          const applies = conditionsHold(conditions?.get(v.name) ?? [], answers);
          row[v.name] = applies ? notAnswered : notApplicable;
        }
        continue;
      }
      if (raw === null || raw === undefined || raw === "") {
        row[v.name] = null;
        continue;
      }
      const text = String(raw);
      if (out.treatment === "scrubbed") {
        row[v.name] = scrub(text);
      } else if (out.treatment === "coarsened") {
        stats.coarsened++;
        row[v.name] = text.slice(0, 7);
      } else {
        row[v.name] = text;
      }
    }
  }
}

// The preparation questions («forhåndsstilte spørsmål») of an exchange, kept as an instrument
// definition in the format of surveys/ (long_text items, nb + en) so the generic form, the
// server validation and every export treat them like any other instrument. One row per
// version; a version that has answers or drafts is frozen, and editing then starts the next
// version (docs/decisions/exchanges-preparation-instrument.md).
import { and, eq, isNotNull, or } from "drizzle-orm";
import { exchangePreparations, exchangeQuestionVersions, exchanges } from "../../db/schema";
import { type Db, type DbOrTx, writeTransaction } from "../../db/connection.server";
import { instrumentDefinitionSchema, type InstrumentDefinition } from "../../surveys/definition-schema";
import { translator, type TFunction } from "~/i18n/catalog";
import type { Localized } from "~/i18n/locale";
import type { Codebook } from "~/instruments/codebook.server";
import { compileDefinition } from "~/instruments/compile.server";
import type { CompiledInstrument } from "~/instruments/types";
import type { Exchange } from "./access.server";

/** The generic template in surveys/ that new exchanges start from (its long_text items). */
export const TEMPLATE_INSTRUMENT_ID = "exchange-preparation";
/** Longest answer to one question. */
export const ANSWER_MAX_LENGTH = 8000;
const NEW_NAME_PREFIX = "sporsmal_";

export interface PrepQuestion {
  /** The variable name: stable for as long as the question exists. */
  readonly name: string;
  readonly label: Localized;
  readonly required: boolean;
}

export function instrumentIdFor(exchangeId: number): string {
  return `exchange-${exchangeId}-preparation`;
}

type Head = Pick<Exchange, "id" | "number" | "audience" | "theme">;

/** The definition (surveys/ format) of a list of questions; its own texts come from the catalogue. */
export function buildDefinition(exchange: Head, version: number, questions: readonly PrepQuestion[]): InstrumentDefinition {
  const both = (text: (t: TFunction) => string): Localized => ({ nb: text(translator("nb")), en: text(translator("en")) });
  return {
    id: instrumentIdFor(exchange.id),
    version,
    title: both((t) => t("exchanges.prep.instrumentTitle", { number: exchange.number, audience: t(`exchanges.audience.${exchange.audience}`) })),
    description: { nb: exchange.theme, en: exchange.theme },
    help: both((t) => t("exchanges.prep.instrumentHelp")),
    use: "exchange_preparation",
    sections: questions.length
      ? [
          {
            id: "forberedelse",
            title: both((t) => t("exchanges.prep.sectionTitle")),
            items: questions.map((q) => ({
              type: "long_text" as const,
              name: q.name,
              label: q.label,
              required: q.required,
              max_length: ANSWER_MAX_LENGTH,
              disclosure: "free_text" as const,
              nvivo: "codable" as const,
            })),
          },
        ]
      : [],
  };
}

/** The questions of a stored definition. */
export function questionsOf(definition: unknown): PrepQuestion[] {
  const sections = (definition as { sections?: { items?: { name: string; label: Localized; required?: boolean }[] }[] })?.sections ?? [];
  return sections.flatMap((s) => s.items ?? []).map((i) => ({ name: i.name, label: { nb: i.label.nb, en: i.label.en }, required: i.required ?? false }));
}

/** The long_text questions of the generic template in surveys/. */
export function templateQuestions(codebook: Codebook): PrepQuestion[] {
  const template = codebook.get(TEMPLATE_INSTRUMENT_ID);
  if (!template) return [];
  return template.sections
    .flatMap((s) => s.items)
    .filter((i) => i.type === "long_text")
    .map((i) => ({ name: i.name, label: { nb: i.label.nb, en: i.label.en }, required: i.required }));
}

export function getDefinitionRow(db: DbOrTx, exchangeId: number, version: number) {
  return db
    .select()
    .from(exchangeQuestionVersions)
    .where(and(eq(exchangeQuestionVersions.exchangeId, exchangeId), eq(exchangeQuestionVersions.version, version)))
    .get();
}

export function currentQuestions(db: DbOrTx, exchange: Pick<Exchange, "id" | "questionsVersion">): PrepQuestion[] {
  const row = getDefinitionRow(db, exchange.id, exchange.questionsVersion);
  return row ? questionsOf(row.definition) : [];
}

/** Compiles a stored version; null when it has no questions. Throws on a definition the compiler refuses. */
export function compiledPreparation(db: DbOrTx, exchangeId: number, version: number): CompiledInstrument | null {
  const row = getDefinitionRow(db, exchangeId, version);
  if (!row || questionsOf(row.definition).length === 0) return null;
  const def = instrumentDefinitionSchema.parse(row.definition);
  const result = compileDefinition(def, `exchange:${exchangeId}`);
  if (!result.instrument) throw new Error(`preparation questions of exchange ${exchangeId} v${version}: ${result.problems.map((p) => p.problem).join("; ")}`);
  return result.instrument;
}

/** Whether anyone has answered or drafted under a version: then it may not change. */
function versionInUse(db: DbOrTx, exchangeId: number, version: number): boolean {
  return !!db
    .select({ id: exchangePreparations.id })
    .from(exchangePreparations)
    .where(
      and(
        eq(exchangePreparations.exchangeId, exchangeId),
        or(
          and(eq(exchangePreparations.instrumentVersion, version), isNotNull(exchangePreparations.answers)),
          eq(exchangePreparations.draftVersion, version),
        ),
      ),
    )
    .get();
}

/** Checks a question list against the compiler (names, labels); returns its problems. */
export function questionProblems(exchange: Head, questions: readonly PrepQuestion[]): string[] {
  if (questions.length === 0) return [];
  const parsed = instrumentDefinitionSchema.safeParse(buildDefinition(exchange, 1, questions));
  if (!parsed.success) return parsed.error.issues.map((i) => i.message);
  return compileDefinition(parsed.data, `exchange:${exchange.id}`).problems.map((p) => p.problem);
}

/**
 * Stores a new question list: in place while the current version is unused, else as the next
 * version. Returns the version now current.
 */
export function saveQuestions(db: Db, exchange: Exchange, questions: readonly PrepQuestion[]): number {
  return writeTransaction(db, (tx) => {
    const fresh = tx.select().from(exchanges).where(eq(exchanges.id, exchange.id)).get()!;
    const current = fresh.questionsVersion;
    const hasRow = !!getDefinitionRow(tx, fresh.id, current);
    if (hasRow && !versionInUse(tx, fresh.id, current)) {
      tx.update(exchangeQuestionVersions)
        .set({ definition: buildDefinition(fresh, current, questions) as unknown as Record<string, unknown> })
        .where(and(eq(exchangeQuestionVersions.exchangeId, fresh.id), eq(exchangeQuestionVersions.version, current)))
        .run();
      return current;
    }
    const version = hasRow ? current + 1 : current;
    tx.insert(exchangeQuestionVersions)
      .values({ exchangeId: fresh.id, version, definition: buildDefinition(fresh, version, questions) as unknown as Record<string, unknown> })
      .run();
    tx.update(exchanges).set({ questionsVersion: version, updatedAt: Math.floor(Date.now() / 1000) }).where(eq(exchanges.id, fresh.id)).run();
    return version;
  });
}

/** A variable name no version of this exchange has used. */
export function nextQuestionName(db: Db, exchangeId: number): string {
  const used = new Set<string>();
  for (const row of db.select({ definition: exchangeQuestionVersions.definition }).from(exchangeQuestionVersions).where(eq(exchangeQuestionVersions.exchangeId, exchangeId)).all()) {
    for (const q of questionsOf(row.definition)) used.add(q.name.toLowerCase());
  }
  let n = 1;
  while (used.has(`${NEW_NAME_PREFIX}${n}`)) n++;
  return `${NEW_NAME_PREFIX}${n}`;
}

export type QuestionEdit =
  | { readonly op: "add"; readonly label: Localized; readonly required: boolean }
  | { readonly op: "update"; readonly name: string; readonly label: Localized; readonly required: boolean }
  | { readonly op: "delete"; readonly name: string }
  | { readonly op: "move"; readonly name: string; readonly direction: "up" | "down" }
  | { readonly op: "replace"; readonly questions: readonly PrepQuestion[] };

/**
 * Applies one edit. Adding a question identical to one already there does nothing, so a
 * double submit does not make twins. Returns false when the named question does not exist.
 */
export function editQuestions(db: Db, exchange: Exchange, edit: QuestionEdit): boolean {
  const questions = currentQuestions(db, exchange);
  let next: PrepQuestion[];
  switch (edit.op) {
    case "add":
      if (questions.some((q) => q.label.nb === edit.label.nb && q.label.en === edit.label.en)) return true;
      next = [...questions, { name: nextQuestionName(db, exchange.id), label: edit.label, required: edit.required }];
      break;
    case "update": {
      const i = questions.findIndex((q) => q.name === edit.name);
      if (i < 0) return false;
      const q = questions[i];
      if (q.label.nb === edit.label.nb && q.label.en === edit.label.en && q.required === edit.required) return true;
      next = questions.map((x, j) => (j === i ? { name: x.name, label: edit.label, required: edit.required } : x));
      break;
    }
    case "delete":
      if (!questions.some((q) => q.name === edit.name)) return true;
      next = questions.filter((q) => q.name !== edit.name);
      break;
    case "move": {
      const i = questions.findIndex((q) => q.name === edit.name);
      if (i < 0) return false;
      const j = edit.direction === "up" ? i - 1 : i + 1;
      if (j < 0 || j >= questions.length) return true;
      next = [...questions];
      [next[i], next[j]] = [next[j], next[i]];
      break;
    }
    case "replace":
      next = [...edit.questions];
      break;
  }
  saveQuestions(db, exchange, next);
  return true;
}

/** Every compiled preparation instrument of a project, all versions (for exports). */
export function listPreparationInstruments(db: Db, projectId: number): CompiledInstrument[] {
  const rows = db
    .select({ exchangeId: exchangeQuestionVersions.exchangeId, version: exchangeQuestionVersions.version })
    .from(exchangeQuestionVersions)
    .innerJoin(exchanges, eq(exchanges.id, exchangeQuestionVersions.exchangeId))
    .where(eq(exchanges.projectId, projectId))
    .orderBy(exchangeQuestionVersions.exchangeId, exchangeQuestionVersions.version)
    .all();
  return rows.map((r) => compiledPreparation(db, r.exchangeId, r.version)).filter((i): i is CompiledInstrument => i !== null);
}

/**
 * The questions of every version of an exchange, current order first, then any that only an
 * older version had: the columns of the answers table.
 */
export function allVersionQuestions(db: Db, exchange: Pick<Exchange, "id" | "questionsVersion">): PrepQuestion[] {
  const rows = db
    .select({ version: exchangeQuestionVersions.version, definition: exchangeQuestionVersions.definition })
    .from(exchangeQuestionVersions)
    .where(eq(exchangeQuestionVersions.exchangeId, exchange.id))
    .all()
    .sort((a, b) => (a.version === exchange.questionsVersion ? -1 : b.version === exchange.questionsVersion ? 1 : b.version - a.version));
  const seen = new Map<string, PrepQuestion>();
  for (const row of rows) for (const q of questionsOf(row.definition)) if (!seen.has(q.name)) seen.set(q.name, q);
  return [...seen.values()];
}

// Building blocks shared by the field components: the render context, labels with the
// "optional" marker, help texts and error messages linked by aria-describedby.
// Browser-safe: no zod, no server modules.
import type { ReactNode } from "react";
import { pick, type Locale, type Localized } from "../../i18n/locale";
import type { InstrumentT } from "../messages";
import type { CompiledItem, CompiledOption, ItemOfType, ItemType, LocaleOrder } from "../types";

export interface FieldContext {
  readonly locale: Locale;
  readonly t: InstrumentT;
  /** Heading level for questions that get a heading (matrix questions). */
  readonly questionHeadingLevel: number;
  /** HTML id for a field or error key, with an optional suffix ("help", "error", code). */
  id(key: string, suffix?: string | number): string;
  /** Value to show in a field (what the user typed last, or a stored answer). */
  value(field: string): string | undefined;
  /** Error messages for a field or an item's error key. */
  errors(key: string): readonly string[] | undefined;
  /** CSS classes for an option that reveals conditional items ("inst-reveals-<n> …"). */
  reveals(field: string, code: number): string | undefined;
}

export interface ItemFieldProps<T extends ItemType> {
  readonly item: ItemOfType<T>;
  readonly ctx: FieldContext;
}

export function text(value: Localized, ctx: FieldContext): string {
  return pick(value, ctx.locale);
}

/**
 * Whether the browser may enforce `required`. Not for conditional items: a hidden required
 * field would block the submit without the user being able to see why.
 */
export function htmlRequired(item: CompiledItem): boolean {
  return item.required && item.conditions.length === 0;
}

export function joinIds(...ids: (string | null | undefined | false)[]): string | undefined {
  const list = ids.filter((id): id is string => typeof id === "string" && id !== "");
  return list.length > 0 ? list.join(" ") : undefined;
}

/** Options in display order: the compiler's order for the page's language, if it gave one. */
export function orderedOptions(
  options: readonly CompiledOption[],
  localeOrder: LocaleOrder | null,
  locale: Locale,
): readonly CompiledOption[] {
  const order = localeOrder?.[locale];
  if (!order) return options;
  const byCode = new Map(options.map((option) => [option.code, option]));
  return order.map((code) => byCode.get(code)).filter((o): o is CompiledOption => o !== undefined);
}

export function LabelText({ item, label, ctx }: { item: CompiledItem; label?: Localized; ctx: FieldContext }) {
  return (
    <>
      {text(label ?? item.label, ctx)}
      {!item.required && <span className="inst-optional"> ({ctx.t("instruments.optional")})</span>}
    </>
  );
}

/**
 * Help text with a little structure: blank lines separate paragraphs and lines that start
 * with "- " become a bulleted list.
 */
export function HelpText({ value, ctx }: { value: Localized; ctx: FieldContext }) {
  const blocks = text(value, ctx).split(/\n\s*\n/);
  return (
    <>
      {blocks.map((block, i) => {
        const lines = block.split("\n").filter((line) => line.trim() !== "");
        if (lines.length > 0 && lines.every((line) => /^\s*[-•]\s+/.test(line))) {
          return (
            <ul key={i}>
              {lines.map((line, j) => (
                <li key={j}>{line.replace(/^\s*[-•]\s+/, "")}</li>
              ))}
            </ul>
          );
        }
        return <p key={i}>{lines.join(" ")}</p>;
      })}
    </>
  );
}

/** Help block with its id, or nothing. Returns the id to reference in aria-describedby. */
export function Help({ id, value, hint, ctx }: { id: string; value: Localized | null; hint?: string; ctx: FieldContext }) {
  if (!value && !hint) return null;
  return (
    <div className="inst-help" id={id}>
      {value && <HelpText value={value} ctx={ctx} />}
      {hint && <p className="inst-hint">{hint}</p>}
    </div>
  );
}

export function helpId(ctx: FieldContext, key: string, value: Localized | null, hint?: string): string | undefined {
  return value || hint ? ctx.id(key, "help") : undefined;
}

export function ErrorMessage({ id, messages }: { id: string; messages: readonly string[] | undefined }) {
  if (!messages || messages.length === 0) return null;
  return (
    <p className="inst-error" id={id}>
      {messages.join(" ")}
    </p>
  );
}

export function errorId(ctx: FieldContext, key: string): string | undefined {
  const messages = ctx.errors(key);
  return messages && messages.length > 0 ? ctx.id(key, "error") : undefined;
}

/** A block around one item; `className` adds the type's own class. */
export function FieldShell({ className, children }: { className: string; children: ReactNode }) {
  return <div className={`inst-field ${className}`}>{children}</div>;
}

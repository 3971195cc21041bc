// Reading the interface catalogues as ICU messages: which arguments a text has and of what kind,
// which texts carry a count, and how a count text reads with a given number.
import { catalogs, translator, type MessageKey } from "../../app/i18n/catalog";
import { compileMessage } from "../../app/i18n/format";
import type { Locale } from "../../app/i18n/locale";

export type ArgumentKind = "text" | "number" | "plural" | "select" | "date";

// Element types of @formatjs/icu-messageformat-parser (its TYPE enum).
const KINDS: Record<number, ArgumentKind | undefined> = { 1: "text", 2: "number", 3: "date", 4: "date", 5: "select", 6: "plural" };

type Element = { type: number; value?: string; options?: Record<string, { value: Element[] }>; children?: Element[] };

/** Every argument of a text with its kinds, nested ones included: {count, plural, …} → count: plural. */
export function argumentsOf(text: string, locale: Locale): Map<string, Set<ArgumentKind>> {
  const found = new Map<string, Set<ArgumentKind>>();
  const walk = (elements: Element[]) => {
    for (const e of elements) {
      const kind = KINDS[e.type];
      if (kind && e.value) found.set(e.value, (found.get(e.value) ?? new Set()).add(kind));
      for (const option of Object.values(e.options ?? {})) walk(option.value);
      if (e.children) walk(e.children);
    }
  };
  walk(compileMessage(text, locale).getAst() as Element[]);
  return found;
}

const isCounted = (kinds: Set<ArgumentKind>) => kinds.has("plural") || kinds.has("number");

/** The keys whose text, in either language, has an argument that is a number (plural or number). */
export function countMessageKeys(): MessageKey[] {
  return (Object.keys(catalogs.nb) as MessageKey[]).filter((key) =>
    (["nb", "en"] as const).some((locale) => [...argumentsOf(catalogs[locale][key], locale).values()].some(isCounted)),
  );
}

/** A count text with every number set to `n` and every other argument to a sample word. */
export function renderCount(key: MessageKey, locale: Locale, n: number): string {
  const params: Record<string, string | number> = {};
  for (const [name, kinds] of argumentsOf(catalogs.nb[key], "nb")) params[name] = isCounted(kinds) ? n : `‹${name}›`;
  return translator(locale)(key, params);
}

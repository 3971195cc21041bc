// The employer's pages (/s, /s/done and the "link cannot be used" page) as complete HTML
// documents of their own: no application script, no application stylesheet, one small
// stylesheet (app/survey/public.css), compressed. The questionnaire is the generic
// <InstrumentFields> of the wave's instrument version. A page without errors is the same for
// every employer of a wave (the token is in a cookie, never in the page), so it is rendered and
// compressed once per wave version and language.
import zlib from "node:zlib";
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import type { SurveyWave } from "../../db/schema";
import type { WriteRefusalReason } from "~/components/NotSaved";
import { translator, type TFunction } from "~/i18n/catalog";
import { htmlLang, pick, type Locale } from "~/i18n/locale";
import { InstrumentFields } from "~/instruments/InstrumentForm";
import { idFragment } from "~/instruments/names";
import type { CompiledInstrument } from "~/instruments/types";
import type { InstrumentFormFailure } from "~/instruments/validate.server";

export interface PageOptions {
  locale: Locale;
  stylesheet: string;
  /** Where the language switch returns to. */
  here: string;
  /** Where the questionnaire is sent: /s, or a researcher's preview of an instrument. */
  action?: string;
}

/** The questionnaire form's id: the language switch submits it, so typed answers are kept. */
export const QUESTIONNAIRE_FORM = "sv-form";
/** Field of the language switch when it submits the questionnaire form. */
export const LANGUAGE_FIELD = "sv_language";

function PublicDocument({ title, options, children, form }: { title: string; options: PageOptions; children: ReactNode; form?: string }) {
  const t = translator(options.locale);
  const other = options.locale === "nb" ? { value: "en", lang: "en", label: "English" } : { value: "nb", lang: "nb", label: "Norsk (bokmål)" };
  return (
    <html lang={htmlLang(options.locale)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <meta name="referrer" content="no-referrer" />
        <title>{title}</title>
        <link rel="stylesheet" href={options.stylesheet} />
      </head>
      <body>
        <header className="sv-head">
          <span className="sv-brand">{t("app.name")}</span>
          {form ? (
            // Submits the questionnaire itself, so whatever is filled in comes back in the other
            // language; nothing is stored.
            <p className="sv-lang">
              <span className="sv-vh">{t("survey.public.language")}: </span>
              <button type="submit" form={form} formAction={options.action ?? "/s"} formNoValidate name={LANGUAGE_FIELD} value={other.value} lang={other.lang}>
                {other.label}
              </button>
            </p>
          ) : (
            <form method="post" action="/language" className="sv-lang">
              <input type="hidden" name="redirectTo" value={options.here} />
              <span className="sv-vh">{t("survey.public.language")}: </span>
              <button type="submit" name="locale" value={other.value} lang={other.lang}>
                {other.label}
              </button>
            </form>
          )}
        </header>
        <main id="main">{children}</main>
        <footer className="sv-foot">
          <a href="/privacy">{t("nav.privacy")}</a>
          <a href="/accessibility">{t("nav.accessibility")}</a>
        </footer>
      </body>
    </html>
  );
}

function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p, i) => (
          <p key={i}>{p.replace(/\s*\n\s*/g, " ")}</p>
        ))}
    </>
  );
}

/** Where each possible error of the form points: the statement's first option, or the field. */
function errorTargets(instrument: CompiledInstrument, locale: Locale) {
  const id = (key: string, suffix?: string | number) =>
    `inst-${idFragment(key)}${suffix === undefined ? "" : `-${idFragment(String(suffix))}`}`;
  const targets = new Map<string, { label: string; anchor: string }>();
  for (const section of instrument.sections) {
    for (const item of section.items) {
      const label = pick(item.label, locale);
      switch (item.type) {
        case "matrix":
          targets.set(item.errorKey, { label, anchor: id(item.errorKey, "question") });
          for (const s of item.statements) targets.set(s.field, { label: pick(s.label, locale), anchor: id(s.field, item.options[0]?.code ?? "") });
          break;
        case "counts":
        case "multiple_choice":
          targets.set(item.errorKey, { label, anchor: id(item.options[0]?.field ?? item.errorKey) });
          for (const o of item.options) targets.set(o.field, { label: `${label} – ${pick(o.label, locale)}`, anchor: id(o.field) });
          break;
        case "single_choice":
        case "se_step":
          targets.set(item.errorKey, { label, anchor: item.display === "radio" ? id(item.field, item.options[0]?.code ?? "") : id(item.field) });
          break;
        default:
          targets.set(item.errorKey, { label, anchor: id(item.field) });
      }
    }
  }
  return targets;
}

function ErrorSummary({ instrument, result, locale, t }: { instrument: CompiledInstrument; result: InstrumentFormFailure; locale: Locale; t: TFunction }) {
  const targets = errorTargets(instrument, locale);
  const listed: { key: string; label: string; anchor: string }[] = [];
  for (const [key, messages] of Object.entries(result.error ?? {})) {
    if (!Array.isArray(messages) || messages.length === 0) continue;
    const target = targets.get(key);
    if (target) listed.push({ key, ...target });
  }
  return (
    <div className="sv-errors" aria-labelledby="sv-errors-title">
      <h2 id="sv-errors-title">{t("survey.public.errorsTitle")}</h2>
      <p>{t("survey.public.errorsLead")}</p>
      <ul>
        {listed.map((e) => (
          <li key={e.key}>
            <a href={`#${e.anchor}`}>{e.label}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** What the employer had filled in, to show again (a language switch): values, no errors. */
export type FilledIn = { initialValue: Record<string, string>; error?: undefined };

export function renderQuestionnaire(
  wave: SurveyWave,
  instrument: CompiledInstrument,
  options: PageOptions,
  result?: InstrumentFormFailure | FilledIn,
  notSaved: WriteRefusalReason | null = null,
): string {
  const t = translator(options.locale);
  const info = options.locale === "en" ? wave.infoEn : wave.infoNb;
  const failed = result && result.error ? (result as InstrumentFormFailure) : undefined;
  const title = notSaved ? `${t("notSaved.title")}: ${wave.title}` : failed ? `${t("survey.public.errorTitlePrefix")}: ${wave.title}` : wave.title;
  return (
    "<!DOCTYPE html>" +
    renderToStaticMarkup(
      <PublicDocument title={title} options={options} form={QUESTIONNAIRE_FORM}>
        <h1>{wave.title}</h1>
        <div className="sv-info">
          <Paragraphs text={info} />
          {wave.contact ? <p>{t("survey.public.contact", { contact: wave.contact })}</p> : null}
        </div>
        {failed ? <ErrorSummary instrument={instrument} result={failed} locale={options.locale} t={t} /> : null}
        {notSaved ? (
          <div className="sv-errors" role="alert">
            <h2>{t("notSaved.title")}</h2>
            <p>{t(`notSaved.reason.${notSaved}`)}</p>
            <p>{t("survey.public.notSavedKept")}</p>
          </div>
        ) : null}
        <form method="post" action={options.action ?? "/s"} noValidate className="sv-form" id={QUESTIONNAIRE_FORM}>
          <InstrumentFields instrument={instrument} locale={options.locale} lastResult={result ?? null} headingLevel={2} showHelp={false} numberSections />
          <p className="sv-final">{t("survey.public.final")}</p>
          <button type="submit" className="sv-submit">
            {t("survey.public.submit")}
          </button>
        </form>
        <p className="sv-note">{t("survey.public.keepNote")}</p>
      </PublicDocument>,
    )
  );
}

export type NoticeKind = "done" | "unavailable" | "limited" | "tooLarge";

const noticeText: Record<NoticeKind, [title: Parameters<TFunction>[0], text: Parameters<TFunction>[0], extra?: Parameters<TFunction>[0]]> = {
  done: ["survey.public.doneTitle", "survey.public.doneText"],
  unavailable: ["survey.public.unavailableTitle", "survey.public.unavailableText", "survey.public.unavailableHelp"],
  limited: ["survey.public.limitedTitle", "survey.public.limitedText"],
  tooLarge: ["survey.public.tooLargeTitle", "survey.public.tooLargeText"],
};

export function renderNotice(kind: NoticeKind, options: PageOptions): string {
  const t = translator(options.locale);
  const [title, text, extra] = noticeText[kind];
  return (
    "<!DOCTYPE html>" +
    renderToStaticMarkup(
      <PublicDocument title={`${t(title)} – ${t("app.name")}`} options={options}>
        <h1>{t(title)}</h1>
        <p>{t(text)}</p>
        {extra ? <p>{t(extra)}</p> : null}
      </PublicDocument>,
    )
  );
}

// --- Compression and caching --------------------------------------------------------------

type Encoding = "br" | "gzip" | "identity";

function accepts(header: string, coding: string): boolean {
  for (const part of header.split(",")) {
    const [name, ...params] = part.split(";");
    if (name.trim().toLowerCase() !== coding) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    return !q || Number(q.slice(2)) > 0;
  }
  return false;
}

export function chooseEncoding(acceptEncoding: string | null): Encoding {
  const header = acceptEncoding ?? "";
  if (accepts(header, "br")) return "br";
  if (accepts(header, "gzip")) return "gzip";
  return "identity";
}

interface Encoded {
  identity: Buffer;
  gzip?: Buffer;
  br?: Buffer;
}

function encode(body: Encoded, encoding: Encoding, cacheable: boolean): Buffer {
  if (encoding === "identity") return body.identity;
  if (encoding === "gzip") {
    return (body.gzip ??= zlib.gzipSync(body.identity, { level: cacheable ? 9 : 6 }));
  }
  return (body.br ??= zlib.brotliCompressSync(body.identity, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: cacheable ? 11 : 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.identity.length },
  }));
}

const cache = new Map<string, Encoded>();
const MAX_CACHE = 200;

/**
 * An HTML response, compressed as the client accepts. `cacheKey` (a page that is the same for
 * everybody) keeps the rendered and compressed bytes in memory.
 */
export function htmlResponse(
  request: Request,
  render: () => string,
  init: { status?: number; headers?: Record<string, string>; cacheKey?: string } = {},
): Response {
  let body = init.cacheKey ? cache.get(init.cacheKey) : undefined;
  if (!body) {
    body = { identity: Buffer.from(render(), "utf8") };
    if (init.cacheKey) {
      if (cache.size >= MAX_CACHE) cache.delete(cache.keys().next().value!);
      cache.set(init.cacheKey, body);
    }
  }
  const encoding = chooseEncoding(request.headers.get("Accept-Encoding"));
  const bytes = encode(body, encoding, !!init.cacheKey);
  const headers: Record<string, string> = {
    "Content-Type": "text/html; charset=utf-8",
    "Content-Length": String(bytes.length),
    "Cache-Control": "no-store",
    Vary: "Accept-Encoding, Cookie",
    "X-Robots-Tag": "noindex",
    ...init.headers,
  };
  if (encoding !== "identity") headers["Content-Encoding"] = encoding;
  // A Buffer is a Uint8Array; its backing store is an ArrayBuffer (never shared here).
  const payload = bytes as unknown as Uint8Array<ArrayBuffer>;
  return new Response(request.method === "HEAD" ? null : payload, { status: init.status ?? 200, headers });
}

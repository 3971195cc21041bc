// Researchers: a survey instrument (a version, ?version=N, or the draft, ?draft=1) exactly as an
// employer gets it from a link — the same page, stylesheet and validation as /s, on a phone or
// anywhere — with nothing stored: a valid answer only shows the page an employer sees at the end.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { requireResearcher, notFound } from "~/auth/permissions.server";
import { getLocale } from "~/i18n/locale.server";
import { isLocale, type Locale } from "~/i18n/locale";
import { translator } from "~/i18n/catalog";
import { toFormInstrument, type CompiledInstrument } from "~/instruments/types";
import { parseInstrumentForm } from "~/instruments/validate.server";
import { compileDraft, draftOf } from "~/instruments/versions.server";
import publicStyles from "~/survey/public.css";
import { LANGUAGE_FIELD, renderNotice, renderQuestionnaire, type PageOptions } from "~/survey/public-pages.server";
import type { SurveyWave } from "../../db/schema";

function instrumentFor(context: LoaderFunctionArgs["context"], id: string | undefined, url: URL): CompiledInstrument {
  const version = url.searchParams.get("version");
  const row = id && url.searchParams.get("draft") === "1" ? draftOf(context.db, id) : undefined;
  const instrument = row ? compileDraft(row) : id ? context.codebook.get(id, version && /^\d+$/.test(version) ? Number(version) : undefined) : undefined;
  if (!instrument || instrument.use !== "survey") throw notFound();
  return instrument;
}

/** A wave for the page's head: the instrument's title and a line saying this is a preview. */
function previewWave(instrument: CompiledInstrument): SurveyWave {
  const t = (locale: Locale) => translator(locale)("instrumentsPage.employerInfo");
  return { title: instrument.title.nb, infoNb: t("nb"), infoEn: t("en"), contact: "" } as SurveyWave;
}

const html = (body: string, status = 200) => new Response(body, { status, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "private, no-store" } });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireResearcher(request, context);
  const url = new URL(request.url);
  const instrument = instrumentFor(context, params.id, url);
  const here = `${url.pathname}${url.search}`;
  const options: PageOptions = { locale: await getLocale(request, context), stylesheet: publicStyles, here, action: here };
  return html(renderQuestionnaire(previewWave(instrument), instrument, options));
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  await requireResearcher(request, context);
  const url = new URL(request.url);
  const instrument = instrumentFor(context, params.id, url);
  const here = `${url.pathname}${url.search}`;
  const form = await request.formData();
  const language = form.get(LANGUAGE_FIELD);
  const options: PageOptions = { locale: isLocale(language) ? language : await getLocale(request, context), stylesheet: publicStyles, here, action: here };
  const wave = previewWave(instrument);
  if (isLocale(language)) {
    const initialValue = Object.fromEntries([...form].filter(([name]) => name !== LANGUAGE_FIELD).map(([k, v]) => [k, String(v)]));
    return html(renderQuestionnaire(wave, instrument, options, { initialValue }));
  }
  const result = parseInstrumentForm(toFormInstrument(instrument), form, options.locale);
  if (result.status !== "success") return html(renderQuestionnaire(wave, instrument, options, result), 400);
  return html(renderNotice("done", options));
}

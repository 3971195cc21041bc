// The employer's questionnaire: no account, no application script, one small stylesheet. GET
// shows it for the link in the cookie; POST stores the answers once (see app/survey/).
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { localeCookie } from "~/i18n/locale.server";
import { isLocale } from "~/i18n/locale";
import publicStyles from "~/survey/public.css";
import { htmlResponse, LANGUAGE_FIELD, renderQuestionnaire } from "~/survey/public-pages.server";
import {
  countBadLink,
  countInvalidSubmit,
  notice,
  pageOptions,
  readFormBody,
  tooManyBadLinks,
  tooManyInvalidSubmits,
} from "~/survey/public-http.server";
import { clearLinkCookie, openQuestionnaire, readLinkCookie, submitAnswers } from "~/survey/respond.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const options = await pageOptions(request, context, publicStyles, "/s");
  const token = readLinkCookie(request);
  if (!token) return notice(request, context, "unavailable", options);
  if (tooManyBadLinks(context)) return notice(request, context, "limited", options);
  const open = openQuestionnaire(context, token);
  if (!open) {
    countBadLink(context);
    return notice(request, context, "unavailable", options, true);
  }
  const { wave, instrument } = open;
  return htmlResponse(request, () => renderQuestionnaire(wave, instrument, options), {
    cacheKey: `questionnaire:${wave.id}:${wave.updatedAt}:${instrument.key}:${options.locale}:${publicStyles}`,
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const options = await pageOptions(request, context, publicStyles, "/s");
  const token = readLinkCookie(request);
  if (!token) return notice(request, context, "unavailable", options);
  if (tooManyBadLinks(context) || tooManyInvalidSubmits(context, token)) return notice(request, context, "limited", options);
  const form = await readFormBody(request);
  if (!form) return notice(request, context, "tooLarge", options);
  const language = form.get(LANGUAGE_FIELD);
  if (isLocale(language)) {
    // The language switch: the same questionnaire in the other language, with what was filled
    // in (sent back, never stored).
    const open = openQuestionnaire(context, token);
    if (!open) return notice(request, context, "unavailable", options, true);
    const switched = { ...options, locale: language };
    const filledIn = { initialValue: Object.fromEntries([...form].filter(([name]) => name !== LANGUAGE_FIELD)) };
    return htmlResponse(request, () => renderQuestionnaire(open.wave, open.instrument, switched, filledIn), {
      headers: { "Set-Cookie": await localeCookie.serialize(language) },
    });
  }
  const outcome = await submitAnswers(context, token, form, options.locale);
  switch (outcome.kind) {
    case "done":
      return redirect("/s/done", { status: 303, headers: { "Set-Cookie": clearLinkCookie(context.config.secureCookies) } });
    case "unavailable":
      countBadLink(context);
      return notice(request, context, "unavailable", options, true);
    case "invalid":
      countInvalidSubmit(context, token);
      return htmlResponse(request, () => renderQuestionnaire(outcome.wave, outcome.instrument, options, outcome.result), { status: 400 });
    case "not-saved": {
      const filledIn = { initialValue: Object.fromEntries(form) };
      return htmlResponse(request, () => renderQuestionnaire(outcome.wave, outcome.instrument, options, filledIn, outcome.reason), {
        status: 503,
        headers: { "Retry-After": "5" },
      });
    }
  }
}

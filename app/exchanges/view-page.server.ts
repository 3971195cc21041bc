// The exchange as the invited see it (/exchanges/:id): agenda, homework, whether they come, and
// the preparation questions with their own answers. Researchers see the same page read-only.
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { forbidden, requireUser } from "~/auth/permissions.server";
import { getSessionUser, type SessionUser } from "~/auth/session.server";
import { getTranslator } from "~/i18n/locale.server";
import { toFormInstrument } from "~/instruments/types";
import { parseInstrumentForm, type InstrumentFormFailure } from "~/instruments/validate.server";
import { exchangeForViewer } from "./access.server";
import { listAgenda } from "./agenda.server";
import { registrationSchema } from "./forms.server";
import { listHomework } from "./homework.server";
import {
  draftValuesFrom,
  getPreparation,
  getRegistration,
  preparationOpen,
  registrationOpen,
  saveDraft,
  setRegistration,
  submitPreparation,
} from "./participation.server";
import { exchangeHead } from "./exchanges.server";
import { compiledPreparation } from "./questions.server";
import { reauthenticate, reauthResponse } from "~/auth/reauth.server";
import { todayInNorway } from "./timing";


export async function loadViewPage({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const { db } = context;
  const { exchange, placement } = exchangeForViewer(db, user, params.id);
  const today = todayInNorway();
  const current = compiledPreparation(db, exchange.id, exchange.questionsVersion);
  let mine = null;
  if (placement) {
    const registration = getRegistration(db, exchange.id, user.id);
    const prep = getPreparation(db, exchange.id, user.id);
    const answered = prep?.answers ? compiledPreparation(db, exchange.id, prep.instrumentVersion) : null;
    // A draft of an older question version would not fit the form; it stays stored, unused.
    const draftFits = prep?.draft && prep.draftVersion === exchange.questionsVersion && (!prep.submittedAt || (prep.draftSavedAt ?? 0) >= prep.submittedAt);
    mine = {
      coming: registration ? registration.coming : null,
      answers: prep?.answers ?? null,
      answeredInstrument: answered ? toFormInstrument(answered) : null,
      submittedAt: prep?.submittedAt ?? null,
      draft: draftFits ? prep!.draft : null,
      draftSavedAt: draftFits ? prep!.draftSavedAt : null,
    };
  }
  return {
    exchange: exchangeHead(exchange),
    agenda: listAgenda(db, exchange.id),
    homework: listHomework(db, exchange.id),
    instrument: current ? toFormInstrument(current) : null,
    registrationOpen: registrationOpen(exchange, today),
    preparationOpen: preparationOpen(exchange, today),
    invited: !!placement,
    mine,
    saved: new URL(request.url).searchParams.get("saved"),
  };
}

type ViewAction =
  | { intent: "register"; result: SubmissionResult<string[]> }
  | { intent: "answers"; lastResult: InstrumentFormFailure | null; closed: boolean; draftSaved: boolean };

export async function viewPageAction({ request, context, params }: ActionFunctionArgs) {
  const { db } = context;
  const formData = await request.formData();
  const { locale, t } = await getTranslator(request, context);
  let user: SessionUser | null = await getSessionUser(request, context);
  let cookie: string | null = null;
  let intent = formData.get("intent");
  if (!user) {
    if (intent !== "reauth") throw reauthResponse(formData);
    ({ user, cookie } = await reauthenticate(context, formData, t, "exchanges.reauth.missing"));
    intent = formData.get("resumeIntent");
  }
  if (user.role === "researcher") throw forbidden();
  const { exchange } = exchangeForViewer(db, user, params.id);
  const today = todayInNorway();
  const headers: HeadersInit | undefined = cookie ? { "Set-Cookie": cookie } : undefined;
  const back = (saved: string) => redirect(`/exchanges/${exchange.id}?saved=${saved}`, { headers });

  if (intent === "register") {
    const submission = parseWithZod(formData, { schema: registrationSchema(t) });
    if (submission.status !== "success") return data<ViewAction>({ intent: "register", result: submission.reply() }, { status: 400, headers });
    if (!registrationOpen(exchange, today)) {
      return data<ViewAction>({ intent: "register", result: submission.reply({ formErrors: [t("exchanges.view.registrationClosed")] }) }, { status: 400, headers });
    }
    setRegistration(db, exchange.id, user.id, submission.value.coming === "yes");
    return back("registration");
  }

  if (intent === "save-draft" || intent === "submit-answers") {
    // The version the form was rendered from: answers are validated and stored under it.
    const posted = Number(formData.get("version"));
    const version = Number.isInteger(posted) && posted >= 1 && posted <= exchange.questionsVersion ? posted : exchange.questionsVersion;
    const instrument = compiledPreparation(db, exchange.id, version);
    if (!instrument) throw new Response("Bad Request", { status: 400, headers });
    const values = draftValuesFrom(instrument, formData);
    const open = preparationOpen(exchange, today);
    if (intent === "save-draft" || !open) {
      saveDraft(db, exchange.id, user.id, version, values);
      if (open) return back("draft");
      // Past the deadline: the text is kept as a draft, never thrown away.
      return data<ViewAction>({ intent: "answers", lastResult: { status: "error", initialValue: values, error: {} }, closed: true, draftSaved: true }, { status: 400, headers });
    }
    const result = parseInstrumentForm(toFormInstrument(instrument), formData, locale);
    if (result.status !== "success") {
      saveDraft(db, exchange.id, user.id, version, values);
      return data<ViewAction>({ intent: "answers", lastResult: result, closed: false, draftSaved: true }, { status: 400, headers });
    }
    submitPreparation(db, exchange.id, user.id, instrument, result.answers);
    return back("answers");
  }
  throw new Response("Bad Request", { status: 400, headers });
}

// Job specialists: the report on one of their participants. Saving adds a dated version; "save
// as a draft" keeps unfinished work; a rejected report comes back with every message at its
// field, what was typed still there, and (unless it holds an identifier) kept as a draft.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireRole } from "~/auth/permissions.server";
import { withCookie } from "~/auth/reauth.server";
import { requireReportWriter } from "~/reports/reauth.server";
import { ReportErrorBoundary } from "~/reports/ReportErrorBoundary";
import { getTranslator } from "~/i18n/locale.server";
import { InstrumentFields } from "~/instruments/InstrumentForm";
import { versionAsOf } from "~/reports/as-of";
import { newFormKey } from "~/reports/codes.server";
import { todayInNorway } from "~/reports/dates";
import { deleteDraft, getDraft } from "~/reports/drafts.server";
import { EFFECTIVE_DATE_FIELD, PlainDateField } from "~/reports/fields";
import { reportInstrument } from "~/reports/instrument.server";
import { ownParticipantOr404, participantFacts } from "~/reports/participant-page.server";
import { submitReportForm } from "~/reports/report-form.server";
import { ParticipantFacts } from "~/reports/ParticipantFacts";
import { listVersions } from "~/reports/versions.server";
import { useLocale, useT } from "~/utils/i18n";
import { formatDate, formatDateTime } from "~/i18n/dates";

export const meta: MetaFunction = () => [{ title: "Individrapport – Medforsker" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, "job_specialist");
  const participant = ownParticipantOr404(context.db, user.id, params.code);
  const today = todayInNorway();
  const versions = listVersions(context.db, participant.id);
  const current = versionAsOf(versions, today) ?? versionAsOf(versions);
  const draft = participant.withdrawnDate ? undefined : getDraft(context.db, participant.id);
  return {
    participant: participantFacts(context.db, participant),
    instrument: reportInstrument(context.codebook).form,
    versionCount: versions.length,
    current: current ? { number: current.number, effectiveDate: current.effectiveDate, answers: current.answers } : null,
    draft: draft ? { values: draft.values, savedAt: draft.updatedAt, updatedAt: draft.updatedAt } : null,
    today,
    clientKey: newFormKey(),
  };
}

// A post without a session keeps what was typed (401 + a login form carrying it: reauth.server).
export async function action({ request, context, params }: ActionFunctionArgs) {
  const { t, locale } = await getTranslator(request, context);
  const formData = await request.formData();
  const { user, cookie, intent } = await requireReportWriter(request, context, formData, t);
  const participant = ownParticipantOr404(context.db, user.id, params.code);
  const base = `/reports/${participant.code}`;
  if (intent === "discard-draft") {
    deleteDraft(context.db, participant.id);
    return redirect(`${base}?draft=discarded`);
  }
  if (intent !== "submit" && intent !== "draft") throw new Response("Bad Request", { status: 400 });
  const outcome = submitReportForm(context, participant, user.id, formData, { intent, locale, t, today: todayInNorway(), afterLogin: cookie !== null });
  switch (outcome.kind) {
    case "saved":
      return withCookie(redirect(`${base}?saved=${outcome.number}`), cookie);
    case "draft-saved":
      return withCookie(redirect(`${base}?draft=saved`), cookie);
    case "withdrawn":
      throw new Response("Conflict", { status: 409 });
    case "invalid":
      // Logged in again on the 401 page: this request has no session to render the page with,
      // so the values go to the draft and the form is shown by a redirect.
      if (cookie) return withCookie(redirect(`${base}?draft=afterLogin`), cookie);
      return data({ lastResult: outcome.lastResult, draftSaved: outcome.draftSaved }, { status: 400 });
  }
}

export const ErrorBoundary = ReportErrorBoundary;

export default function ReportPage() {
  const t = useT();
  const locale = useLocale();
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [search] = useSearchParams();
  const { participant } = page;
  const lastResult = actionData?.lastResult ?? (page.draft ? { initialValue: page.draft.values } : null);
  const typedDate = lastResult?.initialValue?.[EFFECTIVE_DATE_FIELD];
  const dateErrors = actionData?.lastResult?.error?.[EFFECTIVE_DATE_FIELD] ?? undefined;
  const saved = search.get("saved");
  const draftNotice = search.get("draft");
  return (
    <>
      <p>
        <Link to="/reports">{t("reports.report.back")}</Link>
      </p>
      <h1>{t("reports.report.title", { code: participant.code })}</h1>
      {search.get("created") ? (
        <p className="notice notice--ok" role="status">
          {t("reports.report.created", { code: participant.code })}
        </p>
      ) : null}
      {saved && !actionData ? (
        <p className="notice notice--ok" role="status">
          {t("reports.report.saved", { number: saved })}
        </p>
      ) : null}
      {draftNotice === "saved" && !actionData ? (
        <p className="notice notice--ok" role="status">
          {t("reports.report.draftSaved")}
        </p>
      ) : null}
      {draftNotice === "afterLogin" && !actionData ? (
        <p className="notice notice--warn" role="status">
          {t("reports.report.afterLogin")}
        </p>
      ) : null}
      {draftNotice === "discarded" && !actionData ? (
        <p className="notice" role="status">
          {t("reports.report.draftDiscarded")}
        </p>
      ) : null}
      {actionData ? (
        <div className="form-error" role="alert">
          <p>{t("reports.report.invalid")}</p>
          <p>{t(actionData.draftSaved ? "reports.report.invalidDraftKept" : "reports.report.invalidNotKept")}</p>
        </div>
      ) : null}
      <ParticipantFacts participant={participant} current={page.current} versionCount={page.versionCount} />

      {participant.withdrawnDate ? (
        <p className="notice notice--warn">{t("reports.report.withdrawnNotice", { date: formatDate(participant.withdrawnDate, locale) })}</p>
      ) : (
        <section aria-labelledby="report-form-heading">
          <h2 id="report-form-heading">{t("reports.report.formHeading")}</h2>
          <p className="notice">{t("reports.report.identifierReminder")}</p>
          {page.draft && !actionData ? (
            <div className="notice rep-draft">
              <p>{t("reports.report.fromDraft", { time: formatDateTime(page.draft.savedAt, locale) })}</p>
              <Form method="post">
                <button type="submit" name="intent" value="discard-draft" className="button--secondary">
                  {t("reports.report.discardDraft")}
                </button>
              </Form>
            </div>
          ) : page.current && !actionData ? (
            <p className="muted">{t("reports.report.fromVersion", { number: page.current.number })}</p>
          ) : null}
          <Form method="post" noValidate className="inst-form" key={`${page.current?.number ?? 0}-${page.draft?.updatedAt ?? 0}`}>
            <input type="hidden" name="clientKey" value={page.clientKey} />
            <PlainDateField
              id="report-effective-date"
              name={EFFECTIVE_DATE_FIELD}
              label={t("reports.report.effectiveDate")}
              hint={t("reports.report.effectiveDateHint")}
              value={typeof typedDate === "string" ? typedDate : page.today}
              errors={dateErrors}
            />
            <InstrumentFields instrument={page.instrument} locale={locale} lastResult={lastResult} defaultAnswers={page.current?.answers ?? null} headingLevel={3} showHelp={false} />
            <div className="actions">
              <button type="submit" name="intent" value="submit">
                {t("reports.report.submit")}
              </button>
              <button type="submit" name="intent" value="draft" className="button--secondary">
                {t("reports.report.saveDraft")}
              </button>
            </div>
          </Form>
        </section>
      )}
    </>
  );
}

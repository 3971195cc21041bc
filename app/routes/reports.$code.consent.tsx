// Job specialists: the consent record of a participant, and recording its withdrawal. After a
// withdrawal the participant is in no later statistic or export, and the report is closed.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireRole } from "~/auth/permissions.server";
import { TextField } from "~/components/Field";
import { getTranslator } from "~/i18n/locale.server";
import { versionAsOf } from "~/reports/as-of";
import { todayInNorway } from "~/reports/dates";
import { CheckboxField } from "~/components/Field";
import { withdrawalSchema } from "~/reports/forms.server";
import { ownParticipantOr404, participantFacts } from "~/reports/participant-page.server";
import { withdrawConsent, withdrawalRecordedBy } from "~/reports/participants.server";
import { ParticipantFacts } from "~/reports/ParticipantFacts";
import { listVersions } from "~/reports/versions.server";
import { useLocale, useT } from "~/utils/i18n";
import { formatDate, formatDateTime } from "~/i18n/dates";

export const meta: MetaFunction = () => [{ title: "Samtykke – Medforsker" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, "job_specialist");
  const participant = ownParticipantOr404(context.db, user.id, params.code);
  const versions = listVersions(context.db, participant.id);
  const current = versionAsOf(versions, todayInNorway()) ?? versionAsOf(versions);
  return {
    participant: participantFacts(context.db, participant),
    current: current ? { number: current.number, effectiveDate: current.effectiveDate } : null,
    versionCount: versions.length,
    withdrawal: participant.withdrawnDate
      ? { by: withdrawalRecordedBy(context.db, participant) ?? "", at: participant.withdrawnRecordedAt ?? 0 }
      : null,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireRole(request, context, "job_specialist");
  const participant = ownParticipantOr404(context.db, user.id, params.code);
  const { t, locale } = await getTranslator(request, context);
  const base = `/reports/${participant.code}/consent`;
  // Already withdrawn: nothing to do (a second submit of the same form lands here).
  if (participant.withdrawnDate) return redirect(`${base}?done=1`);
  const submission = parseWithZod(await request.formData(), { schema: withdrawalSchema(t, locale, todayInNorway(), participant.consentDate) });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  withdrawConsent(context.db, participant, submission.value.withdrawnDate, user.id);
  return redirect(`${base}?done=1`);
}

export default function ConsentPage() {
  const t = useT();
  const locale = useLocale();
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [search] = useSearchParams();
  const [form, fields] = useForm({ id: "withdraw-consent", lastResult: actionData?.result });
  const { participant } = page;
  return (
    <>
      <h1>{t("reports.consent.title", { code: participant.code })}</h1>
      {search.get("done") && participant.withdrawnDate ? (
        <p className="notice notice--ok" role="status">
          {t("reports.consent.done")}
        </p>
      ) : null}
      <ParticipantFacts participant={participant} current={page.current} versionCount={page.versionCount} />
      <p>{t("reports.consent.given", { date: formatDate(participant.consentDate, locale) })}</p>
      {participant.withdrawnDate && page.withdrawal ? (
        <p className="notice notice--warn">
          {t("reports.consent.withdrawnRecord", { date: formatDate(participant.withdrawnDate, locale), name: page.withdrawal.by, time: formatDateTime(page.withdrawal.at, locale) })}
        </p>
      ) : (
        <section className="card rep-withdraw" aria-labelledby="withdraw-heading">
          <h2 id="withdraw-heading">{t("reports.consent.submit")}</h2>
          <p>{t("reports.consent.explain")}</p>
          <Form method="post" {...getFormProps(form)} noValidate>
            <TextField meta={fields.withdrawnDate} type="date" label={t("reports.consent.withdrawnDate")} hint={t("reports.new.consentDateHint")} />
            <CheckboxField meta={fields.withdrawalConfirmed} label={t("reports.consent.confirm")} />
            <div className="actions">
              <button type="submit" className="button--danger">
                {t("reports.consent.submit")}
              </button>
            </div>
          </Form>
        </section>
      )}
    </>
  );
}

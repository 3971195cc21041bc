// Job specialists: the participants they follow, and adding one (a code is made; no name is
// ever asked for). The form carries a key made when the page was shown, so a double submit
// adds one participant, not two.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/permissions.server";
import { FormErrors, TextField } from "~/components/Field";
import { getTranslator } from "~/i18n/locale.server";
import { newFormKey } from "~/reports/codes.server";
import { todayInNorway } from "~/reports/dates";
import { CheckboxField } from "~/components/Field";
import { newParticipantSchema } from "~/reports/forms.server";
import { ParticipantTable } from "~/reports/ParticipantTable";
import { createParticipant, getReporter, listOwnParticipants } from "~/reports/participants.server";
import { reportInstrument } from "~/reports/instrument.server";
import { useT } from "~/utils/i18n";

export const meta: MetaFunction = () => [{ title: "Individrapporter – Medforsker" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, "job_specialist");
  const reporter = getReporter(context.db, user);
  const statusOptions = reportInstrument(context.codebook).compiled.variables.find((v) => v.name === "status")?.options ?? [];
  return {
    placed: reporter !== null,
    caseProject: reporter?.caseProjectName ?? null,
    participants: reporter ? listOwnParticipants(context.db, user.id, todayInNorway()) : [],
    statusOptions,
    clientKey: newFormKey(),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, "job_specialist");
  const reporter = getReporter(context.db, user);
  const { t, locale } = await getTranslator(request, context);
  const formData = await request.formData();
  if (formData.get("intent") !== "add-participant") throw new Response("Bad Request", { status: 400 });
  const submission = parseWithZod(formData, { schema: newParticipantSchema(t, locale, todayInNorway()) });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  if (!reporter) return data({ result: submission.reply({ formErrors: [t("reports.list.noPlacement")] }) }, { status: 400 });
  const { code } = createParticipant(context.db, reporter, submission.value);
  return redirect(`/reports/${code}?created=1`);
}

export default function ReportsIndex() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({ id: "add-participant", lastResult: actionData?.result });
  return (
    <>
      <h1>{t("reports.list.title")}</h1>
      <p className="lead">{t("reports.list.lead")}</p>
      {!page.placed ? (
        <p className="notice notice--warn">{t("reports.list.noPlacement")}</p>
      ) : (
        <>
          {page.participants.length ? <ParticipantTable participants={page.participants} statusOptions={page.statusOptions} /> : <p>{t("reports.list.empty")}</p>}
          <section className="card rep-new" aria-labelledby="new-participant-heading">
            <h2 id="new-participant-heading">{t("reports.new.heading")}</h2>
            <p>{t("reports.new.lead")}</p>
            <Form method="post" {...getFormProps(form)} noValidate>
              <FormErrors errors={form.errors} />
              <input type="hidden" name="clientKey" value={page.clientKey} />
              <TextField meta={fields.startMonth} type="month" label={t("reports.new.startMonth")} hint={t("reports.new.startMonthHint")} />
              <TextField meta={fields.consentDate} type="date" label={t("reports.new.consentDate")} hint={t("reports.new.consentDateHint")} />
              <CheckboxField meta={fields.consentConfirmed} label={t("reports.new.consentConfirmed")} />
              <div className="actions">
                <button type="submit" name="intent" value="add-participant">
                  {t("reports.new.submit")}
                </button>
              </div>
            </Form>
          </section>
        </>
      )}
    </>
  );
}

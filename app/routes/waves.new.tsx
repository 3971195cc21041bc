// A researcher opens a wave of an instrument (the AFI employer survey by default) for a project.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireResearcher } from "~/auth/permissions.server";
import { FormErrors, SelectField } from "~/components/Field";
import { translator } from "~/i18n/catalog";
import { getTranslator } from "~/i18n/locale.server";
import { pick } from "~/i18n/locale";
import { listProjects } from "~/projects/projects.server";
import { WaveSettingsFields } from "~/survey/components";
import { addDays, osloDate } from "~/survey/dates.server";
import { newWaveSchema } from "~/survey/forms.server";
import { createWave, DEFAULT_INSTRUMENT, surveyInstruments } from "~/survey/waves.server";
import { useLocale, useT } from "~/utils/i18n";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireResearcher(request, context);
  const nb = translator("nb");
  const today = osloDate();
  const projects = listProjects(context.db).map((p) => ({ id: p.id, title: p.title }));
  return {
    projects,
    instruments: surveyInstruments(context.codebook).map((i) => ({ id: i.id, title: i.title })),
    defaults: {
      projectId: projects.length === 1 ? String(projects[0].id) : "",
      instrumentId: DEFAULT_INSTRUMENT,
      title: nb("survey.form.defaultTitle"),
      infoNb: nb("survey.form.defaultInfoNb"),
      infoEn: translator("en")("survey.form.defaultInfoEn"),
      contact: nb("survey.form.defaultContact"),
      openDate: today,
      closeDate: addDays(today, 42),
      minAnswers: "5",
      targetedReminders: "",
    },
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireResearcher(request, context);
  const { t } = await getTranslator(request, context);
  const instrumentIds = surveyInstruments(context.codebook).map((i) => i.id);
  const submission = parseWithZod(await request.formData(), { schema: newWaveSchema(t, instrumentIds) });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const v = submission.value;
  if (!listProjects(context.db).some((p) => p.id === v.projectId)) {
    return data({ result: submission.reply({ fieldErrors: { projectId: [t("v.choose")] } }) }, { status: 400 });
  }
  const instrument = context.codebook.get(v.instrumentId)!;
  const id = createWave(context.db, { ...v, instrumentVersion: instrument.version }, user.id);
  return redirect(`/waves/${id}`);
}

export default function NewWave() {
  const t = useT();
  const locale = useLocale();
  const { projects, instruments, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({ id: "new-wave", lastResult: actionData?.result, defaultValue: defaults });
  return (
    <>
      <h1>{t("survey.waves.new")}</h1>
      <p className="lead">{t("survey.waves.lead")}</p>
      <Form method="post" {...getFormProps(form)} className="survey-form">
        <FormErrors errors={form.errors} />
        <SelectField
          meta={fields.projectId}
          label={t("survey.form.project")}
          placeholder={t("v.choose")}
          options={projects.map((p) => ({ value: p.id, label: p.title }))}
        />
        <SelectField
          meta={fields.instrumentId}
          label={t("survey.form.instrument")}
          options={instruments.map((i) => ({ value: i.id, label: pick(i.title, locale) }))}
        />
        <WaveSettingsFields fields={fields} t={t} />
        <div className="actions">
          <button type="submit">{t("survey.form.create")}</button>
          <Link to="/waves">{t("form.cancel")}</Link>
        </div>
      </Form>
    </>
  );
}

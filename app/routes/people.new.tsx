import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { roles } from "../../db/schema";
import { emailTaken, invitePerson } from "~/accounts/accounts.server";
import { inviteSchema } from "~/accounts/forms.server";
import { requireResearcher } from "~/auth/permissions.server";
import { FormErrors, SelectField, TextField } from "~/components/Field";
import { InvitationLink } from "~/components/InvitationLink";
import { getTranslator } from "~/i18n/locale.server";
import { listCaseProjects, listOrganisations } from "~/projects/projects.server";
import { useT } from "~/utils/i18n";
import { titled } from "~/utils/meta";

export const meta = titled("people.invite");

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireResearcher(request, context);
  return { organisations: listOrganisations(context.db), caseProjects: listCaseProjects(context.db) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireResearcher(request, context);
  const { t } = await getTranslator(request, context);
  const submission = parseWithZod(await request.formData(), { schema: inviteSchema(t) });
  if (submission.status !== "success") return data({ result: submission.reply(), invited: null }, { status: 400 });
  const v = submission.value;
  const fieldErrors: Record<string, string[]> = {};
  if (emailTaken(context.db, v.email)) fieldErrors.email = [t("v.emailTaken")];
  if (v.role === "case_lead" && !listOrganisations(context.db).some((o) => o.id === v.organisationId)) fieldErrors.organisationId = [t("v.choose")];
  if (v.role === "job_specialist" && !listCaseProjects(context.db).some((c) => c.id === v.caseProjectId)) fieldErrors.caseProjectId = [t("v.choose")];
  if (Object.keys(fieldErrors).length) return data({ result: submission.reply({ fieldErrors }), invited: null }, { status: 400 });
  const { userId, token } = invitePerson(context.db, v, user.id);
  return {
    result: submission.reply({ resetForm: true }),
    invited: { id: userId, name: v.name, link: `${context.config.publicUrl}/invitation/${token}` },
  };
}

export default function InvitePerson() {
  const t = useT();
  const { organisations, caseProjects } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({ lastResult: actionData?.result, id: "invite" });
  return (
    <>
      <h1>{t("people.invite")}</h1>
      {actionData?.invited ? <InvitationLink name={actionData.invited.name} link={actionData.invited.link} /> : null}
      <p className="lead">{t("people.inviteLead")}</p>
      <Form method="post" {...getFormProps(form)} className="invite-form">
        <FormErrors errors={form.errors} />
        <TextField meta={fields.name} label={t("field.name")} />
        <TextField meta={fields.email} label={t("field.email")} type="email" />
        <SelectField
          meta={fields.role}
          label={t("account.role")}
          placeholder={t("v.choose")}
          options={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))}
        />
        <div className="only-case-lead">
          <SelectField
            meta={fields.organisationId}
            label={t("people.organisationForLead")}
            hint={t("people.organisationForLeadHint")}
            placeholder={t("v.choose")}
            required={false}
            options={organisations.map((o) => ({ value: o.id, label: `${o.name} – ${o.projectTitle}` }))}
          />
        </div>
        <div className="only-job-specialist">
          <SelectField
            meta={fields.caseProjectId}
            label={t("people.caseProjectForJs")}
            hint={t("people.caseProjectForJsHint")}
            placeholder={t("v.choose")}
            required={false}
            options={caseProjects.map((c) => ({ value: c.id, label: `${c.name} (${t(`programme.${c.programme}`)})` }))}
          />
        </div>
        <div className="actions">
          <button type="submit">{t("people.createInvitation")}</button>
          <Link to="/people">{t("form.cancel")}</Link>
        </div>
      </Form>
    </>
  );
}

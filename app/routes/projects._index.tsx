import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireResearcher } from "~/auth/permissions.server";
import { FormErrors, TextField } from "~/components/Field";
import { getTranslator } from "~/i18n/locale.server";
import { projectSchema } from "~/projects/forms.server";
import { createProject, listProjects, slugTaken } from "~/projects/projects.server";
import { useT } from "~/utils/i18n";
import { titled } from "~/utils/meta";

export const meta = titled("nav.projects");

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireResearcher(request, context);
  return { projects: listProjects(context.db) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireResearcher(request, context);
  const { t } = await getTranslator(request, context);
  const submission = parseWithZod(await request.formData(), { schema: projectSchema(t) });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  if (slugTaken(context.db, submission.value.slug)) {
    return data({ result: submission.reply({ fieldErrors: { slug: [t("v.slugTaken")] } }) }, { status: 400 });
  }
  createProject(context.db, submission.value, user.id);
  return redirect(`/projects/${submission.value.slug}`);
}

export default function Projects() {
  const t = useT();
  const { projects } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({ lastResult: actionData?.result, id: "new-project" });
  return (
    <>
      <h1>{t("nav.projects")}</h1>
      {projects.length ? (
        <ul className="cards">
          {projects.map((p) => (
            <li key={p.id} className="card">
              <h2>
                <Link to={`/projects/${p.slug}`}>{p.title}</Link>
              </h2>
              <p className="muted">{t("projects.counts", { organisations: p.organisations, caseProjects: p.caseProjects })}</p>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("home.noProjects")}</p>
      )}
      <h2>{t("projects.create")}</h2>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <TextField meta={fields.title} label={t("projects.title")} />
        <TextField meta={fields.slug} label={t("projects.slug")} hint={t("projects.slugHint")} />
        <TextField meta={fields.logStart} label={t("projects.logStart")} hint={t("projects.monthHint")} type="month" required={false} />
        <TextField meta={fields.logEnd} label={t("projects.logEnd")} hint={t("projects.monthHint")} type="month" required={false} />
        <TextField meta={fields.minCellSize} label={t("projects.minCellSize")} hint={t("projects.minCellSizeHint")} type="number" inputMode="numeric" required={false} />
        <div className="actions">
          <button type="submit">{t("projects.create")}</button>
        </div>
      </Form>
    </>
  );
}

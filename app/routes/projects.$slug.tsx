import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { programmes } from "../../db/schema";
import { notFound, requireResearcher } from "~/auth/permissions.server";
import { FormErrors, SelectField, TextField } from "~/components/Field";
import { getTranslator } from "~/i18n/locale.server";
import { caseProjectSchema, organisationSchema } from "~/projects/forms.server";
import {
  createCaseProject,
  createOrganisation,
  getProjectBySlug,
  listCaseProjects,
  listOrganisations,
  listProjectPeople,
} from "~/projects/projects.server";
import { useLocale, useT } from "~/utils/i18n";
import { titled } from "~/utils/meta";
import { TableScroll } from "~/components/TableScroll";
import { formatMonth } from "~/i18n/dates";

export const meta = titled((t, data) => data?.project?.title ?? t("nav.projects"));

function loadProject(context: LoaderFunctionArgs["context"], slug: string | undefined) {
  const project = slug ? getProjectBySlug(context.db, slug) : undefined;
  if (!project) throw notFound();
  return project;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireResearcher(request, context);
  const project = loadProject(context, params.slug);
  return {
    project,
    organisations: listOrganisations(context.db, project.id),
    caseProjects: listCaseProjects(context.db, project.id),
    people: listProjectPeople(context.db, project.id),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireResearcher(request, context);
  const project = loadProject(context, params.slug);
  const { t } = await getTranslator(request, context);
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "add-organisation") {
    const submission = parseWithZod(formData, { schema: organisationSchema(t) });
    if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
    if (listOrganisations(context.db, project.id).some((o) => o.name === submission.value.name)) {
      return data({ intent, result: submission.reply({ fieldErrors: { name: [t("projects.nameTaken")] } }) }, { status: 400 });
    }
    createOrganisation(context.db, { projectId: project.id, ...submission.value }, user.id);
    return { intent, result: submission.reply({ resetForm: true }) };
  }
  if (intent === "add-case-project") {
    const submission = parseWithZod(formData, { schema: caseProjectSchema(t) });
    if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
    const orgs = listOrganisations(context.db, project.id);
    if (!orgs.some((o) => o.id === submission.value.organisationId)) {
      return data({ intent, result: submission.reply({ fieldErrors: { organisationId: [t("v.choose")] } }) }, { status: 400 });
    }
    if (listCaseProjects(context.db, project.id).some((c) => c.organisationId === submission.value.organisationId && c.name === submission.value.name)) {
      return data({ intent, result: submission.reply({ fieldErrors: { name: [t("projects.nameTaken")] } }) }, { status: 400 });
    }
    createCaseProject(context.db, submission.value, user.id);
    return { intent, result: submission.reply({ resetForm: true }) };
  }
  throw new Response("Bad Request", { status: 400 });
}

export default function ProjectPage() {
  const t = useT();
  const locale = useLocale();
  const { project, organisations, caseProjects, people } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [orgForm, orgFields] = useForm({
    id: "add-organisation",
    lastResult: actionData?.intent === "add-organisation" ? actionData.result : undefined,
  });
  const [cpForm, cpFields] = useForm({
    id: "add-case-project",
    lastResult: actionData?.intent === "add-case-project" ? actionData.result : undefined,
  });
  return (
    <>
      <h1>{project.title}</h1>
      <dl className="facts">
        <dt>{t("projects.slug")}</dt>
        <dd>{project.slug}</dd>
        <dt>{t("projects.logPeriod")}</dt>
        <dd>{project.logStart && project.logEnd ? `${formatMonth(project.logStart, locale)} – ${formatMonth(project.logEnd, locale)}` : "–"}</dd>
        <dt>{t("projects.minCellSize")}</dt>
        <dd>{project.minCellSize}</dd>
      </dl>

      <h2>{t("projects.organisations")}</h2>
      {organisations.length ? (
        <TableScroll label={t("projects.organisations")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("projects.organisation")}</th>
                <th scope="col">{t("projects.caseProjects")}</th>
              </tr>
            </thead>
            <tbody>
              {organisations.map((o) => (
                <tr key={o.id}>
                  <td>
                    {o.name}
                    {o.place ? <span className="muted"> ({o.place})</span> : null}
                  </td>
                  <td>
                    <ul>
                      {caseProjects
                        .filter((c) => c.organisationId === o.id)
                        .map((c) => (
                          <li key={c.id}>
                            {c.name} <span className="tag">{t(`programme.${c.programme}`)}</span>
                          </li>
                        ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p>{t("projects.noOrganisations")}</p>
      )}

      <h2>{t("people.title")}</h2>
      {people.length ? (
        <TableScroll label={t("people.title")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("field.name")}</th>
                <th scope="col">{t("account.role")}</th>
                <th scope="col">{t("people.unit")}</th>
              </tr>
            </thead>
            <tbody>
              {people.map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link to={`/people/${p.id}`}>{p.name}</Link>
                  </td>
                  <td>{t(`role.${p.role as "researcher"}`)}</td>
                  <td>{p.unit}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p>{t("people.none")}</p>
      )}
      <p>
        <Link to="/people/new">{t("people.invite")}</Link>
      </p>

      <div className="cards">
        <section className="card" aria-labelledby="add-org-heading">
          <h2 id="add-org-heading">{t("projects.addOrganisation")}</h2>
          <Form method="post" {...getFormProps(orgForm)}>
            <FormErrors errors={orgForm.errors} />
            <TextField meta={orgFields.name} label={t("projects.organisationName")} />
            <TextField meta={orgFields.place} label={t("projects.place")} required={false} />
            <button type="submit" name="intent" value="add-organisation">
              {t("projects.addOrganisation")}
            </button>
          </Form>
        </section>
        <section className="card" aria-labelledby="add-cp-heading">
          <h2 id="add-cp-heading">{t("projects.addCaseProject")}</h2>
          <Form method="post" {...getFormProps(cpForm)}>
            <FormErrors errors={cpForm.errors} />
            <SelectField
              meta={cpFields.organisationId}
              label={t("projects.organisation")}
              placeholder={t("v.choose")}
              options={organisations.map((o) => ({ value: o.id, label: o.name }))}
            />
            <TextField meta={cpFields.name} label={t("projects.caseProjectName")} />
            <SelectField
              meta={cpFields.programme}
              label={t("projects.programme")}
              placeholder={t("v.choose")}
              options={programmes.map((p) => ({ value: p, label: t(`programme.${p}`) }))}
            />
            <TextField meta={cpFields.place} label={t("projects.place")} required={false} />
            <button type="submit" name="intent" value="add-case-project">
              {t("projects.addCaseProject")}
            </button>
          </Form>
        </section>
      </div>
    </>
  );
}

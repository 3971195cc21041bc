import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors, TextField } from "~/components/Field";
import { ComplianceGrid } from "~/logs/ComplianceGrid";
import { FilterSelect } from "~/logs/Filters";
import { monthLabel } from "~/logs/months";
import { complianceAction, loadCompliance } from "~/logs/research.server";
import { useT } from "~/utils/i18n";

export const meta: MetaFunction = () => [{ title: "Loggføring – Medforsker" }];

export const loader = ({ request, context }: LoaderFunctionArgs) => loadCompliance(request, context);
export const action = ({ request, context }: ActionFunctionArgs) => complianceAction(request, context);

export default function Compliance() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({ id: "log-period", lastResult: actionData?.result, defaultValue: { from: page.project?.logStart ?? "", to: page.project?.logEnd ?? "" } });
  if (!page.project || !page.grid || !page.period) {
    return (
      <>
        <h1>{t("logs.compliance.title")}</h1>
        <p>{t("logs.compliance.noProject")}</p>
      </>
    );
  }
  const period = `${monthLabel(t, page.period.from)} – ${monthLabel(t, page.period.to)}`;
  return (
    <>
      <h1>{t("logs.compliance.title")}</h1>
      <p className="lead">{page.role === "case_lead" ? t("logs.compliance.leadLead", { organisation: page.organisation ?? "" }) : t("logs.compliance.lead")}</p>
      {page.role === "researcher" && page.projects.length > 1 ? (
        <Form method="get" className="log-filters">
          <FilterSelect name="project" label={t("logs.filters.project")} value={page.project.slug} all={t("logs.filters.chooseProject")} options={page.projects.map((p) => ({ value: p.slug, label: p.title }))} />
          <div className="actions">
            <button type="submit">{t("logs.filters.apply")}</button>
          </div>
        </Form>
      ) : null}
      <ComplianceGrid grid={page.grid} linkCells={page.role === "researcher"} caption={t("logs.grid.caption", { project: page.project.title, period })} />
      {page.role === "researcher" ? (
        <section aria-labelledby="period-heading" className="card log-period">
          <h2 id="period-heading">{t("logs.period.heading")}</h2>
          <p>{t("logs.period.explain")}</p>
          <Form method="post" {...getFormProps(form)} noValidate>
            <FormErrors errors={form.errors} />
            <input type="hidden" name="project" value={page.project.slug} />
            <TextField meta={fields.from} label={t("projects.logStart")} hint={t("projects.monthHint")} type="month" />
            <TextField meta={fields.to} label={t("projects.logEnd")} hint={t("projects.monthHint")} type="month" />
            <button type="submit" name="intent" value="set-period">
              {t("logs.period.save")}
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}

import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { exchangeAudiences } from "../../db/schema/exchanges";
import { FormErrors, SelectField } from "~/components/Field";
import { ExchangeDetailsFields } from "~/exchanges/ExchangeForm";
import { loadNewPage, newPageAction } from "~/exchanges/new-page.server";
import { useT } from "~/utils/i18n";

export const meta: MetaFunction = () => [{ title: "Ny erfaringsutveksling – Medforsker" }];

export const loader = (args: LoaderFunctionArgs) => loadNewPage(args);
export const action = (args: ActionFunctionArgs) => newPageAction(args);

export default function NewExchange() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm<Record<string, string>>({
    id: "new-exchange",
    lastResult: actionData?.result as never,
    defaultValue: { projectId: data.projectId === null ? "" : String(data.projectId), audience: data.audience ?? "", status: "planned" },
  });
  const project = data.projects.find((p) => String(p.id) === String(fields.projectId.value ?? data.projectId));
  const audience = (fields.audience.value ?? data.audience) as (typeof exchangeAudiences)[number] | undefined;
  const numberHint =
    project && audience && project.next[audience]
      ? t("exchanges.field.numberHintNext", { number: project.next[audience] })
      : t("exchanges.field.numberHint");
  return (
    <>
      <p className="no-print">
        <Link to="/exchanges">← {t("exchanges.list.title")}</Link>
      </p>
      <h1>{t("exchanges.new.title")}</h1>
      <p className="lead">{t("exchanges.new.lead")}</p>
      {data.projects.length === 0 ? (
        <p>{t("home.noProjects")}</p>
      ) : (
        <Form method="post" {...getFormProps(form)} className="exchanges-form">
          <FormErrors errors={form.errors} />
          <input type="hidden" name="clientKey" value={data.clientKey} />
          <SelectField meta={fields.projectId} label={t("exchanges.field.project")} placeholder={t("v.choose")} options={data.projects.map((p) => ({ value: p.id, label: p.title }))} />
          <SelectField
            meta={fields.audience}
            label={t("exchanges.field.audience")}
            placeholder={t("v.choose")}
            options={exchangeAudiences.map((a) => ({ value: a, label: t(`exchanges.series.${a}`) }))}
          />
          <ExchangeDetailsFields fields={fields} numberHint={numberHint} />
          <div className="actions">
            <button type="submit">{t("exchanges.new.submit")}</button>
            <Link to="/exchanges">{t("form.cancel")}</Link>
          </div>
        </Form>
      )}
    </>
  );
}

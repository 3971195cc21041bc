import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { agendaItemKinds } from "../../db/schema/exchanges";
import { FormErrors, SelectField, TextAreaField, TextField } from "~/components/Field";
import { ExchangeDetailsFields } from "~/exchanges/ExchangeForm";
import { DateText, PlanningHeader, exchangeTitle } from "~/exchanges/ExchangeParts";
import { loadPlanPage, planPageAction } from "~/exchanges/plan-page.server";
import { useLocale, useT } from "~/utils/i18n";
import { AddItemCard, CopyFromForm, EditItemDetails, type ItemFields } from "~/exchanges/ItemForms";
import { ReorderControls } from "~/exchanges/ReorderControls";
import { formatDate } from "~/i18n/dates";

export const meta: MetaFunction = () => [{ title: "Planlegging av erfaringsutveksling – Medforsker" }];

export const loader = (args: LoaderFunctionArgs) => loadPlanPage(args);
export const action = (args: ActionFunctionArgs) => planPageAction(args);

type Data = ReturnType<typeof useLoaderData<typeof loader>>;
type AgendaItem = Data["agenda"][number];

export default function PlanExchange() {
  const t = useT();
  const locale = useLocale();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const e = data.exchange;
  const [form, fields] = useForm({
    id: "details",
    lastResult: actionData?.intent === "details" ? actionData.result : undefined,
    defaultValue: {
      number: String(e.number),
      date: e.date,
      dateIsApproximate: e.dateIsApproximate ? "on" : undefined,
      startTime: e.startTime ?? "",
      endTime: e.endTime ?? "",
      hoursOverride: e.hoursOverride === null ? "" : String(e.hoursOverride),
      dayKindOverride: e.dayKindOverride ?? "",
      place: e.place,
      theme: e.theme,
      description: e.description,
      status: e.status,
      preparationDeadline: e.preparationDeadline ?? "",
    },
  });
  const copyError = actionData && "copyError" in actionData ? actionData.copyError : null;
  return (
    <>
      <PlanningHeader exchange={e} projectTitle={data.projectTitle} saved={data.saved} />

      <section aria-labelledby="details-heading">
        <h2 id="details-heading">{t("exchanges.plan.details")}</h2>
        <Form method="post" {...getFormProps(form)} className="exchanges-form">
          <FormErrors errors={form.errors} />
          <ExchangeDetailsFields fields={fields} />
          <button type="submit" name="intent" value="details">
            {t("exchanges.plan.saveDetails")}
          </button>
        </Form>
      </section>

      <section aria-labelledby="agenda" className="exchanges-agenda-editor">
        <h2 id="agenda" tabIndex={-1}>
          {t("exchanges.agenda.title")}
        </h2>
        <p className="hint">{t("exchanges.plan.agendaHint")}</p>
        {data.agenda.length ? (
          <ol className="exchanges-agenda-items">
            {data.agenda.map((item, i) => (
              <li key={`${item.id}:${item.position}:${item.time}:${item.title}:${item.description}:${item.leader}:${item.kind}`} className="card">
                <AgendaItemEditor item={item} first={i === 0} last={i === data.agenda.length - 1} />
              </li>
            ))}
          </ol>
        ) : (
          <p className="muted">{t("exchanges.agenda.empty")}</p>
        )}
        <AddItemCard intent="agenda-add" title={t("exchanges.agenda.add")} hidden={{ clientKey: data.addKey }}>
          {(fields) => <AgendaFields fields={fields} />}
        </AddItemCard>
        {data.copySources.length ? (
          <CopyFromForm
            intent="agenda-copy"
            label={t("exchanges.plan.copyFrom")}
            hint={t("exchanges.plan.copyHint")}
            submit={t("exchanges.plan.copySubmit")}
            options={data.copySources.map((s) => ({ value: s.id, label: `${exchangeTitle(t, s)} – ${formatDate(s.date, locale)} – ${s.theme.slice(0, 60)}` }))}
            error={copyError}
          />
        ) : null}
        <p>
          <Link to={`/exchanges/${e.id}/agenda`}>{t("exchanges.agenda.printLink")}</Link> · <DateText date={e.date} approximate={e.dateIsApproximate} />
        </p>
      </section>
    </>
  );
}

function AgendaFields({ fields }: { fields: ItemFields }) {
  const t = useT();
  return (
    <>
      <TextField meta={fields.time} label={t("exchanges.agenda.time")} type="time" required={false} />
      <TextField meta={fields.title} label={t("exchanges.agenda.itemTitle")} />
      <TextAreaField meta={fields.description} label={t("exchanges.agenda.description")} required={false} />
      <TextField meta={fields.leader} label={t("exchanges.agenda.leader")} hint={t("exchanges.agenda.leaderHint")} required={false} />
      <SelectField meta={fields.kind} label={t("exchanges.agenda.kind")} placeholder={t("v.choose")} options={agendaItemKinds.map((k) => ({ value: k, label: t(`exchanges.kind.${k}`) }))} />
    </>
  );
}

function AgendaItemEditor({ item, first, last }: { item: AgendaItem; first: boolean; last: boolean }) {
  const t = useT();
  const label = `${item.position}. ${item.title}`;
  return (
    <>
      <h3 className="exchanges-agenda-items__heading">{label}</h3>
      <p className="muted">
        {[item.time, t(`exchanges.kind.${item.kind}`), item.leader].filter(Boolean).join(" · ")}
      </p>
      <EditItemDetails
        intent="agenda-update"
        formId={`agenda-${item.id}`}
        keyField="itemId"
        keyValue={item.id}
        label={label}
        save={t("exchanges.agenda.save")}
        defaultValue={{ time: item.time ?? "", title: item.title, description: item.description, leader: item.leader, kind: item.kind }}
      >
        {(fields) => <AgendaFields fields={fields} />}
      </EditItemDetails>
      <ReorderControls field="itemId" value={item.id} intentPrefix="agenda" label={label} first={first} last={last} />
    </>
  );
}

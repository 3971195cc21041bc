import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors, SelectField, TextField } from "~/components/Field";
import { attendancePageAction, loadAttendancePage } from "~/exchanges/attendance-page.server";
import { CheckboxField } from "~/components/Field";
import { PlanningHeader, StatusTag } from "~/exchanges/ExchangeParts";
import { useT } from "~/utils/i18n";
import { TableScroll } from "~/components/TableScroll";

export const meta: MetaFunction = () => [{ title: "Oppmøte – Medforsker" }];

export const loader = (args: LoaderFunctionArgs) => loadAttendancePage(args);
export const action = (args: ActionFunctionArgs) => attendancePageAction(args);

export default function ExchangeAttendance() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const e = data.exchange;
  const js = e.audience === "job_specialists";
  const [form, fields] = useForm({ id: "guest-add", lastResult: actionData?.result });
  return (
    <>
      <PlanningHeader exchange={e} saved={data.saved} />
      <p className="lead">{t("exchanges.attendance.lead")}</p>

      <section aria-labelledby="counts-heading" className="card exchanges-counts">
        <h2 id="counts-heading">{t("exchanges.attendance.countsTitle")}</h2>
        <p>
          <StatusTag status={e.status} />
        </p>
        <dl className="facts">
          <dt>{t(js ? "exchanges.overview.col.js" : "exchanges.overview.col.participants")}</dt>
          <dd data-testid="count-participants">{data.counts.participants}</dd>
          <dt>{t("exchanges.overview.col.cases")}</dt>
          <dd data-testid="count-cases">{data.counts.cases}</dd>
        </dl>
        {e.status !== "held" ? <p className="muted">{t("exchanges.attendance.notHeldYet")}</p> : null}
      </section>

      <section aria-labelledby="present-heading">
        <h2 id="present-heading">{t("exchanges.attendance.presentTitle")}</h2>
        {data.people.length ? (
          <Form method="post">
            <TableScroll label={t("exchanges.attendance.presentTitle")}>
              <table>
                <caption className="visually-hidden">{t("exchanges.attendance.presentTitle")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("exchanges.attendance.present")}</th>
                    <th scope="col">{t("field.name")}</th>
                    <th scope="col">{t("exchanges.attendance.unit")}</th>
                    <th scope="col">{t("exchanges.attendance.reply")}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.people.map((p) => (
                    <tr key={p.id}>
                      <td>
                        <input type="checkbox" id={`present-${p.id}`} name="present" value={p.id} defaultChecked={p.present} className="exchanges-checkbox" />
                      </td>
                      <td>
                        <label htmlFor={`present-${p.id}`}>{p.name}</label>
                        {p.active ? null : <span className="muted"> ({t("exchanges.attendance.inactive")})</span>}
                      </td>
                      <td>{p.unit}</td>
                      <td>{p.coming === null ? "–" : p.coming ? t("exchanges.attendance.replyYes") : t("exchanges.attendance.replyNo")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
            {e.status !== "held" ? (
              <div className="field exchanges-check">
                <input type="checkbox" id="mark-held" name="markHeld" defaultChecked />
                <label htmlFor="mark-held">{t("exchanges.attendance.markHeld")}</label>
              </div>
            ) : null}
            <button type="submit" name="intent" value="attendance">
              {t("exchanges.attendance.save")}
            </button>
          </Form>
        ) : (
          <p>{t("exchanges.attendance.nobody")}</p>
        )}
      </section>

      <section aria-labelledby="guests-heading">
        <h2 id="guests-heading">{t("exchanges.attendance.guestsTitle")}</h2>
        <p className="hint">{t("exchanges.attendance.guestsLead")}</p>
        {data.guests.length ? (
          <ul className="exchanges-guests">
            {data.guests.map((g) => (
              <li key={g.id}>
                {g.description}
                {g.organisation ? ` (${g.organisation})` : ""} <span className="tag">{g.counted ? t("exchanges.attendance.counted") : t("exchanges.attendance.notCounted")}</span>{" "}
                <Form method="post" className="inline-form">
                  <input type="hidden" name="guestId" value={g.id} />
                  <button type="submit" name="intent" value="guest-delete" className="link-button" aria-label={t("exchanges.deleteLabel", { what: g.description })}>
                    {t("exchanges.delete")}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        ) : null}
        <Form method="post" {...getFormProps(form)} className="card exchanges-add">
          <FormErrors errors={form.errors} />
          <input type="hidden" name="clientKey" value={data.guestKey} />
          <TextField meta={fields.description} label={t("exchanges.attendance.guestDescription")} hint={t("exchanges.attendance.guestDescriptionHint")} />
          <SelectField
            meta={fields.organisationId}
            label={t("exchanges.attendance.guestOrganisation")}
            placeholder={t("exchanges.attendance.noOrganisation")}
            required={false}
            options={data.organisations.map((o) => ({ value: o.id, label: o.name }))}
          />
          <CheckboxField meta={fields.counted} label={t(js ? "exchanges.attendance.countedJs" : "exchanges.attendance.countedLeader")} />
          <button type="submit" name="intent" value="guest-add">
            {t("exchanges.attendance.addGuest")}
          </button>
        </Form>
      </section>
    </>
  );
}

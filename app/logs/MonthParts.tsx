// Pieces of the month page: navigation between months and to «Mine refleksjoner», the month's
// status, and «Lever logg for <måned>» with its confirmation.
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import { TimeText } from "~/components/DateTime";
import { FormErrors } from "~/components/Field";
import { useT } from "~/utils/i18n";
import { monthLabel } from "./months";

export function LogNav({ month, prevMonth, nextMonth }: { month: string; prevMonth: string; nextMonth: string | null }) {
  const t = useT();
  return (
    <nav aria-label={t("logs.nav.label")} className="log-nav">
      <ul>
        <li>
          <Link to={`/log?month=${prevMonth}`}>← {monthLabel(t, prevMonth)}</Link>
        </li>
        {nextMonth ? (
          <li>
            <Link to={`/log?month=${nextMonth}`}>{monthLabel(t, nextMonth)} →</Link>
          </li>
        ) : null}
        <li>
          <Link to="/log/mine">{t("logs.mine.title")}</Link>
        </li>
      </ul>
      <span className="visually-hidden">{monthLabel(t, month)}</span>
    </nav>
  );
}

export function MonthStatusLine({ status, submittedAt, notes }: { status: "open" | "submitted" | "reopened"; submittedAt: number | null; notes: number }) {
  const t = useT();
  return (
    <p className={`log-status log-status--${status}`}>
      <span className="tag">{t(`logs.status.${status}`)}</span>{" "}
      {status === "submitted" && submittedAt ? <TimeText at={submittedAt} /> : null}
      {status === "reopened" ? t("logs.status.reopenedHint") : null}
      {status === "open" ? t("logs.status.openHint", { count: notes }) : null}
    </p>
  );
}

export function SubmitMonth({ month, notes, lastResult }: { month: string; notes: number; lastResult: SubmissionResult<string[]> | null }) {
  const t = useT();
  const label = monthLabel(t, month);
  const [form, fields] = useForm({ id: "submit-month", lastResult });
  const confirmError = fields.confirm.errors?.length ? fields.confirm.errorId : undefined;
  return (
    <section aria-labelledby="submit-heading" className="card log-submit">
      <h2 id="submit-heading">{t("logs.submit.heading", { month: label })}</h2>
      {notes === 0 ? (
        <p>{t("logs.submit.emptyHint")}</p>
      ) : (
        <Form method="post" {...getFormProps(form)} noValidate>
          <FormErrors errors={form.errors} />
          <input type="hidden" name="month" value={month} />
          <p>{t("logs.submit.explain", { count: notes })}</p>
          <div className="field field--check">
            <input id={fields.confirm.id} type="checkbox" name="confirm" value="yes" required aria-invalid={confirmError ? true : undefined} aria-describedby={confirmError} />
            <label htmlFor={fields.confirm.id}>{t("logs.submit.confirm", { month: label, count: notes })}</label>
            {confirmError ? (
              <p className="field-error" id={confirmError}>
                {fields.confirm.errors!.join(" ")}
              </p>
            ) : null}
          </div>
          <button type="submit" name="intent" value="submit-month">
            {t("logs.submit.button", { month: label })}
          </button>
        </Form>
      )}
    </section>
  );
}

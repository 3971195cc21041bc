import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { TimeText } from "~/components/DateTime";
import { FormErrors, TextAreaField } from "~/components/Field";
import { monthLabel } from "~/logs/months";
import { EmptyNotes, NoteArticle } from "~/logs/NoteList";
import { loadPersonMonth, personMonthAction } from "~/logs/research.server";
import { useT } from "~/utils/i18n";

export const meta: MetaFunction = () => [{ title: "Logg – Medforsker" }];

export const loader = ({ request, context, params }: LoaderFunctionArgs) => loadPersonMonth(request, context, params);
export const action = ({ request, context, params }: ActionFunctionArgs) => personMonthAction(request, context, params);

export default function PersonMonth() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({ id: "reopen", lastResult: actionData?.result });
  const label = monthLabel(t, page.month);
  const confirmError = fields.confirm.errors?.length ? fields.confirm.errorId : undefined;
  return (
    <>
      <p>
        <Link to={`/logs?person=${page.person.id}`}>← {t("logs.research.title")}</Link> · <Link to="/logs/compliance">{t("logs.compliance.title")}</Link>
      </p>
      <h1>{t("logs.person.title", { name: page.person.name, month: label })}</h1>
      <p className="muted">
        {page.person.caseProject} ({t(`programme.${page.person.programme}`)}) · {page.person.organisation}
      </p>
      {page.notice ? (
        <p className="notice notice--ok" role="status">
          {t("logs.notice.reopened", { month: label })}
        </p>
      ) : null}
      <p>
        <span className="tag">{t(`logs.status.${page.status}`)}</span> {page.submittedAt ? <TimeText at={page.submittedAt} /> : null}{" "}
        {t("logs.grid.notes", { count: page.noteCount })}
      </p>
      {page.events.length ? (
        <section aria-labelledby="history-heading">
          <h2 id="history-heading">{t("logs.person.history")}</h2>
          <ul>
            {page.events.map((e) => (
              <li key={e.id}>
                <TimeText at={e.at} />: {t(`logs.event.${e.kind}`, { name: e.actor, count: e.noteCount })}
                {e.reason ? ` – «${e.reason}»` : ""}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {page.status === "submitted" ? (
        <section aria-labelledby="reopen-heading" className="card log-reopen">
          <h2 id="reopen-heading">{t("logs.reopen.heading")}</h2>
          <p>{t("logs.reopen.explain")}</p>
          <Form method="post" {...getFormProps(form)} noValidate>
            <FormErrors errors={form.errors} />
            <TextAreaField meta={fields.reason} label={t("logs.reopen.reason")} required={false} />
            <div className="field field--check">
              <input id={fields.confirm.id} type="checkbox" name="confirm" value="yes" required aria-invalid={confirmError ? true : undefined} aria-describedby={confirmError} />
              <label htmlFor={fields.confirm.id}>{t("logs.reopen.confirm", { month: label })}</label>
              {confirmError ? (
                <p className="field-error" id={confirmError}>
                  {fields.confirm.errors!.join(" ")}
                </p>
              ) : null}
            </div>
            <button type="submit" name="intent" value="reopen">
              {t("logs.reopen.button")}
            </button>
          </Form>
        </section>
      ) : null}
      <section aria-labelledby="notes-heading">
        <h2 id="notes-heading">{t("logs.notesOfMonth", { month: label, count: page.notes.length })}</h2>
        {page.status === "open" ? (
          <p>{t("logs.person.notSubmitted")}</p>
        ) : page.notes.length ? (
          page.notes.map((n) => <NoteArticle key={n.id} note={n} instrument={page.instrument} />)
        ) : (
          <EmptyNotes />
        )}
      </section>
    </>
  );
}

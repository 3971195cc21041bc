import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { LogErrorBoundary } from "~/logs/LogErrorBoundary";
import { logPageAction, loadLogPage } from "~/logs/log-page.server";
import { FindingsNotice } from "~/logs/FindingsNotice";
import { LogNav, MonthStatusLine, SubmitMonth } from "~/logs/MonthParts";
import { monthLabel } from "~/logs/months";
import { NoteForm } from "~/logs/NoteForm";
import { EmptyNotes, NoteArticle } from "~/logs/NoteList";
import { formatDateTime } from "~/i18n/dates";
import { useLocale, useT } from "~/utils/i18n";

export const meta: MetaFunction = () => [{ title: "Logg – Medforsker" }];

export const loader = ({ request, context }: LoaderFunctionArgs) => loadLogPage(request, context);
export const action = ({ request, context }: ActionFunctionArgs) => logPageAction(request, context);
export const ErrorBoundary = LogErrorBoundary;

export default function LogMonth() {
  const t = useT();
  const locale = useLocale();
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const label = monthLabel(t, page.month);
  if (!page.placed) {
    return (
      <>
        <h1>{t("logs.title", { month: label })}</h1>
        <p>{t("home.noPlacement")}</p>
      </>
    );
  }
  const open = page.status !== "submitted";
  const noteResult = actionData?.intent === "save-note" ? actionData : null;
  const draftKey = noteResult?.draftKey ?? page.form.draftKey;
  return (
    <>
      <LogNav month={page.month} prevMonth={page.prevMonth} nextMonth={page.nextMonth} />
      <h1>{t("logs.title", { month: label })}</h1>
      <MonthStatusLine status={page.status} submittedAt={page.submittedAt} notes={page.notes.length} />
      {!page.inPeriod ? <p className="notice">{t("logs.outsidePeriod")}</p> : null}
      {page.notice ? (
        <p className="notice notice--ok" role="status">
          {t(`logs.notice.${page.notice}`, { month: label })}
        </p>
      ) : null}
      {page.saved ? (
        <>
          <p className="notice notice--ok" role="status">
            {t("logs.notice.saved")}
          </p>
          <FindingsNotice findings={page.saved.findings} editHref={open ? `/log/notes/${page.saved.id}` : null} />
        </>
      ) : null}

      {open ? (
        <section aria-labelledby="new-note-heading" className="log-new-note">
          <h2 id="new-note-heading">{t("logs.newNote")}</h2>
          {page.form.savedAt && !noteResult ? <p className="muted">{t("logs.draftFrom", { time: formatDateTime(page.form.savedAt, locale) })}</p> : null}
          <NoteForm
            key={draftKey}
            instrument={page.instrument}
            userId={page.userId}
            draftKey={draftKey}
            noteId={null}
            month={page.month}
            lastResult={noteResult?.lastResult ?? (page.form.values ? { initialValue: page.form.values } : null)}
            defaultAnswers={page.form.defaultAnswers}
            submitLabel={t("logs.form.save")}
            fresh={!page.form.values && !noteResult}
            headingLevel={3}
          />
          {page.otherDrafts.length ? (
            <section aria-labelledby="other-drafts-heading">
              <h3 id="other-drafts-heading">{t("logs.otherDrafts")}</h3>
              <ul className="log-drafts">
                {page.otherDrafts.map((d) => (
                  <li key={d.draftKey}>
                    <Link to={`/log?month=${page.month}&draft=${d.draftKey}`}>{t("logs.continueDraft", { time: formatDateTime(d.savedAt, locale) })}</Link>
                    {d.summary ? <span className="muted"> «{d.summary}»</span> : null}
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="draftKey" value={d.draftKey} />
                      <input type="hidden" name="month" value={page.month} />
                      <button type="submit" name="intent" value="discard-draft" className="link-button">
                        {t("logs.discardDraft")}
                      </button>
                    </Form>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </section>
      ) : page.month !== page.thisMonth ? (
        <p>
          <Link to="/log">{t("logs.writeInCurrent")}</Link>
        </p>
      ) : null}

      <section aria-labelledby="notes-heading">
        <h2 id="notes-heading">{t("logs.notesOfMonth", { month: label, count: page.notes.length })}</h2>
        {page.notes.length ? (
          page.notes.map((n) => (
            <NoteArticle
              key={n.id}
              note={n}
              instrument={page.instrument}
              actions={open ? <Link to={`/log/notes/${n.id}`}>{t("logs.editNote")}</Link> : null}
            />
          ))
        ) : (
          <EmptyNotes />
        )}
      </section>

      {open ? <SubmitMonth month={page.month} notes={page.notes.length} lastResult={actionData?.intent === "submit-month" ? actionData.monthResult : null} /> : null}
    </>
  );
}

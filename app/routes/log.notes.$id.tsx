import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { FormErrors } from "~/components/Field";
import { editPageAction, loadEditPage } from "~/logs/edit-page.server";
import { LogErrorBoundary } from "~/logs/LogErrorBoundary";
import { NoteForm } from "~/logs/NoteForm";
import { NoteArticle } from "~/logs/NoteList";
import { formatDate, formatDateTime } from "~/i18n/dates";
import { useLocale, useT } from "~/utils/i18n";

export const meta: MetaFunction = () => [{ title: "Logg – Medforsker" }];

export const loader = ({ request, context, params }: LoaderFunctionArgs) => loadEditPage(request, context, params);
export const action = ({ request, context, params }: ActionFunctionArgs) => editPageAction(request, context, params);
export const ErrorBoundary = LogErrorBoundary;

export default function EditNote() {
  const t = useT();
  const locale = useLocale();
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const [deleteForm, deleteFields] = useForm({ id: "delete-note", lastResult: actionData?.intent === "delete" ? actionData.deleteResult : null });
  const noteResult = actionData?.intent === "save-note" ? actionData : null;
  const draftKey = noteResult?.draftKey ?? page.draftKey;
  const back = `/log?month=${page.note.month}`;
  const deleteError = deleteFields.confirm.errors?.length ? deleteFields.confirm.errorId : undefined;
  return (
    <>
      <p>
        <Link to={back}>← {t("logs.backToLog")}</Link>
      </p>
      <h1>{t("logs.edit.title", { date: formatDate(page.note.date, locale) })}</h1>
      {params.get("notice") === "draft-saved" ? (
        <p className="notice notice--ok" role="status">
          {t("logs.notice.draft-saved")}
        </p>
      ) : null}
      {!page.writable ? (
        <>
          <p className="notice">{t("logs.edit.readOnly")}</p>
          <NoteArticle note={page.note} instrument={page.instrument} headingLevel={2} />
        </>
      ) : (
        <>
          {page.draftSavedAt && !noteResult ? <p className="muted">{t("logs.edit.draftFrom", { time: formatDateTime(page.draftSavedAt, locale) })}</p> : null}
          <NoteForm
            key={draftKey}
            instrument={page.instrument}
            userId={page.userId}
            draftKey={draftKey}
            noteId={page.note.id}
            lastResult={noteResult?.lastResult ?? (page.draftValues ? { initialValue: page.draftValues } : null)}
            defaultAnswers={page.note.answers}
            submitLabel={t("logs.edit.save")}
          />
          <section aria-labelledby="delete-heading" className="card log-delete">
            <h2 id="delete-heading">{t("logs.delete.heading")}</h2>
            <Form method="post" {...getFormProps(deleteForm)} noValidate>
              <FormErrors errors={deleteForm.errors} />
              <div className="field field--check">
                <input id={deleteFields.confirm.id} type="checkbox" name="confirm" value="yes" required aria-invalid={deleteError ? true : undefined} aria-describedby={deleteError} />
                <label htmlFor={deleteFields.confirm.id}>{t("logs.delete.confirm")}</label>
                {deleteError ? (
                  <p className="field-error" id={deleteError}>
                    {deleteFields.confirm.errors!.join(" ")}
                  </p>
                ) : null}
              </div>
              <button type="submit" name="intent" value="delete" className="button--danger">
                {t("logs.delete.button")}
              </button>
            </Form>
          </section>
        </>
      )}
    </>
  );
}

import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors, TextAreaField, TextField } from "~/components/Field";
import { PlanningHeader } from "~/exchanges/ExchangeParts";
import { TimeText } from "~/components/DateTime";
import { loadTranscriptsPage, transcriptsPageAction } from "~/exchanges/transcripts-page.server";
import { useT } from "~/utils/i18n";
import { TableScroll } from "~/components/TableScroll";

export const meta: MetaFunction = () => [{ title: "Transkripsjoner – Medforsker" }];

export const loader = (args: LoaderFunctionArgs) => loadTranscriptsPage(args);
export const action = (args: ActionFunctionArgs) => transcriptsPageAction(args);

export default function ExchangeTranscripts() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const e = data.exchange;
  const [form, fields] = useForm<Record<string, string>>({ id: "transcript-upload", lastResult: actionData?.result as never });
  const file = fields.file;
  return (
    <>
      <PlanningHeader exchange={e} saved={data.saved} />
      <h2>{t("exchanges.transcripts.title")}</h2>
      {data.transcripts.length ? (
        <TableScroll label={t("exchanges.transcripts.title")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("exchanges.transcripts.titleField")}</th>
                <th scope="col">{t("exchanges.transcripts.source")}</th>
                <th scope="col">{t("exchanges.transcripts.status")}</th>
                <th scope="col">{t("exchanges.transcripts.nvivo")}</th>
                <th scope="col">{t("exchanges.transcripts.addedBy")}</th>
              </tr>
            </thead>
            <tbody>
              {data.transcripts.map((tr) => (
                <tr key={tr.id}>
                  <td>
                    <Link to={`/exchanges/${e.id}/transcripts/${tr.id}`}>{tr.title}</Link>
                  </td>
                  <td>
                    {t(`exchanges.transcripts.sourceKind.${tr.source}`)}
                    {tr.fileName ? <span className="muted"> ({tr.fileName})</span> : null}
                  </td>
                  <td>
                    <span className="tag">{t(`exchanges.transcripts.state.${tr.status}`)}</span>
                  </td>
                  <td>{tr.nvivoExport ? t("exchanges.transcripts.nvivoYes") : t("exchanges.transcripts.nvivoNo")}</td>
                  <td>
                    {tr.createdBy} <span className="muted">
                      <TimeText at={tr.createdAt} />
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p className="muted">{t("exchanges.transcripts.none")}</p>
      )}

      <section aria-labelledby="upload-heading" className="card exchanges-add">
        <h2 id="upload-heading">{t("exchanges.transcripts.add")}</h2>
        <p className="hint">{t("exchanges.transcripts.addLead")}</p>
        {/* A document post even with JavaScript: a file past the size limit is refused with a 413 page, which only a page load can show. */}
        <Form method="post" encType="multipart/form-data" reloadDocument {...getFormProps(form)}>
          <FormErrors errors={form.errors} />
          <input type="hidden" name="clientKey" value={data.clientKey} />
          <TextField meta={fields.title} label={t("exchanges.transcripts.titleField")} hint={t("exchanges.transcripts.titleHint")} />
          <div className="field">
            <label htmlFor={file.id}>{t("exchanges.transcripts.file")}</label>
            <span className="hint" id={`${file.id}-hint`}>
              {t("exchanges.transcripts.fileHint", { max: data.maxMegabytes })}
            </span>
            <input
              type="file"
              id={file.id}
              name="file"
              accept=".txt,.docx,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
              aria-describedby={file.errors?.length ? `${file.id}-hint ${file.errorId}` : `${file.id}-hint`}
              aria-invalid={file.errors?.length ? true : undefined}
            />
            {file.errors?.length ? (
              <p className="field-error" id={file.errorId}>
                {file.errors.join(" ")}
              </p>
            ) : null}
          </div>
          <TextAreaField meta={fields.text} label={t("exchanges.transcripts.paste")} hint={t("exchanges.transcripts.pasteHint")} required={false} />
          <button type="submit" name="intent" value="upload">
            {t("exchanges.transcripts.upload")}
          </button>
        </Form>
      </section>
    </>
  );
}

import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors, SelectField, TextAreaField } from "~/components/Field";
import { CHAPTER_CODES } from "~/exchanges/chapter-codes";
import { ExchangeNav, SavedNotice, exchangeTitle } from "~/exchanges/ExchangeParts";
import { loadTranscriptPage, transcriptPageAction } from "~/exchanges/transcript-page.server";
import { pick } from "~/i18n/locale";
import { useLocale, useT } from "~/utils/i18n";
import { TableScroll } from "~/components/TableScroll";

export const meta: MetaFunction = () => [{ title: "Transkripsjon – Medforsker" }];

export const loader = (args: LoaderFunctionArgs) => loadTranscriptPage(args);
export const action = (args: ActionFunctionArgs) => transcriptPageAction(args);

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

export default function TranscriptPage() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const e = data.exchange;
  const tr = data.transcript;
  return (
    <>
      <p className="no-print">
        <Link to={`/exchanges/${e.id}/transcripts`}>← {t("exchanges.transcripts.title")}</Link>
      </p>
      <h1>{tr.title}</h1>
      <p className="muted">
        {exchangeTitle(t, e)} · <span className="tag">{t(`exchanges.transcripts.state.${tr.status}`)}</span>
      </p>
      <ExchangeNav id={e.id} />
      <SavedNotice saved={data.saved} />
      {actionData?.error ? (
        <div className="form-error" role="alert">
          <p>{actionData.error}</p>
        </div>
      ) : null}
      {tr.status === "private" ? <PrivateTranscript data={data} /> : <ReleasedTranscript data={data} />}
    </>
  );
}

function Turns({ turns }: { turns: Data["turns"] }) {
  const t = useT();
  return (
    <ol className="exchanges-turns">
      {turns.map((turn) => (
        <li key={turn.position}>
          <span className="exchanges-turns__speaker">{turn.speaker ?? t("exchanges.transcript.noSpeaker")}</span>
          <span className="exchanges-pre">{turn.text}</span>
        </li>
      ))}
    </ol>
  );
}

function PrivateTranscript({ data }: { data: Data }) {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const rows = actionData?.intent === "replacements" && actionData.rows ? [...actionData.rows, { from: "", to: "" }] : data.rows;
  const rowErrors = actionData?.intent === "replacements" ? actionData.rowErrors : null;
  return (
    <>
      <p className="notice notice--warn">{t("exchanges.transcript.privateNotice")}</p>
      {data.remaining.length ? (
        <div className="notice notice--warn" role="status">
          <p>{t("exchanges.transcript.remaining")}</p>
          <ul>
            {data.remaining.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="notice notice--ok">{t("exchanges.transcript.noneRemaining")}</p>
      )}

      <section aria-labelledby="pseudonymise">
        <h2 id="pseudonymise" tabIndex={-1}>
          {t("exchanges.transcript.pseudonymiseTitle")}
        </h2>
        <p className="hint">{t("exchanges.transcript.pseudonymiseLead")}</p>
        <Form method="post">
          <TableScroll label={t("exchanges.transcript.pseudonymiseTitle")}>
            <table className="exchanges-replacements">
              <caption className="visually-hidden">{t("exchanges.transcript.pseudonymiseTitle")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("exchanges.transcript.from")}</th>
                  <th scope="col">{t("exchanges.transcript.to")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r, i) => {
                  const error = rowErrors?.[i] ?? null;
                  return (
                    <tr key={`${i}:${r.from}`}>
                      <td>
                        <label className="visually-hidden" htmlFor={`from-${i}`}>
                          {t("exchanges.transcript.fromRow", { row: i + 1 })}
                        </label>
                        <input type="text" id={`from-${i}`} name="from" defaultValue={r.from} maxLength={200} />
                      </td>
                      <td>
                        <label className="visually-hidden" htmlFor={`to-${i}`}>
                          {t("exchanges.transcript.toRow", { row: i + 1 })}
                        </label>
                        <input
                          type="text"
                          id={`to-${i}`}
                          name="to"
                          defaultValue={r.to}
                          maxLength={200}
                          aria-invalid={error ? true : undefined}
                          aria-describedby={error ? `to-${i}-error` : undefined}
                        />
                        {error ? (
                          <p className="field-error" id={`to-${i}-error`}>
                            {error}
                          </p>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
          <button type="submit" name="intent" value="replacements">
            {t("exchanges.transcript.apply")}
          </button>
        </Form>
      </section>

      <section aria-labelledby="preview-heading">
        <h2 id="preview-heading">{t("exchanges.transcript.preview")}</h2>
        <Turns turns={data.turns} />
        {data.transcript.original !== null ? (
          <details className="exchanges-original">
            <summary>{t("exchanges.transcript.original")}</summary>
            <p className="exchanges-pre">{data.transcript.original}</p>
          </details>
        ) : null}
      </section>

      <section aria-labelledby="release-heading" className="card">
        <h2 id="release-heading">{t("exchanges.transcript.releaseTitle")}</h2>
        <p>{t("exchanges.transcript.releaseLead")}</p>
        <Form method="post">
          <div className="field exchanges-check">
            <input type="checkbox" id="release-confirm" name="confirm" />
            <label htmlFor="release-confirm">{t("exchanges.transcript.releaseConfirm")}</label>
          </div>
          <div className="actions">
            <button type="submit" name="intent" value="release">
              {t("exchanges.transcript.release")}
            </button>
          </div>
        </Form>
        <Form method="post">
          <button type="submit" name="intent" value="delete" className="button--secondary">
            {t("exchanges.transcript.delete")}
          </button>
        </Form>
      </section>
    </>
  );
}

function ReleasedTranscript({ data }: { data: Data }) {
  const t = useT();
  const locale = useLocale();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm<Record<string, string>>({
    id: "code-passage",
    lastResult: actionData?.intent === "code-passage" ? (actionData.result as never) : undefined,
  });
  return (
    <>
      <section aria-labelledby="nvivo-heading" className="card">
        <h2 id="nvivo-heading">{t("exchanges.transcript.nvivoTitle")}</h2>
        <p>{data.transcript.nvivoExport ? t("exchanges.transcript.nvivoOn") : t("exchanges.transcript.nvivoOff")}</p>
        <Form method="post">
          <input type="hidden" name="nvivoExport" value={data.transcript.nvivoExport ? "off" : "on"} />
          <button type="submit" name="intent" value="nvivo" className="button--secondary">
            {data.transcript.nvivoExport ? t("exchanges.transcript.nvivoUnmark") : t("exchanges.transcript.nvivoMark")}
          </button>
        </Form>
      </section>

      <section aria-labelledby="coding">
        <h2 id="coding" tabIndex={-1}>
          {t("exchanges.transcript.codingTitle")}
        </h2>
        <p className="hint">{t("exchanges.transcript.codingLead")}</p>
        <dl className="exchanges-code-key">
          {CHAPTER_CODES.map((c) => (
            <div key={c.code}>
              <dt>{c.code}</dt>
              <dd>
                {pick(c.label, locale)} ({data.codeCounts.find((x) => x.code === c.code)?.count ?? 0})
              </dd>
            </div>
          ))}
        </dl>
        <Form method="post">
          <ol className="exchanges-turns exchanges-turns--coding">
            {data.turns.map((turn) => (
              <li key={turn.position}>
                <span className="exchanges-turns__speaker">{turn.speaker ?? t("exchanges.transcript.noSpeaker")}</span>
                <span className="exchanges-pre">{turn.text}</span>
                <fieldset className="exchanges-codes">
                  <legend className="visually-hidden">{t("exchanges.transcript.codesFor", { position: turn.position })}</legend>
                  {CHAPTER_CODES.map((c) => (
                    <span key={c.code} className="exchanges-code">
                      <input type="checkbox" id={`turn-${turn.position}-${c.code}`} name={`turn-${turn.position}`} value={c.code} defaultChecked={turn.codes.includes(c.code)} />
                      <label htmlFor={`turn-${turn.position}-${c.code}`}>
                        {c.code} {pick(c.short, locale)}
                      </label>
                    </span>
                  ))}
                </fieldset>
              </li>
            ))}
          </ol>
          <button type="submit" name="intent" value="code-turns">
            {t("exchanges.transcript.saveCodes")}
          </button>
        </Form>
      </section>

      <section aria-labelledby="passages">
        <h2 id="passages" tabIndex={-1}>
          {t("exchanges.transcript.passagesTitle")}
        </h2>
        <p className="hint">{t("exchanges.transcript.passagesLead")}</p>
        {data.passages.length ? (
          <ul className="exchanges-passages">
            {data.passages.map((p) => (
              <li key={p.id}>
                <span className="tag">{p.code}</span> <q>{p.text}</q>{" "}
                <Form method="post" className="inline-form">
                  <input type="hidden" name="codeId" value={p.id} />
                  <button type="submit" name="intent" value="code-delete" className="link-button" aria-label={t("exchanges.deleteLabel", { what: `${p.code}: ${p.text.slice(0, 40)}` })}>
                    {t("exchanges.delete")}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        ) : null}
        <Form method="post" {...getFormProps(form)} className="card exchanges-add">
          <FormErrors errors={form.errors} />
          <TextAreaField meta={fields.passage} label={t("exchanges.transcript.passage")} hint={t("exchanges.transcript.passageHint")} />
          <SelectField
            meta={fields.code}
            label={t("exchanges.transcript.code")}
            placeholder={t("v.choose")}
            options={CHAPTER_CODES.map((c) => ({ value: c.code, label: `${c.code} ${pick(c.label, locale)}` }))}
          />
          <button type="submit" name="intent" value="code-passage">
            {t("exchanges.transcript.addPassage")}
          </button>
        </Form>
      </section>
    </>
  );
}

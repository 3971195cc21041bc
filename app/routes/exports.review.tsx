// The researcher's review of the redactions proposed for a data set, with extra terms to redact.
import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors, TextAreaField, TextField } from "~/components/Field";
import { ProjectSelect } from "~/components/ProjectPicker";
import { redactionList } from "~/exports/components";
import { loadReview, reviewAction } from "~/exports/review.server";
import type { MessageKey } from "~/i18n/catalog";
import { useT } from "~/utils/i18n";
import { TableScroll } from "~/components/TableScroll";
import { TimeText } from "~/components/DateTime";

export const meta: MetaFunction = () => [{ title: "Gjennomgang av sladding – Medforsker" }];

export const loader = ({ request, context }: LoaderFunctionArgs) => loadReview(request, context);
export const action = ({ request, context }: ActionFunctionArgs) => reviewAction(request, context);

export default function ReviewPage() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({ id: "review", lastResult: actionData?.result, defaultValue: { terms: page.terms.join("\n"), note: "" } });
  const proposed = page.proposed;
  return (
    <>
      <p>
        <Link to={`/exports?project=${page.project.slug}`}>{t("exports.back")}</Link>
      </p>
      <h1>{t("exports.review.title")}</h1>
      <p className="lead">{t("exports.review.lead")}</p>
      {page.decided ? (
        <p className="notice notice--ok" role="status">
          {t("exports.review.decided")}
        </p>
      ) : null}
      {page.saved ? (
        <p className="notice notice--ok" role="status">
          {t("exports.review.saved")}
        </p>
      ) : null}
      <Form method="get" className="inline-filter">
        {page.projects.length > 1 ? (
          <ProjectSelect id="review-project" label={t("exports.project")} projects={page.projects} value={page.project.slug} />
        ) : (
          <input type="hidden" name="project" value={page.project.slug} />
        )}
        <div className="field">
          <label htmlFor="review-dataset">{t("exports.field.dataset")}</label>
          <select id="review-dataset" name="dataset" defaultValue={page.dataset}>
            {page.datasets.map((d) => (
              <option key={d} value={d}>
                {t(`exports.dataset.${d}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button--secondary">
          {t("exports.review.show")}
        </button>
      </Form>

      <h2>{t("exports.review.proposed", { dataset: t(`exports.dataset.${page.dataset}` as MessageKey) })}</h2>
      {page.problem ? <p className="notice notice--warn">{page.problem}</p> : null}
      {proposed ? (
        <>
          <p>
            {t("exports.review.summary", { texts: proposed.textValues, redactions: Object.values(proposed.counts).reduce((a, b) => a + b, 0) })}
            {Object.keys(proposed.counts).length ? <span className="muted"> ({redactionList(t, proposed.counts)})</span> : null}
          </p>
          {proposed.examples.length ? (
            <TableScroll label={t("exports.review.examples", { shown: proposed.examples.length })}>
              <table className="review-table">
                <caption>{t("exports.review.examples", { shown: proposed.examples.length })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("exports.review.kind")}</th>
                    <th scope="col">{t("exports.review.context")}</th>
                  </tr>
                </thead>
                <tbody>
                  {proposed.examples.map((ex, i) => (
                    <tr key={i}>
                      <td>{t(`exports.kind.${ex.kind}` as MessageKey)}</td>
                      <td>
                        …{ex.before}
                        <mark>{ex.found}</mark>
                        {ex.after}…
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          ) : (
            <p>{t("exports.review.nothing")}</p>
          )}
        </>
      ) : null}

      <NameCandidates page={page} />

      <h2>{t("exports.review.formHeading")}</h2>
      <Form method="post" {...getFormProps(form)} className="review-form">
        <FormErrors errors={form.errors} />
        <input type="hidden" name="requestKey" value={page.requestKey} />
        <TextAreaField meta={fields.terms} label={t("exports.review.terms")} hint={t("exports.review.termsHint")} required={false} />
        <TextField meta={fields.note} label={t("exports.review.note")} required={false} />
        <div className="actions">
          <button type="submit">{t("exports.review.save")}</button>
        </div>
      </Form>

      <h2>{t("exports.review.history")}</h2>
      {page.history.length ? (
        <ul>
          {page.history.map((h) => (
            <li key={h.id}>
              <TimeText at={h.at} />: {h.reviewer ?? "–"},{" "}
              {t("exports.review.historyTerms", { terms: h.terms.length })}
              {h.note ? ` – ${h.note}` : ""}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("exports.review.noHistory")}</p>
      )}
    </>
  );
}

const STATUS: Record<string, MessageKey> = {
  undecided: "exports.review.status.undecided",
  name: "exports.review.status.name",
  "not-name": "exports.review.status.notName",
};

/** Every likely name the detector found, with its context, and a confirm/reject form per term. */
function NameCandidates({ page }: { page: ReturnType<typeof useLoaderData<typeof loader>> }) {
  const t = useT();
  const candidates = page.proposed?.candidates ?? [];
  return (
    <section aria-labelledby="names">
      <h2 id="names">{t("exports.review.names")}</h2>
      <p>{t("exports.review.namesLead")}</p>
      {candidates.length ? (
        <TableScroll label={t("exports.review.names")}>
          <table className="review-table">
            <caption className="visually-hidden">{t("exports.review.names")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("exports.review.nameTerm")}</th>
                <th scope="col">{t("exports.review.nameCount")}</th>
                <th scope="col">{t("exports.review.context")}</th>
                <th scope="col">{t("exports.review.nameStatus")}</th>
                <th scope="col">{t("exports.review.nameAction")}</th>
              </tr>
            </thead>
            <tbody>
              {candidates.map((c) => (
                <tr key={c.term}>
                  <th scope="row">{c.found}</th>
                  <td>{c.count}</td>
                  <td>
                    …{c.before}
                    <mark>{c.found}</mark>
                    {c.after}…
                  </td>
                  <td>{t(STATUS[c.decision ?? "undecided"])}</td>
                  <td>
                    <Form method="post" className="inline-actions">
                      <input type="hidden" name="intent" value="decide" />
                      <input type="hidden" name="term" value={c.term} />
                      <button type="submit" name="decision" value="name" className="button--secondary" aria-label={`${t("exports.review.confirm")}: ${c.found}`}>
                        {t("exports.review.confirm")}
                      </button>{" "}
                      <button type="submit" name="decision" value="not-name" className="button--secondary" aria-label={`${t("exports.review.reject")}: ${c.found}`}>
                        {t("exports.review.reject")}
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p>{t("exports.review.namesNone")}</p>
      )}
      <p className="muted">{t("exports.review.hiddenMarks")}</p>
    </section>
  );
}

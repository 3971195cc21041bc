// Researchers: the instruments (latest versions), drafts of next versions, and uploading a YAML
// definition as the draft of an instrument's next version.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { instrumentsAction, loadInstrumentsPage } from "~/instruments/versions-page.server";
import { useLocale, useT } from "~/utils/i18n";
import { titled } from "~/utils/meta";

export const meta = titled("nav.instruments");
export const loader = ({ request, context }: LoaderFunctionArgs) => loadInstrumentsPage(request, context);
export const action = ({ request, context }: ActionFunctionArgs) => instrumentsAction(request, context);

export default function Instruments() {
  const t = useT();
  const locale = useLocale();
  const { instruments, drafts } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  return (
    <>
      <h1>{t("nav.instruments")}</h1>
      <p className="lead">{t("instrumentsPage.lead")}</p>
      {params.get("discarded") ? (
        <p className="notice notice--ok" role="status">
          {t("instrumentsPage.discarded")}
        </p>
      ) : null}
      <ul className="cards">
        {instruments.map((i) => (
          <li key={i.id} className="card">
            <h2>
              <Link to={`/instruments/${i.id}`}>{i.title[locale]}</Link>
            </h2>
            <p>{i.description[locale]}</p>
            <p className="muted">{t("instrumentsPage.meta", { version: i.version, variables: i.variables, source: i.source })}</p>
          </li>
        ))}
      </ul>
      <section aria-labelledby="drafts-heading">
        <h2 id="drafts-heading">{t("instrumentsPage.drafts")}</h2>
        {drafts.length === 0 ? <p className="muted">{t("instrumentsPage.noDrafts")}</p> : null}
        <ul>
          {drafts.map((d) => (
            <li key={d.id}>
              <Link to={`/instruments/${d.id}/draft`}>{t("instrumentsPage.draftOf", { title: d.title ? d.title[locale] : d.id, version: d.version })}</Link>
            </li>
          ))}
        </ul>
        <Form method="post" encType="multipart/form-data" className="card">
          <div className="field">
            <label htmlFor="definition">{t("instrumentsPage.upload")}</label>
            <span className="hint" id="definition-hint">
              {t("instrumentsPage.uploadHint")}
            </span>
            <input
              id="definition"
              name="definition"
              type="file"
              accept=".yaml,.yml,application/yaml,text/yaml"
              aria-describedby={result?.error ? "definition-hint definition-error" : "definition-hint"}
              aria-invalid={result?.error ? true : undefined}
            />
            {result?.error ? (
              <div className="field-error" id="definition-error">
                <p>{result.error}</p>
                {result.problems.length ? (
                  <ul>
                    {result.problems.map((p) => (
                      <li key={p}>
                        <code>{p}</code>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </div>
            ) : null}
          </div>
          <button type="submit">{t("instrumentsPage.uploadSubmit")}</button>
        </Form>
      </section>
    </>
  );
}

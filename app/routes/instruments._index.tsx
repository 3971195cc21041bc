// Researchers: the instruments (latest versions), drafts of next versions, and uploading a YAML
// definition as the draft of an instrument's next version.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { instrumentsAction, loadInstrumentsPage } from "~/instruments/versions-page.server";
import { EditorField } from "~/instruments/EditorFields";
import { useLocale, useT } from "~/utils/i18n";
import { titled } from "~/utils/meta";

export const meta = titled("nav.instruments");
export const loader = ({ request, context }: LoaderFunctionArgs) => loadInstrumentsPage(request, context);
export const action = ({ request, context }: ActionFunctionArgs) => instrumentsAction(request, context);
type InstrumentsAction = typeof action;

export default function Instruments() {
  const t = useT();
  const locale = useLocale();
  const { instruments, drafts, uses } = useLoaderData<typeof loader>();
  const sent = useActionData<InstrumentsAction>() as
    | { error?: string; problems?: string[]; newInstrument?: { typed: Record<string, string>; errors: Record<string, string> } }
    | undefined;
  const result = sent?.error ? { error: sent.error, problems: sent.problems ?? [] } : null;
  const made = sent?.newInstrument;
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
      <section aria-labelledby="new-heading" className="card">
        <h2 id="new-heading">{t("editor.new")}</h2>
        <p className="hint">{t("editor.newLead")}</p>
        <Form method="post">
          <input type="hidden" name="intent" value="new" />
          <EditorField id="new-id" name="id" label={t("editor.f.id")} value={made?.typed.id ?? ""} error={made?.errors.id} />
          <EditorField id="new-title_nb" name="title_nb" label={t("editor.f.title_nb")} value={made?.typed.title_nb ?? ""} error={made?.errors.title_nb} />
          <EditorField id="new-title_en" name="title_en" label={t("editor.f.title_en")} value={made?.typed.title_en ?? ""} error={made?.errors.title_en} />
          <EditorField id="new-use" name="use" label={t("editor.f.use")} value={made?.typed.use ?? ""} error={made?.errors.use}>
            <select id="new-use" name="use" defaultValue={made?.typed.use ?? "survey"}>
              {uses.map((u) => (
                <option key={u} value={u}>
                  {t(`editor.use.${u}`)}
                </option>
              ))}
            </select>
          </EditorField>
          <EditorField id="new-copy" name="copy" label={t("editor.f.copy")} value={made?.typed.copy ?? ""} error={made?.errors.copy}>
            <select id="new-copy" name="copy" defaultValue={made?.typed.copy ?? ""}>
              <option value="">{t("editor.blank")}</option>
              {instruments.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.title[locale]}
                </option>
              ))}
            </select>
          </EditorField>
          <button type="submit">{t("editor.create")}</button>
        </Form>
      </section>
      <section aria-labelledby="drafts-heading">
        <h2 id="drafts-heading">{t("instrumentsPage.drafts")}</h2>
        {drafts.length === 0 ? <p className="muted">{t("instrumentsPage.noDrafts")}</p> : null}
        <ul>
          {drafts.map((d) => (
            <li key={d.id}>
              <Link to={`/instruments/${d.id}/draft`}>{t("instrumentsPage.draftOf", { title: d.title ? d.title[locale] : d.id, version: d.version })}</Link> ·{" "}
              <Link to={`/instruments/${d.id}/edit`}>{t("editor.editDraft")}</Link>
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

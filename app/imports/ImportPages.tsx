// The import pages (routes imports._index.tsx and imports.$token.tsx): plain forms that work
// without JavaScript; every control labelled, every error next to its field.
import { Form, Link } from "@remix-run/react";
import { TableScroll } from "~/components/TableScroll";
import { TimeText } from "~/components/DateTime";
import { formatDate } from "~/i18n/dates";
import { useLocale, useT } from "~/utils/i18n";
import type { loadImports, loadPreview } from "./import-page.server";
import type { ImportKind } from "../../db/schema";

type ImportsPage = Awaited<ReturnType<typeof loadImports>>;
type PreviewPage = Awaited<ReturnType<typeof loadPreview>>;

const KINDS: readonly ImportKind[] = ["log", "reports", "attendance"];

export function ImportsHome({ page, errors, kind }: { page: ImportsPage; errors: Partial<Record<string, string>>; kind: string }) {
  const t = useT();
  return (
    <>
      <h1>{t("imports.title")}</h1>
      <p className="lead">{t("imports.lead")}</p>
      {page.done ? (
        <p className="notice notice--ok" role="status">
          {t("imports.done", { file: page.done.fileName, created: page.done.created, updated: page.done.updated, unchanged: page.done.unchanged, rejected: page.done.rejected })}
        </p>
      ) : null}
      <section aria-labelledby="upload-heading" className="card">
        <h2 id="upload-heading">{t("imports.upload.heading")}</h2>
        <Form method="post" encType="multipart/form-data" reloadDocument noValidate>
          {page.projects.length > 1 ? (
            <div className="field">
              <label htmlFor="import-project">{t("imports.upload.project")}</label>
              <select id="import-project" name="project" defaultValue={page.project?.slug} aria-describedby={errors.project ? "import-project-error" : undefined}>
                {page.projects.map((p) => (
                  <option key={p.slug} value={p.slug}>
                    {p.title}
                  </option>
                ))}
              </select>
              {errors.project ? <p className="field-error" id="import-project-error">{errors.project}</p> : null}
            </div>
          ) : (
            <input type="hidden" name="project" value={page.project?.slug ?? ""} />
          )}
          <fieldset className="field" aria-describedby={errors.kind ? "import-kind-error" : undefined}>
            <legend>{t("imports.upload.kind")}</legend>
            {KINDS.map((k) => (
              <div key={k} className="field--check">
                <input type="radio" id={`import-kind-${k}`} name="kind" value={k} defaultChecked={kind === k} />
                <label htmlFor={`import-kind-${k}`}>{t(`imports.kind.${k}`)}</label>
              </div>
            ))}
            {errors.kind ? <p className="field-error" id="import-kind-error">{errors.kind}</p> : null}
          </fieldset>
          <div className="field">
            <label htmlFor="import-file">{t("imports.upload.file")}</label>
            <span className="hint" id="import-file-hint">
              {t("imports.upload.fileHint", { mb: page.maxMegabytes, rows: page.maxRows })}
            </span>
            <input
              type="file"
              id="import-file"
              name="file"
              accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-describedby={errors.file ? "import-file-hint import-file-error" : "import-file-hint"}
              aria-invalid={errors.file ? true : undefined}
            />
            {errors.file ? <p className="field-error" id="import-file-error">{errors.file}</p> : null}
          </div>
          <button type="submit">{t("imports.upload.submit")}</button>
        </Form>
        <h3>{t("imports.examples.heading")}</h3>
        <ul>
          <li>
            <a href="/imports/examples/logg-eksempel.xlsx" download>{t("imports.examples.log")}</a>
          </li>
          <li>
            <a href="/imports/examples/deltakere-eksempel.xlsx" download>{t("imports.examples.reports")}</a>
          </li>
          <li>
            <a href="/imports/examples/oppmote-eksempel.csv" download>{t("imports.examples.attendance")}</a>
          </li>
        </ul>
      </section>
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t("imports.history.heading")}</h2>
        {page.history.length === 0 ? (
          <p className="muted">{t("imports.history.none")}</p>
        ) : (
          <TableScroll label={t("imports.history.heading")}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("imports.history.when")}</th>
                  <th scope="col">{t("imports.history.kind")}</th>
                  <th scope="col">{t("imports.history.file")}</th>
                  <th scope="col">{t("imports.history.result")}</th>
                  <th scope="col">{t("imports.history.by")}</th>
                </tr>
              </thead>
              <tbody>
                {page.history.map((h) => (
                  <tr key={h.id}>
                    <td>
                      <TimeText at={h.at} style="table" />
                    </td>
                    <td>{t(`imports.kind.${h.kind}`)}</td>
                    <td>
                      {h.fileName}
                      <br />
                      <span className="muted">SHA-256 {h.sha256.slice(0, 16)}…</span>
                    </td>
                    <td>{t("imports.counts", { created: h.created, updated: h.updated, unchanged: h.unchanged, rejected: h.rejected })}</td>
                    <td>{h.by}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
    </>
  );
}

export function ImportPreview({ page }: { page: PreviewPage }) {
  const t = useT();
  const locale = useLocale();
  const table = page.table;
  return (
    <>
      <h1>{t("imports.preview.title", { file: page.fileName })}</h1>
      <p className="lead">{t("imports.preview.lead", { kind: t(`imports.kind.${page.kind}`), project: page.project.title })}</p>
      {page.error || !table ? (
        <p className="notice notice--warn" role="alert">
          {page.error}
        </p>
      ) : (
        <>
          <p className={table.counts.reject ? "notice notice--warn" : "notice"} role="status">
            {t("imports.preview.summary", { total: table.total, create: table.counts.create, update: table.counts.update, unchanged: table.counts.unchanged, reject: table.counts.reject })}
          </p>
          <section aria-labelledby="choices-heading">
            <h2 id="choices-heading">{t("imports.preview.choices")}</h2>
            <Form method="post" reloadDocument>
              <input type="hidden" name="intent" value="map" />
              {table.sheets.length > 1 ? (
                <div className="field">
                  <label htmlFor="import-sheet">{t("imports.preview.sheet")}</label>
                  <select id="import-sheet" name="sheet" defaultValue={table.sheet ?? ""}>
                    {table.sheets.map((s) => (
                      <option key={s} value={s}>
                        {s}
                      </option>
                    ))}
                  </select>
                </div>
              ) : null}
              {page.kind !== "attendance" ? (
                <div className="field">
                  <label htmlFor="import-person">{t("imports.preview.person")}</label>
                  <span className="hint" id="import-person-hint">{t("imports.preview.personHint")}</span>
                  <select id="import-person" name="person" defaultValue={table.personId ?? ""} aria-describedby="import-person-hint">
                    <option value="">{t("imports.preview.fromColumn")}</option>
                    {table.people.map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.name}
                      </option>
                    ))}
                  </select>
                </div>
              ) : (
                <div className="field">
                  <label htmlFor="import-exchange">{t("imports.preview.exchange")}</label>
                  <select id="import-exchange" name="exchange" defaultValue={table.exchangeId ?? ""}>
                    <option value="">{t("imports.preview.fromColumn")}</option>
                    {table.exchanges.map((x) => (
                      <option key={x.id} value={x.id}>
                        {t("imports.preview.exchangeOption", { number: x.number, date: formatDate(x.date, locale), audience: t(`imports.audience.${x.audience}`) })}
                      </option>
                    ))}
                  </select>
                </div>
              )}
              <TableScroll label={t("imports.preview.mapping")}>
                <table>
                  <caption>{t("imports.preview.mapping")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("imports.preview.column")}</th>
                      <th scope="col">{t("imports.preview.samples")}</th>
                      <th scope="col">{t("imports.preview.target")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {table.columns.map((c, i) => (
                      <tr key={i}>
                        <th scope="row">{c.heading || t("imports.preview.noHeading", { n: i + 1 })}</th>
                        <td className="muted">{c.samples.filter(Boolean).join(" · ")}</td>
                        <td>
                          <label className="visually-hidden" htmlFor={`map-${i}`}>
                            {t("imports.preview.targetOf", { column: c.heading || String(i + 1) })}
                          </label>
                          <select id={`map-${i}`} name={`map-${i}`} defaultValue={c.target}>
                            <option value="">{t("imports.preview.skip")}</option>
                            {table.targets.map((tg) => (
                              <option key={tg.key} value={tg.key}>
                                {tg.label}
                                {tg.required ? ` (${t("imports.preview.required")})` : ""}
                              </option>
                            ))}
                          </select>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
              <button type="submit" className="secondary">
                {t("imports.preview.rerun")}
              </button>
            </Form>
          </section>
          <section aria-labelledby="rows-heading">
            <h2 id="rows-heading">{t("imports.preview.rows")}</h2>
            {table.hiddenRows > 0 ? <p className="muted">{t("imports.preview.hiddenRows", { n: table.hiddenRows })}</p> : null}
            <TableScroll label={t("imports.preview.rows")}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("imports.preview.row")}</th>
                    <th scope="col">{t("imports.preview.action")}</th>
                    <th scope="col">{t("imports.preview.subject")}</th>
                    <th scope="col">{t("imports.preview.notes")}</th>
                    <th scope="col">{t("imports.preview.key")}</th>
                  </tr>
                </thead>
                <tbody>
                  {table.rows.map((r) => (
                    <tr key={r.row} data-action={r.action}>
                      <th scope="row">{r.row}</th>
                      <td>{t(`imports.action.${r.action}`)}</td>
                      <td>{r.subject}</td>
                      <td>
                        {r.problems.length ? (
                          <ul className="plain">
                            {r.problems.map((p, i) => (
                              <li key={i}>
                                {p.column ? <strong>{`${p.column}: `}</strong> : null}
                                {p.message}
                              </li>
                            ))}
                          </ul>
                        ) : null}
                        {r.findings.length ? <p className="muted">{t("imports.preview.findings", { kinds: r.findings.map((k) => t(`imports.finding.${k}`)).join(", ") })}</p> : null}
                      </td>
                      <td>
                        <code>{r.key ? r.key.slice(7, 19) : "–"}</code>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </section>
          <Form method="post" reloadDocument className="actions">
            {table.counts.create + table.counts.update > 0 ? (
              <button type="submit" name="intent" value="confirm">
                {t("imports.preview.confirm", { n: table.counts.create + table.counts.update })}
              </button>
            ) : (
              <p>{t("imports.preview.nothing")}</p>
            )}
            <button type="submit" name="intent" value="cancel" className="secondary">
              {t("imports.preview.cancel")}
            </button>
          </Form>
        </>
      )}
      <p>
        <Link to={`/imports?project=${page.project.slug}`}>{t("imports.back")}</Link>
      </p>
    </>
  );
}

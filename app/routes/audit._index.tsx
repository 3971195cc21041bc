// The audit log, for researchers: who did what and when, exports included.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { loadAuditLog } from "~/exports/audit-log.server";
import { useT } from "~/utils/i18n";
import { TimeText } from "~/components/DateTime";

export const meta: MetaFunction = () => [{ title: "Revisjonslogg – Medforsker" }];

export const loader = ({ request, context }: LoaderFunctionArgs) => loadAuditLog(request, context);

export default function AuditLog() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  const link = (p: number) => `/audit?${new URLSearchParams({ ...(page.category ? { kind: page.category } : {}), page: String(p) })}`;
  return (
    <>
      <h1>{t("exports.audit.title")}</h1>
      <p className="lead">{t("exports.audit.lead")}</p>
      <Form method="get" className="inline-filter" role="search" aria-label={t("exports.audit.filter")}>
        <div className="field">
          <label htmlFor="audit-kind">{t("exports.audit.kind")}</label>
          <select id="audit-kind" name="kind" defaultValue={page.category ?? ""}>
            <option value="">{t("exports.audit.all")}</option>
            {page.categories.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button--secondary">
          {t("exports.audit.show")}
        </button>
      </Form>
      <p>{t("exports.audit.count", { total: page.total, page: page.page, pages: page.pages })}</p>
      {page.rows.length ? (
        <div className="table-wrap">
          <table className="audit-table">
            <thead>
              <tr>
                <th scope="col">{t("exports.col.when")}</th>
                <th scope="col">{t("exports.col.who")}</th>
                <th scope="col">{t("exports.audit.action")}</th>
                <th scope="col">{t("exports.audit.subject")}</th>
                <th scope="col">{t("exports.audit.details")}</th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <TimeText at={r.at} style="table" />
                  </td>
                  <td>{r.actor ?? t("exports.audit.system")}</td>
                  <td>
                    <code>{r.action}</code>
                  </td>
                  <td>{r.subject.startsWith("export:") ? <Link to={`/exports/${r.subject.slice(7)}`}>{r.subject}</Link> : r.subject}</td>
                  <td className="audit-details">{r.details}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t("exports.audit.empty")}</p>
      )}
      {page.pages > 1 ? (
        <nav aria-label={t("exports.audit.pages")} className="pager">
          {page.page > 1 ? <Link to={link(page.page - 1)}>{t("exports.audit.newer")}</Link> : null}
          {page.page < page.pages ? <Link to={link(page.page + 1)}>{t("exports.audit.older")}</Link> : null}
        </nav>
      ) : null}
    </>
  );
}

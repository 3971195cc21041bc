// The audit log, for researchers: who did what and when, as sentences, with the stored record
// behind a disclosure; filtered by person, kind and date with a plain GET form.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { TimeText } from "~/components/DateTime";
import { loadAuditLog } from "~/exports/audit-log.server";
import { useT } from "~/utils/i18n";
import { FilterSelect } from "~/logs/Filters";

export const meta: MetaFunction = () => [{ title: "Revisjonslogg – Medforsker" }];

export const loader = ({ request, context }: LoaderFunctionArgs) => loadAuditLog(request, context);

function DateFilter({ name, label, value, error }: { name: "from" | "to"; label: string; value: string; error?: string }) {
  const t = useT();
  const id = `audit-${name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <span className="hint" id={`${id}-hint`}>
        {t("audit.filter.dateHint")}
      </span>
      <input id={id} type="date" name={name} defaultValue={value} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`} />
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

export default function AuditLog() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  const { filters } = page;
  const kept = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== ""));
  const link = (p: number) => `/audit?${new URLSearchParams({ ...kept, page: String(p) })}`;
  return (
    <>
      <h1>{t("exports.audit.title")}</h1>
      <p className="lead">{t("exports.audit.lead")}</p>
      <Form method="get" className="inline-filter" role="search" aria-label={t("exports.audit.filter")}>
        <FilterSelect
          name="person"
          label={t("audit.filter.person")}
          value={filters.person}
          all={t("audit.filter.anyone")}
          options={[...page.people.map((p) => ({ value: p.id, label: p.name })), { value: "none", label: `${t("audit.actor.cli")} / ${t("audit.actor.system").toLocaleLowerCase()}` }]}
        />
        <FilterSelect name="kind" label={t("exports.audit.kind")} value={filters.kind} all={t("exports.audit.all")} options={page.kinds} />
        <DateFilter name="from" label={t("audit.filter.from")} value={filters.from} error={page.errors.from} />
        <DateFilter name="to" label={t("audit.filter.to")} value={filters.to} error={page.errors.to} />
        <button type="submit" className="button--secondary">
          {t("exports.audit.show")}
        </button>
        {Object.keys(kept).length ? <Link to="/audit">{t("audit.filter.clear")}</Link> : null}
      </Form>
      <p role="status">{t("exports.audit.count", { total: page.total, page: page.page, pages: page.pages })}</p>
      {page.events.length ? (
        <ol className="audit-events">
          {page.events.map((e) => (
            <li key={e.id}>
              <p>
                <span className="audit-events__time">
                  <TimeText at={e.at} style="table" />
                </span>{" "}
                {e.sentence}
              </p>
              <details>
                <summary>{t("audit.raw")}</summary>
                <dl className="audit-raw">
                  <div>
                    <dt>{t("audit.raw.action")}</dt>
                    <dd>
                      <code>{e.raw.action}</code>
                    </dd>
                  </div>
                  {e.raw.subject ? (
                    <div>
                      <dt>{t("audit.raw.subject")}</dt>
                      <dd>{e.raw.subject.startsWith("export:") ? <Link to={`/exports/${e.raw.subject.slice(7)}`}>{e.raw.subject}</Link> : <code>{e.raw.subject}</code>}</dd>
                    </div>
                  ) : null}
                  {e.raw.details.map(([k, v]) => (
                    <div key={k}>
                      <dt>{k}</dt>
                      <dd>{v}</dd>
                    </div>
                  ))}
                </dl>
              </details>
            </li>
          ))}
        </ol>
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

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { FilterSelect, NoteFilterForm } from "~/logs/Filters";
import { monthLabel } from "~/logs/months";
import { EmptyNotes, NoteArticle } from "~/logs/NoteList";
import { loadResearchLogs } from "~/logs/research.server";
import { useT } from "~/utils/i18n";

export const meta: MetaFunction = () => [{ title: "Logger – Medforsker" }];

export const loader = ({ request, context }: LoaderFunctionArgs) => loadResearchLogs(request, context);

export default function ResearchLogs() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  const { filters, options } = page;
  return (
    <>
      <h1>{t("logs.research.title")}</h1>
      <p className="lead">{t("logs.research.lead")}</p>
      <p>
        <Link to="/logs/compliance">{t("logs.compliance.title")}</Link>
      </p>
      <NoteFilterForm filters={filters} months={options.months}>
        {options.projects.length > 1 ? (
          <FilterSelect name="project" label={t("logs.filters.project")} value={filters.projectId} all={t("logs.filters.allProjects")} options={options.projects.map((p) => ({ value: p.id, label: p.title }))} />
        ) : null}
        <FilterSelect name="case" label={t("logs.filters.case")} value={filters.organisationId} all={t("logs.filters.allCases")} options={options.organisations.map((o) => ({ value: o.id, label: o.name }))} />
        <FilterSelect
          name="programme"
          label={t("logs.filters.programme")}
          value={filters.programme}
          all={t("logs.filters.allProgrammes")}
          options={[
            { value: "intro", label: t("programme.intro") },
            { value: "jobbsjansen", label: t("programme.jobbsjansen") },
          ]}
        />
        <FilterSelect name="person" label={t("logs.filters.person")} value={filters.authorId} all={t("logs.filters.allPeople")} options={options.people.map((p) => ({ value: p.id, label: p.name }))} />
      </NoteFilterForm>
      <p role="status">{t("logs.research.count", { count: page.total, page: page.page, pages: page.pages })}</p>
      {page.rows.length ? (
        page.rows.map((n) => (
          <NoteArticle
            key={n.id}
            note={n}
            instrument={page.instrument}
            headingLevel={2}
            byline={
              <>
                <Link to={`/logs/${n.authorId}/${n.month}`}>
                  {n.author} · {monthLabel(t, n.month)}
                </Link>{" "}
                <span className="muted">
                  {n.caseProject} ({t(`programme.${n.programme}`)})
                </span>
              </>
            }
          />
        ))
      ) : (
        <EmptyNotes>{t("logs.research.none")}</EmptyNotes>
      )}
      {page.prev || page.next ? (
        <nav aria-label={t("logs.paging")} className="log-paging">
          {page.prev ? <Link to={page.prev}>← {t("logs.paging.prev")}</Link> : null}
          {page.next ? <Link to={page.next}>{t("logs.paging.next")} →</Link> : null}
        </nav>
      ) : null}
    </>
  );
}

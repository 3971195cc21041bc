import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { NoteFilterForm } from "~/logs/Filters";
import { loadMine } from "~/logs/mine.server";
import { monthLabel } from "~/logs/months";
import { EmptyNotes, NoteArticle } from "~/logs/NoteList";
import { useT } from "~/utils/i18n";

export const meta: MetaFunction = () => [{ title: "Mine refleksjoner – Medforsker" }];

export const loader = ({ request, context }: LoaderFunctionArgs) => loadMine(request, context);

export default function MyReflections() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/log">← {t("logs.backToLog")}</Link>
      </p>
      <h1>{t("logs.mine.title")}</h1>
      <p className="lead">{t("logs.mine.lead")}</p>
      <NoteFilterForm filters={page.filters} months={page.months} />
      <p className="actions">
        <a href={`/log/mine.csv${page.query}`} download>
          {t("logs.mine.csv")}
        </a>
        <Link to={`/log/mine/print${page.query}`}>{t("logs.mine.print")}</Link>
        <Link to="/coding">{t("coding.notes.linkOwn")}</Link>
      </p>
      <p role="status">{t("logs.mine.count", { count: page.total })}</p>
      {page.groups.length ? (
        page.groups.map((g) => (
          <section key={g.month} aria-labelledby={`month-${g.month}`} className="log-month-group">
            <h2 id={`month-${g.month}`}>
              <Link to={`/log?month=${g.month}`}>{monthLabel(t, g.month)}</Link>{" "}
              <span className="tag">{t(`logs.status.${g.status ?? "open"}`)}</span>
            </h2>
            {g.notes.map((n) => (
              <NoteArticle key={n.id} note={n} instrument={page.instrument} />
            ))}
          </section>
        ))
      ) : (
        <EmptyNotes>{t("logs.mine.none")}</EmptyNotes>
      )}
    </>
  );
}

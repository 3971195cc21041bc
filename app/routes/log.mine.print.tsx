import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { loadMine } from "~/logs/mine.server";
import { monthLabel } from "~/logs/months";
import { EmptyNotes, NoteArticle } from "~/logs/NoteList";
import { useT } from "~/utils/i18n";

export const meta: MetaFunction = () => [{ title: "Min logg – Medforsker" }];

export const loader = ({ request, context }: LoaderFunctionArgs) => loadMine(request, context);

/** The same selection as «Mine refleksjoner», laid out for paper (the browser's Print). */
export default function PrintMyLog() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  return (
    <div className="log-print">
      <p className="no-print">
        <Link to={`/log/mine${page.query}`}>← {t("logs.mine.title")}</Link> · {t("logs.print.hint")}
      </p>
      <h1>{t("logs.print.title", { name: page.name })}</h1>
      {page.groups.length ? (
        page.groups.map((g) => (
          <section key={g.month} aria-labelledby={`month-${g.month}`} className="log-month-group">
            <h2 id={`month-${g.month}`}>
              {monthLabel(t, g.month)} <span className="tag">{t(`logs.status.${g.status ?? "open"}`)}</span>
            </h2>
            {g.notes.map((n) => (
              <NoteArticle key={n.id} note={n} instrument={page.instrument} />
            ))}
          </section>
        ))
      ) : (
        <EmptyNotes>{t("logs.mine.none")}</EmptyNotes>
      )}
    </div>
  );
}

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { loadAgendaPrint } from "~/exchanges/agenda-print.server";
import { AgendaTable, exchangeTitle } from "~/exchanges/ExchangeParts";
import { formatExchangeDate, hoursLabel } from "~/exchanges/timing";
import { pick } from "~/i18n/locale";
import { useLocale, useT } from "~/utils/i18n";

export const meta: MetaFunction = () => [{ title: "Agenda – Medforsker" }];

export const loader = (args: LoaderFunctionArgs) => loadAgendaPrint(args);

/** The agenda laid out for one A4 page (app/styles/exchanges.css has the print rules). */
export default function PrintAgenda() {
  const t = useT();
  const locale = useLocale();
  const data = useLoaderData<typeof loader>();
  const e = data.exchange;
  return (
    <article className="exchanges-print">
      <p className="no-print">
        <Link to={data.researcher ? `/exchanges/${e.id}/plan` : `/exchanges/${e.id}`}>← {exchangeTitle(t, e)}</Link> · {t("exchanges.print.hint")}
      </p>
      <header className="exchanges-print__head">
        <p className="exchanges-print__project">{data.projectTitle}</p>
        <h1>{t("exchanges.print.title", { title: exchangeTitle(t, e) })}</h1>
        <p className="exchanges-print__theme">{e.theme}</p>
        <p className="exchanges-print__when">
          {formatExchangeDate(e.date, e.dateIsApproximate, locale)}
          {e.startTime && e.endTime ? ` · ${t("exchanges.timeRange", { start: e.startTime, end: e.endTime })}` : ""}
          {e.timing.hours !== null ? ` · ${hoursLabel(e.timing, locale, t)}` : ""}
          {e.place ? ` · ${e.place}` : ""}
        </p>
      </header>
      <AgendaTable items={data.agenda} exchange={exchangeTitle(t, e)} />
      {data.homework.length ? (
        <section aria-labelledby="print-homework">
          <h2 id="print-homework">{t("exchanges.homework.title")}</h2>
          <ul>
            {data.homework.map((h) => (
              <li key={h.id}>
                {h.title} ({t(`exchanges.documentType.${h.documentType}`)})
                {h.deadline ? ` – ${t("exchanges.homework.deadline", { date: formatExchangeDate(h.deadline, false, locale) })}` : ""}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {data.questions.length ? (
        <section aria-labelledby="print-questions">
          <h2 id="print-questions">{t("exchanges.prep.title")}</h2>
          {e.preparationDeadline ? <p>{t("exchanges.prep.deadline", { date: formatExchangeDate(e.preparationDeadline, false, locale) })}</p> : null}
          <ol>
            {data.questions.map((q) => (
              <li key={q.name}>{pick(q.label, locale)}</li>
            ))}
          </ol>
        </section>
      ) : null}
    </article>
  );
}

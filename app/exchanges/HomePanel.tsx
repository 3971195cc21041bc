// The exchanges panel on the home page (data from home.server.ts): the invited see their next
// exchanges with the agenda, their reply and their preparation; researchers the next planned.
import { Link } from "@remix-run/react";
import type { ExchangeAudience } from "../../db/schema/exchanges";
import { useT } from "~/utils/i18n";
import { AgendaTable, DateText, exchangeTitle, type AgendaRow } from "./ExchangeParts";

interface PanelExchange {
  readonly id: number;
  readonly number: number;
  readonly audience: ExchangeAudience;
  readonly date: string;
  readonly dateIsApproximate: boolean;
  readonly theme: string;
}

interface InvitedExchange extends PanelExchange {
  readonly place: string;
  readonly startTime: string | null;
  readonly endTime: string | null;
  readonly coming: boolean | null;
  readonly submittedAt: number | null;
  readonly draftSavedAt: number | null;
  readonly preparationDeadline: string | null;
  readonly agenda: readonly AgendaRow[];
  readonly hasQuestions: boolean;
  readonly preparationOpen: boolean;
}

export interface ExchangePanelData {
  readonly researcher: boolean;
  readonly next: readonly PanelExchange[];
  readonly invited: readonly InvitedExchange[];
}

export function ExchangeHomePanel({ panel }: { panel: ExchangePanelData | null }) {
  const t = useT();
  if (!panel) return null;
  if (panel.researcher) {
    return (
      <section aria-labelledby="exchanges-panel-heading" className="exchanges-panel">
        <h2 id="exchanges-panel-heading">{t("exchanges.home.title")}</h2>
        {panel.next.length ? (
          <ul>
            {panel.next.map((e) => (
              <li key={e.id}>
                <Link to={`/exchanges/${e.id}/plan`}>{exchangeTitle(t, e)}</Link> – <DateText date={e.date} approximate={e.dateIsApproximate} />: {e.theme}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("exchanges.home.noneResearcher")}</p>
        )}
        <p className="actions">
          <Link to="/exchanges">{t("exchanges.home.all")}</Link>
          <Link to="/exchanges/overview">{t("exchanges.overview.title")}</Link>
        </p>
      </section>
    );
  }
  return (
    <section aria-labelledby="exchanges-panel-heading" className="exchanges-panel">
      <h2 id="exchanges-panel-heading">{t("exchanges.home.title")}</h2>
      {panel.invited.length ? (
        panel.invited.map((e) => (
          <article key={e.id} className="card exchanges-panel__item" aria-labelledby={`exchange-${e.id}-heading`}>
            <h3 id={`exchange-${e.id}-heading`}>
              <Link to={`/exchanges/${e.id}`}>{exchangeTitle(t, e)}</Link>
            </h3>
            <p>
              <DateText date={e.date} approximate={e.dateIsApproximate} />
              {e.startTime && e.endTime ? ` · ${t("exchanges.timeRange", { start: e.startTime, end: e.endTime })}` : ""}
              {e.place ? ` · ${e.place}` : ""}
            </p>
            <p>{e.theme}</p>
            <AgendaTable items={e.agenda} caption={t("exchanges.agenda.title")} exchange={exchangeTitle(t, e)} />
            <ul className="exchanges-panel__status">
              <li>{e.coming === null ? t("exchanges.reply.none") : e.coming ? t("exchanges.reply.yes") : t("exchanges.reply.no")}</li>
              {e.hasQuestions ? (
                <li>
                  {e.submittedAt ? t("exchanges.prepState.sent") : e.draftSavedAt ? t("exchanges.prepState.draft") : t("exchanges.prepState.none")}
                  {e.preparationOpen && e.preparationDeadline ? (
                    <>
                      {" "}
                      ({t("exchanges.home.deadline")} <DateText date={e.preparationDeadline} approximate={false} />)
                    </>
                  ) : null}
                </li>
              ) : null}
            </ul>
            <p>
              <Link className="button" to={`/exchanges/${e.id}`}>
                {e.hasQuestions && e.preparationOpen && !e.submittedAt ? t("exchanges.home.prepare") : t("exchanges.home.open")}
              </Link>
            </p>
          </article>
        ))
      ) : (
        <p>{t("exchanges.home.none")}</p>
      )}
      <p>
        <Link to="/exchanges">{t("exchanges.home.all")}</Link>
      </p>
    </section>
  );
}

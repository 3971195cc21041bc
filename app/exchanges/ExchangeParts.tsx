// Pieces every exchange page shares: the title, the facts, the researchers' sub-navigation and
// page header, and the agenda as a read-only list (also on the home page and the printed A4 agenda).
import { Link, NavLink } from "@remix-run/react";
import type { AgendaItemKind, ExchangeAudience, ExchangeStatus } from "../../db/schema/exchanges";
import type { TFunction } from "~/i18n/catalog";
import { useLocale, useT } from "~/utils/i18n";
import { formatExchangeDate, hoursLabel, type Timing } from "./timing";
import { TableScroll } from "~/components/TableScroll";
import { type DateStyle } from "~/i18n/dates";

export interface ExchangeHeadData {
  readonly id: number;
  readonly audience: ExchangeAudience;
  readonly number: number;
  readonly date: string;
  readonly dateIsApproximate: boolean;
  readonly startTime: string | null;
  readonly endTime: string | null;
  readonly place: string;
  readonly theme: string;
  readonly description: string;
  readonly status: ExchangeStatus;
  readonly preparationDeadline: string | null;
  readonly timing: Timing;
}

export function exchangeTitle(t: TFunction, e: { number: number; audience: ExchangeAudience }): string {
  return t("exchanges.title", { number: e.number, audience: t(`exchanges.audience.${e.audience}`) });
}

export function StatusTag({ status }: { status: ExchangeStatus }) {
  const t = useT();
  return <span className={`tag exchanges-status exchanges-status--${status}`}>{t(`exchanges.status.${status}`)}</span>;
}

export function DateText({ date, approximate, style = "text" }: { date: string; approximate: boolean; style?: DateStyle }) {
  const locale = useLocale();
  return <time dateTime={approximate ? date.slice(0, 7) : date}>{formatExchangeDate(date, approximate, locale, style)}</time>;
}

export function ExchangeFacts({ exchange }: { exchange: ExchangeHeadData }) {
  const t = useT();
  const locale = useLocale();
  const e = exchange;
  return (
    <dl className="facts exchanges-facts">
      <dt>{t("exchanges.field.date")}</dt>
      <dd>
        <DateText date={e.date} approximate={e.dateIsApproximate} /> <StatusTag status={e.status} />
      </dd>
      {e.startTime && e.endTime ? (
        <>
          <dt>{t("exchanges.field.time")}</dt>
          <dd>{t("exchanges.timeRange", { start: e.startTime, end: e.endTime })}</dd>
        </>
      ) : null}
      <dt>{t("exchanges.field.length")}</dt>
      <dd>{hoursLabel(e.timing, locale, t)}</dd>
      {e.place ? (
        <>
          <dt>{t("exchanges.field.place")}</dt>
          <dd>{e.place}</dd>
        </>
      ) : null}
      <dt>{t("exchanges.field.theme")}</dt>
      <dd>{e.theme}</dd>
      {e.description ? (
        <>
          <dt>{t("exchanges.field.description")}</dt>
          <dd className="exchanges-pre">{e.description}</dd>
        </>
      ) : null}
      {e.preparationDeadline ? (
        <>
          <dt>{t("exchanges.field.deadline")}</dt>
          <dd>
            <DateText date={e.preparationDeadline} approximate={false} />
          </dd>
        </>
      ) : null}
    </dl>
  );
}

/** The researchers' tabs of one exchange. */
export function ExchangeNav({ id }: { id: number }) {
  const t = useT();
  const links = [
    [`/exchanges/${id}`, t("exchanges.nav.view")],
    [`/exchanges/${id}/plan`, t("exchanges.nav.plan")],
    [`/exchanges/${id}/questions`, t("exchanges.nav.questions")],
    [`/exchanges/${id}/answers`, t("exchanges.nav.answers")],
    [`/exchanges/${id}/attendance`, t("exchanges.nav.attendance")],
    [`/exchanges/${id}/transcripts`, t("exchanges.nav.transcripts")],
    [`/exchanges/${id}/agenda`, t("exchanges.nav.print")],
  ] as const;
  return (
    <nav aria-label={t("exchanges.nav.label")} className="exchanges-tabs no-print">
      <ul>
        {links.map(([to, label]) => (
          <li key={to}>
            <NavLink to={to} end>
              {label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export interface AgendaRow {
  readonly id: number;
  readonly time: string | null;
  readonly title: string;
  readonly description?: string;
  readonly leader: string;
  readonly kind: AgendaItemKind;
}

/**
 * The agenda as a table: time, item, kind, who leads. `exchange` (its title) names the table's
 * scrolling box, so two agendas on a page, or an agenda in a section called «Agenda», are told apart.
 */
export function AgendaTable({ items, caption, exchange }: { items: readonly AgendaRow[]; caption?: string; exchange: string }) {
  const t = useT();
  if (!items.length) return <p className="muted">{t("exchanges.agenda.empty")}</p>;
  return (
    <TableScroll label={t("exchanges.print.title", { title: exchange })}>
      <table className="exchanges-agenda">
        {caption ? <caption>{caption}</caption> : null}
        <thead>
          <tr>
            <th scope="col">{t("exchanges.agenda.time")}</th>
            <th scope="col">{t("exchanges.agenda.item")}</th>
            <th scope="col">{t("exchanges.agenda.kind")}</th>
            <th scope="col">{t("exchanges.agenda.leader")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.id}>
              <td className="exchanges-agenda__time">{i.time ?? ""}</td>
              <td>
                <span className="exchanges-agenda__title">{i.title}</span>
                {i.description ? <span className="exchanges-agenda__description">{i.description}</span> : null}
              </td>
              <td>{t(`exchanges.kind.${i.kind}`)}</td>
              <td>{i.leader}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** The top of a researcher's planning page: back to the list, the title, the sub-navigation, «saved». */
export function PlanningHeader({ exchange, projectTitle, saved }: { exchange: { id: number; number: number; audience: ExchangeAudience }; projectTitle?: string; saved: string | null }) {
  const t = useT();
  return (
    <>
      <p className="no-print">
        <Link to="/exchanges">← {t("exchanges.list.title")}</Link>
      </p>
      <h1>{exchangeTitle(t, exchange)}</h1>
      {projectTitle ? <p className="muted">{projectTitle}</p> : null}
      <ExchangeNav id={exchange.id} />
      <SavedNotice saved={saved} />
    </>
  );
}

export function SavedNotice({ saved }: { saved: string | null }) {
  const t = useT();
  if (!saved) return null;
  const known = ["created", "details", "agenda", "copied", "questions", "homework", "registration", "draft", "answers", "share", "attendance", "guest", "replacements", "released", "nvivo", "codes", "deleted"] as const;
  const key = known.find((k) => k === saved);
  if (!key) return null;
  return (
    <p className="notice notice--ok" role="status">
      {t(`exchanges.saved.${key}`)}
    </p>
  );
}

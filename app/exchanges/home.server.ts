// The exchanges panel on the home page: for the invited, their upcoming exchanges with the
// agenda, whether they have said they come, and the state of their preparation; for
// researchers, the next planned exchanges.
import type { Db } from "../../db/connection.server";
import type { SessionUser } from "~/auth/session.server";
import { getExchange, placementOf } from "./access.server";
import { listAgenda } from "./agenda.server";
import { isUpcoming, listAllExchanges, listInvitedExchanges } from "./exchanges.server";
import { preparationOpen } from "./participation.server";
import { currentQuestions } from "./questions.server";
import { todayInNorway } from "./timing";

/** How many upcoming exchanges the panel shows. */
const SHOWN = 2;

export function exchangeHomePanel(db: Db, user: SessionUser, today = todayInNorway()) {
  if (user.role === "researcher") {
    const next = listAllExchanges(db)
      .filter((e) => isUpcoming(e, today))
      .sort((a, b) => (a.date < b.date ? -1 : 1))
      .slice(0, 3)
      .map((e) => ({ id: e.id, number: e.number, audience: e.audience, date: e.date, dateIsApproximate: e.dateIsApproximate, theme: e.theme }));
    return { researcher: true as const, next, invited: [] };
  }
  const placement = placementOf(db, user);
  if (!placement) return null;
  const invited = listInvitedExchanges(db, placement, user.id)
    .filter((e) => isUpcoming(e, today))
    .slice(0, SHOWN)
    .map((e) => {
      const exchange = getExchange(db, e.id)!;
      return {
        ...e,
        agenda: listAgenda(db, e.id).map((i) => ({ id: i.id, time: i.time, title: i.title, leader: i.leader, kind: i.kind })),
        hasQuestions: currentQuestions(db, exchange).length > 0,
        preparationOpen: preparationOpen(e, today),
      };
    });
  return { researcher: false as const, next: [], invited };
}

export type ExchangeHomePanelData = ReturnType<typeof exchangeHomePanel>;

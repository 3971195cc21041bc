// /exchanges: for researchers every exchange by project and series; for the invited the
// exchanges of their project and audience, upcoming first, with their own reply.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/permissions.server";
import { listProjects } from "~/projects/projects.server";
import { placementOf } from "./access.server";
import { isUpcoming, listAllExchanges, listInvitedExchanges } from "./exchanges.server";
import { preparationOpen } from "./participation.server";
import { todayInNorway } from "./timing";

export async function loadListPage({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const { db } = context;
  if (user.role === "researcher") {
    return {
      researcher: true as const,
      exchanges: listAllExchanges(db),
      projects: listProjects(db).map((p) => ({ id: p.id, slug: p.slug, title: p.title })),
      upcoming: [],
      earlier: [],
      placed: true,
    };
  }
  const placement = placementOf(db, user);
  const today = todayInNorway();
  const mine = placement ? listInvitedExchanges(db, placement, user.id).map((e) => ({ ...e, preparationOpen: preparationOpen(e, today) })) : [];
  return {
    researcher: false as const,
    exchanges: [],
    projects: [],
    upcoming: mine.filter((e) => isUpcoming(e, today)),
    earlier: mine.filter((e) => !isUpcoming(e, today)).reverse(),
    placed: !!placement,
  };
}

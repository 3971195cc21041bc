// The fresh links of a batch as CSV (number; code; link), for the job specialist only, while
// they are still held in memory.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireRole } from "~/auth/permissions.server";
import { getTranslator } from "~/i18n/locale.server";
import { freshBatch, linksCsv } from "~/survey/links.server";
import { getWaveForSpecialist } from "~/survey/waves.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, "job_specialist");
  const wave = getWaveForSpecialist(context.db, Number(params.id), user);
  const batch = wave ? freshBatch(context.db, params.batch ?? "", wave.id, user.id) : undefined;
  if (!wave || !batch || !batch.links) throw notFound();
  const { t } = await getTranslator(request, context);
  const csv = linksCsv(batch.links, { number: t("survey.links.number"), code: t("survey.links.code"), link: t("survey.links.link") });
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="lenker-${batch.issuedOn}-${batch.id.slice(0, 6)}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}

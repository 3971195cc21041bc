import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireResearcher } from "~/auth/permissions.server";
import { useLocale, useT } from "~/utils/i18n";
import { titled } from "~/utils/meta";

export const meta = titled("nav.instruments");

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireResearcher(request, context);
  return {
    instruments: context.codebook.latest().map((i) => ({
      id: i.id,
      version: i.version,
      title: i.title,
      description: i.description,
      variables: i.variables.length,
      source: i.source,
    })),
  };
}

export default function Instruments() {
  const t = useT();
  const locale = useLocale();
  const { instruments } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("nav.instruments")}</h1>
      <p className="lead">{t("instrumentsPage.lead")}</p>
      <ul className="cards">
        {instruments.map((i) => (
          <li key={i.id} className="card">
            <h2>
              <Link to={`/instruments/${i.id}`}>{i.title[locale]}</Link>
            </h2>
            <p>{i.description[locale]}</p>
            <p className="muted">{t("instrumentsPage.meta", { version: i.version, variables: i.variables, source: i.source })}</p>
          </li>
        ))}
      </ul>
    </>
  );
}

import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listPeople } from "~/accounts/accounts.server";
import { requireResearcher } from "~/auth/permissions.server";
import { useT } from "~/utils/i18n";
import { titled } from "~/utils/meta";
import { TableScroll } from "~/components/TableScroll";

export const meta = titled("people.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireResearcher(request, context);
  return { people: listPeople(context.db) };
}

export default function People() {
  const t = useT();
  const { people } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("people.title")}</h1>
      <p>
        <Link className="button" to="/people/new">
          {t("people.invite")}
        </Link>
      </p>
      <TableScroll label={t("people.title")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("field.name")}</th>
              <th scope="col">{t("account.role")}</th>
              <th scope="col">{t("people.unit")}</th>
              <th scope="col">{t("people.status")}</th>
            </tr>
          </thead>
          <tbody>
            {people.map((p) => (
              <tr key={p.id}>
                <td>
                  <Link to={`/people/${p.id}`}>{p.name}</Link>
                  <br />
                  <span className="muted">{p.email}</span>
                </td>
                <td>{t(`role.${p.role}`)}</td>
                <td>{p.caseProject ?? p.organisation ?? ""}</td>
                <td>{!p.active ? t("people.deactivated") : p.invitationPending ? t("people.pending") : t("people.active")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}

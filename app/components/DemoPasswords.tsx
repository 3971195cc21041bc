import { useT } from "~/utils/i18n";
import { TableScroll } from "./TableScroll";

/** The demo accounts made just now, with passwords shown this once. */
export function DemoPasswords({ accounts }: { accounts: { name: string; email: string; role: string; password: string }[] }) {
  const t = useT();
  if (!accounts.length) return null;
  return (
    <section className="notice notice--ok" aria-labelledby="demo-passwords">
      <h2 id="demo-passwords">{t("home.demoLoaded")}</h2>
      <p>{t("home.demoPasswordsOnce")}</p>
      <TableScroll label={t("home.demoLoaded")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("field.name")}</th>
              <th scope="col">{t("field.email")}</th>
              <th scope="col">{t("field.password")}</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => (
              <tr key={a.email}>
                <td>{a.name}</td>
                <td>{a.email}</td>
                <td>
                  <code>{a.password}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

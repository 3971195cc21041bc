import { useT } from "~/utils/i18n";
import { titled } from "~/utils/meta";

export const meta = titled("privacy.title");

// Public page: no loader, nothing to authorise.
export default function Privacy() {
  const t = useT();
  return (
    <article className="narrow-text">
      <h1>{t("privacy.title")}</h1>
      <p>{t("privacy.p1")}</p>
      <h2>{t("privacy.h.accounts")}</h2>
      <p>{t("privacy.p2")}</p>
      <h2>{t("privacy.h.logs")}</h2>
      <p>{t("privacy.p3")}</p>
      <h2>{t("privacy.h.survey")}</h2>
      <p>{t("privacy.p4")}</p>
      <h2>{t("privacy.h.exports")}</h2>
      <p>{t("privacy.p5")}</p>
      <h2>{t("privacy.h.rights")}</h2>
      <p>{t("privacy.p6")}</p>
    </article>
  );
}

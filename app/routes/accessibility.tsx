import { useT } from "~/utils/i18n";
import { titled } from "~/utils/meta";

export const meta = titled("a11y.title");

// Public page: no loader, nothing to authorise.
export default function Accessibility() {
  const t = useT();
  return (
    <article className="narrow-text">
      <h1>{t("a11y.title")}</h1>
      <p>{t("a11y.p1")}</p>
      <p>{t("a11y.p2")}</p>
      <p>{t("a11y.p3")}</p>
      <p>{t("a11y.p4")}</p>
    </article>
  );
}

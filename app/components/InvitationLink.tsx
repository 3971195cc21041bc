import { useT } from "~/utils/i18n";
import { CopyButton } from "./CopyButton";

/** A one-time link to copy into one's own e-mail or chat: no mail server is needed. */
export function InvitationLink({ name, link }: { name: string; link: string }) {
  const t = useT();
  return (
    <section className="notice notice--ok" aria-labelledby="invitation-link" role="status">
      <h2 id="invitation-link">{t("people.linkReady", { name })}</h2>
      <p>{t("people.linkHint")}</p>
      <p className="copy-box" id="invitation-link-text" data-testid="invitation-link">
        {link}
      </p>
      <CopyButton target="invitation-link-text" label={t("people.copyLink")} />
    </section>
  );
}

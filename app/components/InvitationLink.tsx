import { useT } from "~/utils/i18n";

/** A one-time link to copy into one's own e-mail or chat: no mail server is needed. */
export function InvitationLink({ name, link }: { name: string; link: string }) {
  const t = useT();
  return (
    <section className="notice notice--ok" aria-labelledby="invitation-link" role="status">
      <h2 id="invitation-link">{t("people.linkReady", { name })}</h2>
      <p>{t("people.linkHint")}</p>
      <p className="copy-box" data-testid="invitation-link">
        {link}
      </p>
    </section>
  );
}

// The identifier warning: what was found, in the author's language. A warning, never a block.
import { Link } from "@remix-run/react";
import type { MessageKey } from "~/i18n/catalog";
import { useT } from "~/utils/i18n";
import type { Finding, FindingKind } from "./identifiers";

const kindKey: Record<FindingKind, MessageKey> = {
  nationalId: "logs.findings.nationalId",
  phone: "logs.findings.phone",
  email: "logs.findings.email",
  name: "logs.findings.name",
  singleParticipant: "logs.findings.singleParticipant",
  personName: "logs.findings.personName",
};

export function findingKindKey(kind: string): MessageKey | null {
  return kind in kindKey ? kindKey[kind as FindingKind] : null;
}

export function FindingsList({ findings }: { findings: readonly Finding[] }) {
  const t = useT();
  return (
    <ul className="log-findings__list">
      {findings.map((f) => (
        <li key={`${f.kind}:${f.match}`}>
          {`${t(kindKey[f.kind])}: «${f.match}»`}
        </li>
      ))}
    </ul>
  );
}

/** After a save: the note is stored, and this is what may identify someone in it. */
export function FindingsNotice({ findings, editHref }: { findings: readonly Finding[]; editHref: string | null }) {
  const t = useT();
  if (!findings.length) return null;
  return (
    <div className="notice notice--warn log-findings" role="alert">
      <p>
        <strong>{t("logs.findings.title")}</strong> {t("logs.findings.savedAnyway")}
      </p>
      <FindingsList findings={findings} />
      <p>{t("logs.findings.advice")}</p>
      {editHref ? (
        <p>
          <Link to={editHref}>{t("logs.findings.edit")}</Link>
        </p>
      ) : null}
    </div>
  );
}

/** The short flag on a note in a list. */
export function FlagTags({ flags }: { flags: readonly string[] }) {
  const t = useT();
  const keys = flags.map(findingKindKey).filter((k): k is MessageKey => k !== null);
  if (!keys.length) return null;
  return (
    <p className="log-flag">
      {t("logs.findings.flagged")}: {keys.map((k) => t(k).toLocaleLowerCase()).join(", ")}
    </p>
  );
}

// The note form: the seven columns of Tabell 5 rendered from the codebook by InstrumentFields,
// a hidden draft key, and the autosave status. Without JavaScript it is a plain form whose every
// submit saves (a valid note, or the draft); with it, the text is also saved as it is typed.
import { Form, useNavigate, useRevalidator } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import { InstrumentFields } from "~/instruments/InstrumentForm";
import type { FormResultLike } from "~/instruments/form-values";
import type { Answers, FormInstrument } from "~/instruments/types";
import { useLocale, useT } from "~/utils/i18n";
import { useDraftAutosave, type AutosaveState } from "./autosave";
import { FindingsList } from "./FindingsNotice";
import { logShape } from "./instrument";

export interface NoteFormProps {
  readonly instrument: FormInstrument;
  readonly userId: number;
  readonly draftKey: string;
  readonly noteId: number | null;
  /** The month page the form is on (where "save draft" returns to). */
  readonly month?: string;
  /** What to show in the fields: the last rejected submit, or a draft (field values). */
  readonly lastResult?: FormResultLike | null;
  readonly defaultAnswers?: Answers | null;
  readonly submitLabel: string;
  /** Nothing typed is shown yet (no draft): a draft left in this browser may take its place. */
  readonly fresh?: boolean;
  /** Heading level of the instrument's section title. */
  readonly headingLevel?: 2 | 3;
  readonly children?: ReactNode;
}

function Status({ state }: { state: AutosaveState }) {
  const t = useT();
  let text = "";
  switch (state.status) {
    case "pending":
    case "saving":
      text = t("logs.autosave.saving");
      break;
    case "saved":
      text = state.savedAt ? t("logs.autosave.saved", { time: state.savedAt }) : t("logs.autosave.savedNow");
      break;
    case "offline":
      text = t("logs.autosave.offline");
      break;
    case "unauthenticated":
      text = t("logs.autosave.unauthenticated");
      break;
    case "already-saved":
      text = t("logs.autosave.alreadySaved");
      break;
    case "locked":
      text = t("logs.autosave.locked");
      break;
    case "error":
      text = t("logs.autosave.error");
      break;
    default:
      text = "";
  }
  return (
    <>
      <p className="log-autosave" role="status" data-status={state.status}>
        {state.restored ? `${t("logs.autosave.restored")} ` : ""}
        {state.recovered ? `${t("logs.autosave.recovered", { count: state.recovered })} ` : ""}
        {text}
      </p>
      {state.findings.length ? (
        <div className="notice notice--warn log-findings" role="status">
          <p>{t("logs.findings.live")}</p>
          <FindingsList findings={state.findings} />
        </div>
      ) : null}
    </>
  );
}

export function NoteForm({ instrument, userId, draftKey, noteId, month, lastResult, defaultAnswers, submitLabel, fresh = false, headingLevel = 2, children }: NoteFormProps) {
  const t = useT();
  const locale = useLocale();
  const formRef = useRef<HTMLFormElement>(null);
  const fields = useRef(logShape(instrument).fields).current;
  const state = useDraftAutosave(formRef, { userId, draftKey, noteId, fields, enabled: true });
  const navigate = useNavigate();
  const revalidator = useRevalidator();
  // Drafts this browser kept (typed offline, or after the session ended) are on the server now:
  // an empty form takes the newest of them; otherwise they appear in the list of drafts.
  const recovered = state.recoveredKeys[0];
  useEffect(() => {
    if (!recovered) return;
    if (fresh && !state.restored && noteId === null) navigate(`/log?month=${month ?? ""}&draft=${recovered}`, { replace: true });
    else revalidator.revalidate();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [recovered]);
  const formErrors = (lastResult?.error?.[""] as string[] | undefined) ?? [];
  const loginAgain = `/login?redirectTo=${encodeURIComponent(noteId ? `/log/notes/${noteId}` : `/log?draft=${draftKey}`)}`;
  return (
    <Form method="post" noValidate className="inst-form log-note-form" ref={formRef} data-draft-key={draftKey}>
      <input type="hidden" name="draftKey" value={draftKey} />
      {noteId ? <input type="hidden" name="noteId" value={noteId} /> : null}
      {month ? <input type="hidden" name="month" value={month} /> : null}
      {formErrors.length ? (
        <div className="form-error" role="alert">
          {formErrors.map((e) => (
            <p key={e}>{e}</p>
          ))}
        </div>
      ) : null}
      <InstrumentFields instrument={instrument} locale={locale} lastResult={lastResult ?? undefined} defaultAnswers={defaultAnswers ?? undefined} headingLevel={headingLevel} />
      <Status state={state} />
      {state.sessionEnded ? (
        <p>
          <a href={loginAgain}>{t("logs.autosave.loginAgain")}</a>
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" name="intent" value="save-note">
          {submitLabel}
        </button>
        <button type="submit" name="intent" value="save-draft" className="button--secondary">
          {t("logs.form.saveDraft")}
        </button>
        {children}
      </div>
    </Form>
  );
}

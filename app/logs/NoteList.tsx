// Notes as readable blocks: date and SE step as the heading, then the free-text columns of
// Tabell 5 under their labels. Used by the month page, «Mine refleksjoner», the printable page
// and the researchers' reading pages.
import type { ReactNode } from "react";
import { DateText } from "~/components/DateTime";
import { pick } from "~/i18n/locale";
import { SE_STEPS } from "~/instruments/se-steps";
import type { AnswerValue, FormInstrument } from "~/instruments/types";
import { useLocale, useT } from "~/utils/i18n";
import { FlagTags } from "./FindingsNotice";
import { logShape } from "./instrument";

export interface NoteView {
  readonly id: number;
  readonly date: string;
  readonly step: number;
  readonly answers: Readonly<Record<string, AnswerValue>>;
  readonly flags?: readonly string[];
}

export function StepName({ step }: { step: number }) {
  const locale = useLocale();
  const option = SE_STEPS.find((s) => s.code === step);
  return <>{option ? pick(option.label, locale) : step}</>;
}

export function NoteArticle({
  note,
  instrument,
  headingLevel = 3,
  byline,
  actions,
}: {
  note: NoteView;
  instrument: FormInstrument;
  headingLevel?: 2 | 3 | 4;
  byline?: ReactNode;
  actions?: ReactNode;
}) {
  const locale = useLocale();
  const shape = logShape(instrument);
  const H = `h${headingLevel}` as "h3";
  return (
    <article className="log-note" aria-labelledby={`note-${note.id}`}>
      <H id={`note-${note.id}`} className="log-note__title">
        <span className="log-note__date">
          <DateText date={note.date} />
        </span>
        <span className="log-note__step">
          <StepName step={note.step} />
        </span>
      </H>
      {byline ? <p className="log-note__byline">{byline}</p> : null}
      <dl className="log-note__answers">
        {shape.texts.map((x) => {
          const value = note.answers[x.name];
          if (value === null || value === undefined || value === "") return null;
          return (
            <div key={x.name} className="log-note__answer">
              <dt>{pick(x.label, locale)}</dt>
              <dd>{String(value)}</dd>
            </div>
          );
        })}
      </dl>
      {note.flags?.length ? <FlagTags flags={note.flags} /> : null}
      {actions ? <div className="log-note__actions">{actions}</div> : null}
    </article>
  );
}

export function EmptyNotes({ children }: { children?: ReactNode }) {
  const t = useT();
  return <p className="muted">{children ?? t("logs.notes.none")}</p>;
}

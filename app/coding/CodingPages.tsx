// The coding pages (routes coding.*): plain forms that work without JavaScript, every control
// labelled, errors next to their fields with what was typed kept.
import { Form, Link } from "@remix-run/react";
import { useEffect, useState, type ReactNode } from "react";
import { TableScroll } from "~/components/TableScroll";
import { DateText, TimeText } from "~/components/DateTime";
import { useLocale, useT } from "~/utils/i18n";
import { formatMonth } from "~/i18n/dates";
import type { loadAgreement, loadCodePage, loadCodingHome, loadNewRound, loadNotesPage, loadRound } from "./pages.server";
import type { loadAnswerCoding, loadTranscriptCoding } from "./units.server";

type Home = Awaited<ReturnType<typeof loadCodingHome>>;
type CodePage = Awaited<ReturnType<typeof loadCodePage>>;
type NotesPage = Awaited<ReturnType<typeof loadNotesPage>>;
type NewRound = Awaited<ReturnType<typeof loadNewRound>>;
type RoundPage = Awaited<ReturnType<typeof loadRound>>;
type AgreementPage = Awaited<ReturnType<typeof loadAgreement>>;
type TranscriptPage = Awaited<ReturnType<typeof loadTranscriptCoding>>;
type AnswersPage = Awaited<ReturnType<typeof loadAnswerCoding>>;
export interface UnitResult {
  readonly passageError?: { key: string; message: string };
  readonly memoError?: MemoError;
}
export interface FormResult {
  readonly intent?: string;
  readonly typed?: Record<string, string | string[]>;
  readonly errors?: Partial<Record<string, string>>;
}

function Field({ id, label, error, children, hint }: { id: string; label: string; error?: string; hint?: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      {children}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

const withQuery = (path: string, query: string) => (query ? `${path}?${query}` : path);

const described = (id: string, error?: string) => (error ? { "aria-describedby": `${id}-error`, "aria-invalid": true as const } : {});

/** The fields of a code, for creating one or editing it. */
function CodeFields({ values, errors, parents, self }: { values: Record<string, string>; errors: Partial<Record<string, string>>; parents: readonly { id: number; name: string; depth: number }[]; self?: number }) {
  const t = useT();
  return (
    <>
      <Field id="code-name" label={t("coding.field.name")} error={errors.name}>
        <input id="code-name" name="name" defaultValue={values.name ?? ""} maxLength={200} required {...described("code-name", errors.name)} />
      </Field>
      <Field id="code-parent" label={t("coding.field.parent")} error={errors.parentId}>
        <select id="code-parent" name="parentId" defaultValue={values.parentId ?? ""} {...described("code-parent", errors.parentId)}>
          <option value="">{t("coding.field.topLevel")}</option>
          {parents
            .filter((p) => p.id !== self)
            .map((p) => (
              <option key={p.id} value={p.id}>
                {"– ".repeat(p.depth)}
                {p.name}
              </option>
            ))}
        </select>
      </Field>
      {(["definition", "inclusion", "exclusion", "example"] as const).map((f) => (
        <Field key={f} id={`code-${f}`} label={t(`coding.field.${f}`)} error={errors[f]}>
          <textarea id={`code-${f}`} name={f} rows={f === "definition" ? 3 : 2} defaultValue={values[f] ?? ""} {...described(`code-${f}`, errors[f])} />
        </Field>
      ))}
      <Field id="code-colour" label={t("coding.field.colour")} error={errors.colour}>
        <input id="code-colour" name="colour" type="color" defaultValue={values.colour || "#1f5c7a"} {...described("code-colour", errors.colour)} />
      </Field>
      <div className="field field--check">
        <input type="checkbox" id="code-co" name="coResearchers" defaultChecked={values.coResearchers === "on"} />
        <label htmlFor="code-co">{t("coding.field.coResearchers")}</label>
      </div>
    </>
  );
}

export function CodingHome({ page, result }: { page: Home; result: FormResult | undefined }) {
  const t = useT();
  const typed = (result?.typed ?? {}) as Record<string, string>;
  return (
    <>
      <h1>{t("coding.title")}</h1>
      <p className="lead">{page.researcher ? t("coding.lead.researcher") : t("coding.lead.coResearcher")}</p>
      {page.project.choices.length > 1 ? (
        <ChoiceFilter id="coding-project" name="project" label={t("coding.project")} value={page.project.slug} options={page.project.choices.map((p) => ({ value: p.slug, label: p.title }))} />
      ) : null}
      <section aria-labelledby="material-heading">
        <h2 id="material-heading">{t("coding.material")}</h2>
        <ul>
          <li>
            <Link to={withQuery("/coding/notes", page.project.query)}>{page.researcher ? t("coding.notes.linkResearcher") : t("coding.notes.linkOwn")}</Link>
          </li>
        </ul>
        <h3>{t("coding.transcripts")}</h3>
        {page.transcripts.length === 0 ? (
          <p className="muted">{page.researcher ? t("coding.transcripts.noneResearcher") : t("coding.transcripts.noneOwn")}</p>
        ) : (
          <ul>
            {page.transcripts.map((x) => (
              <li key={x.id}>
                <Link to={`/coding/transcripts/${x.id}`}>{x.title}</Link> <span className="muted">(<DateText date={x.date} />)</span>
                {page.researcher && x.coResearchers ? <span className="tag">{t("coding.transcripts.openTag")}</span> : null}
              </li>
            ))}
          </ul>
        )}
        {page.researcher ? (
          <>
            <h3>{t("coding.answers")}</h3>
            {page.waves.length === 0 ? (
              <p className="muted">{t("coding.answers.none")}</p>
            ) : (
              <ul>
                {page.waves.map((w) => (
                  <li key={w.id}>
                    <Link to={`/coding/answers/${w.id}`}>{w.title}</Link>
                  </li>
                ))}
              </ul>
            )}
          </>
        ) : null}
      </section>
      <section aria-labelledby="codebook-heading">
        <h2 id="codebook-heading">{t("coding.codebook")}</h2>
        {page.tree.length === 0 ? (
          <p className="muted">{t("coding.codebook.none")}</p>
        ) : (
          <ul className="code-tree">
            {page.tree.map((c) => (
              <li key={c.id} className={`code-tree__depth-${Math.min(c.depth, 3)}`}>
                <svg width="12" height="12" aria-hidden="true" focusable="false">
                  <rect width="12" height="12" fill={c.colour} />
                </svg>{" "}
                {page.researcher ? <Link to={`/coding/codes/${c.id}`}>{c.name}</Link> : <strong>{c.name}</strong>}
                {c.retiredAt !== null ? <span className="tag">{t("coding.retired")}</span> : null}
                {page.researcher && c.coResearchers ? <span className="tag">{t("coding.coResearcherTag")}</span> : null}
                {page.researcher ? <span className="muted"> · {t("coding.uses", { count: c.uses })}</span> : null}
                {c.definition ? <p className="hint">{c.definition}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      {page.researcher ? (
        <section aria-labelledby="new-code-heading" className="card">
          <h2 id="new-code-heading">{t("coding.new")}</h2>
          <Form method="post">
            <input type="hidden" name="intent" value="create" />
            <CodeFields values={typed} errors={result?.errors ?? {}} parents={page.tree.filter((c) => c.retiredAt === null)} />
            <button type="submit">{t("coding.new.submit")}</button>
          </Form>
        </section>
      ) : null}
      <section aria-labelledby="rounds-heading">
        <h2 id="rounds-heading">{t("coding.rounds")}</h2>
        <p>{t("coding.rounds.lead")}</p>
        {page.rounds.length === 0 ? <p className="muted">{t("coding.rounds.none")}</p> : null}
        <ul>
          {page.rounds.map((r) => (
            <li key={r.id}>
              {r.mine ? <Link to={`/coding/rounds/${r.id}`}>{r.title}</Link> : r.title} <span className="muted">({t("coding.rounds.size", { notes: r.notes, coders: r.coders })})</span>
              {page.researcher ? (
                <>
                  {" "}
                  · <Link to={`/coding/rounds/${r.id}/agreement`}>{t("coding.agreement.link", { title: r.title })}</Link>
                </>
              ) : null}
            </li>
          ))}
        </ul>
        {page.researcher ? <Link to={withQuery("/coding/rounds/new", page.project.query)}>{t("coding.rounds.new")}</Link> : null}
      </section>
    </>
  );
}

export function CodePageView({ page, result }: { page: CodePage; result: FormResult | undefined }) {
  const t = useT();
  const c = page.code;
  const errors = result?.errors ?? {};
  const typed = (result?.typed ?? {}) as Record<string, string>;
  const values = result?.intent === "edit" ? typed : { name: c.name, parentId: c.parentId ? String(c.parentId) : "", definition: c.definition, inclusion: c.inclusion, exclusion: c.exclusion, example: c.example, colour: c.colour, coResearchers: c.coResearchers ? "on" : "" };
  return (
    <>
      <h1>{c.name}</h1>
      {page.saved ? (
        <p className="notice notice--ok" role="status">
          {t(`coding.saved.${page.saved === "created" || page.saved === "edited" || page.saved === "retired" || page.saved === "restored" || page.saved === "merged" || page.saved === "split" ? page.saved : "memo"}`)}
        </p>
      ) : null}
      <p>
        {t("coding.uses", { count: c.uses })}
        {c.retiredAt !== null ? ` · ${t("coding.retired")}` : ""}
        {page.mergedInto ? ` · ${t("coding.mergedInto", { name: page.mergedInto })}` : ""}
      </p>
      <section aria-labelledby="edit-heading" className="card">
        <h2 id="edit-heading">{t("coding.edit")}</h2>
        <Form method="post">
          <input type="hidden" name="intent" value="edit" />
          <CodeFields values={values} errors={result?.intent === "edit" ? errors : {}} parents={page.others} self={c.id} />
          <button type="submit">{t("coding.edit.submit")}</button>
        </Form>
      </section>
      <section aria-labelledby="merge-heading" className="card">
        <h2 id="merge-heading">{t("coding.merge")}</h2>
        <p className="hint">{t("coding.merge.lead")}</p>
        <Form method="post">
          <input type="hidden" name="intent" value="merge" />
          <Field id="merge-into" label={t("coding.merge.into")} error={result?.intent === "merge" ? errors.into : undefined}>
            <select id="merge-into" name="into" defaultValue="" {...described("merge-into", result?.intent === "merge" ? errors.into : undefined)}>
              <option value="">{t("coding.merge.choose")}</option>
              {page.others.map((o) => (
                <option key={o.id} value={o.id}>
                  {"– ".repeat(o.depth)}
                  {o.name}
                </option>
              ))}
            </select>
          </Field>
          <button type="submit">{t("coding.merge.submit")}</button>
        </Form>
      </section>
      <section aria-labelledby="split-heading" className="card">
        <h2 id="split-heading">{t("coding.split")}</h2>
        <p className="hint">{t("coding.split.lead")}</p>
        <Form method="post">
          <input type="hidden" name="intent" value="split" />
          <Field id="split-names" label={t("coding.split.names")} error={result?.intent === "split" ? errors.names : undefined}>
            <textarea id="split-names" name="names" rows={3} defaultValue={result?.intent === "split" ? typed.names : ""} {...described("split-names", result?.intent === "split" ? errors.names : undefined)} />
          </Field>
          <button type="submit">{t("coding.split.submit")}</button>
        </Form>
      </section>
      <Form method="post">
        <input type="hidden" name="intent" value={c.retiredAt === null ? "retire" : "restore"} />
        <button type="submit" className="secondary">
          {c.retiredAt === null ? t("coding.retire") : t("coding.restore")}
        </button>
      </Form>
      <section aria-labelledby="memos-heading">
        <h2 id="memos-heading">{t("coding.memos")}</h2>
        <ul>
          {page.memos.map((m) => (
            <li key={m.id}>
              <p>{m.text}</p>
              <p className="muted">
                {m.author}, <TimeText at={m.at} />
              </p>
            </li>
          ))}
        </ul>
        <Form method="post">
          <input type="hidden" name="intent" value="memo" />
          <Field id="memo" label={t("coding.memo.new")} error={result?.intent === "memo" ? errors.memo : undefined}>
            <textarea id="memo" name="memo" rows={3} defaultValue={result?.intent === "memo" ? typed.memo : ""} {...described("memo", result?.intent === "memo" ? errors.memo : undefined)} />
          </Field>
          <button type="submit">{t("coding.memo.submit")}</button>
        </Form>
      </section>
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t("coding.history")}</h2>
        <ol>
          {page.history.map((h) => (
            <li key={h.id}>
              <TimeText at={h.at} />: {t(`coding.event.${h.kind}`, { actor: h.actor })}
            </li>
          ))}
        </ol>
      </section>
      <p>
        <Link to="/coding">{t("coding.back")}</Link>
      </p>
    </>
  );
}

function NoteText({ note }: { note: { date: string; fields: readonly { name: string; label: string; text: string }[] } }) {
  return (
    <>
      <p className="muted">
        <DateText date={note.date} />
      </p>
      <dl className="note-fields">
        {note.fields.map((f) => (
          <div key={f.name}>
            <dt>{f.label}</dt>
            <dd>{f.text}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

/** A form that shows the page for another choice (a project, a month): works without JavaScript. */
function ChoiceFilter({ id, name, label, value, options, hidden = {} }: { id: string; name: string; label: string; value: string; options: readonly { value: string; label: string }[]; hidden?: Record<string, string> }) {
  const t = useT();
  return (
    <Form method="get" className="filters">
      <Hidden values={hidden} />
      <label htmlFor={id}>{label}</label>{" "}
      <select id={id} name={name} defaultValue={value}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>{" "}
      <button type="submit" className="secondary">
        {t("coding.notes.show")}
      </button>
    </Form>
  );
}

/** «Saved.» after a form's button, once the form was saved. */
function Saved({ shown }: { shown: boolean }) {
  const t = useT();
  return shown ? (
    <span role="status" className="muted">
      {" "}
      {t("coding.notes.saved")}
    </span>
  ) : null;
}

/** Hidden inputs that name the unit a form is about. */
function Hidden({ values }: { values: Record<string, string> }) {
  return (
    <>
      {Object.entries(values).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

type CodeChoice = { readonly id: number; readonly name: string };

/** One unit (a note, a turn, an answer) with a checkbox per code: whole-unit coding, one form per unit. */
function CodeUnitForm({ id, heading, hidden, codes, applied, legend, saved, body, children }: { id: string; heading: string; hidden: Record<string, string>; codes: readonly CodeChoice[]; applied: readonly number[]; legend: string; saved: boolean; body: ReactNode; children?: ReactNode }) {
  const t = useT();
  return (
    <article id={id} className="card" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{heading}</h3>
      {body}
      <Form method="post" preventScrollReset>
        <input type="hidden" name="intent" value="code" />
        <Hidden values={hidden} />
        <fieldset>
          <legend>{legend}</legend>
          {codes.map((c) => (
            <div key={c.id} className="field--check">
              <input type="checkbox" id={`${id}-c${c.id}`} name="code" value={c.id} defaultChecked={applied.includes(c.id)} />
              <label htmlFor={`${id}-c${c.id}`}>{c.name}</label>
            </div>
          ))}
        </fieldset>
        <button type="submit">{t("coding.notes.save")}</button>
        <Saved shown={saved} />
      </Form>
      {children}
    </article>
  );
}

/** Code points before a UTF-16 offset: what the server counts in. */
const codePoints = (text: string, offset: number) => [...text.slice(0, offset)].length;

type PassageView = { id: number; field: string; code: string; text: string; memos: readonly { id: number; text: string; author: string; at: number }[] };
export type MemoError = { codingId: number; typed: string; message: string };

/** The memos on a passage and a form for another (a disclosure widget, so it works without JavaScript). */
function PassageMemos({ passage, hidden, error }: { passage: PassageView; hidden: Record<string, string>; error: MemoError | null }) {
  const t = useT();
  const id = `memo-${passage.id}`;
  const short = passage.text.length > 60 ? `${passage.text.slice(0, 59)}…` : passage.text;
  return (
    <>
      {passage.memos.length ? (
        <ul className="plain memos">
          {passage.memos.map((m) => (
            <li key={m.id}>
              {m.text}{" "}
              <span className="muted">
                ({m.author}, <TimeText at={m.at} />)
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      <details id={id} open={!!error}>
        <summary>{t("coding.passageMemo.summary", { count: passage.memos.length })}</summary>
        <Form method="post" preventScrollReset>
          <input type="hidden" name="intent" value="memo" />
          <input type="hidden" name="codingId" value={passage.id} />
          <Hidden values={hidden} />
          <Field id={`${id}-text`} label={t("coding.passageMemo.label", { text: short })} error={error?.message}>
            <textarea id={`${id}-text`} name="memo" rows={2} defaultValue={error?.typed ?? ""} {...described(`${id}-text`, error?.message)} />
          </Field>
          <button type="submit" className="secondary">
            {t("coding.passageMemo.submit")}
          </button>
        </Form>
      </details>
    </>
  );
}

/**
 * Passages of a unit: those coded (each can be removed and given memos, without JavaScript too)
 * and, with JavaScript, a way to code a passage: the unit's fields as read-only text boxes where a
 * passage is marked with the mouse or with Shift and the arrow keys, a code, and a button.
 */
function Passages({ id, hidden, fields, passages, codes, error, memoError, memos = true }: { id: string; hidden: Record<string, string>; fields: readonly { name: string; label: string; text: string }[]; passages: readonly PassageView[]; codes: readonly CodeChoice[]; error: string | null; memoError: MemoError | null; memos?: boolean }) {
  const t = useT();
  const [hydrated, setHydrated] = useState(false);
  const [marked, setMarked] = useState<{ field: string; start: number; end: number; text: string } | null>(null);
  useEffect(() => setHydrated(true), []);
  const base = `${id}-passage`;
  return (
    <section aria-labelledby={`${base}-heading`}>
      <h4 id={`${base}-heading`}>{t("coding.passages")}</h4>
      {passages.length ? (
        <ul className="plain">
          {passages.map((g) => (
            <li key={g.id}>
              <Form method="post" preventScrollReset>
                <input type="hidden" name="intent" value="uncode" />
                <input type="hidden" name="codingId" value={g.id} />
                <Hidden values={hidden} />
                {`«${g.text}» — `}
                <strong>{g.code}</strong>
                {fields.length > 1 ? <span className="muted">{` (${fields.find((f) => f.name === g.field)?.label ?? ""})`}</span> : null}{" "}
                <button type="submit" className="link-button">
                  {t("coding.passages.remove", { code: g.code })}
                </button>
              </Form>
              {memos ? <PassageMemos passage={g} hidden={hidden} error={memoError?.codingId === g.id ? memoError : null} /> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t("coding.passages.none")}</p>
      )}
      {hydrated && codes.length ? (
        <Form method="post" preventScrollReset className="passage-coder">
          <input type="hidden" name="intent" value="passage" />
          <Hidden values={hidden} />
          <input type="hidden" name="field" value={marked?.field ?? ""} />
          <input type="hidden" name="start" value={marked?.start ?? ""} />
          <input type="hidden" name="end" value={marked?.end ?? ""} />
          <p className="hint" id={`${base}-hint`}>
            {t("coding.passages.hint")}
          </p>
          {fields.map((f) => (
            <div className="field" key={f.name}>
              <label htmlFor={`${base}-${f.name}`}>{f.label}</label>
              {/* Not readOnly: Chromium gives a read-only box no caret, so Shift and the arrow keys
                  could not mark text. The value is controlled and every edit is dropped. */}
              <textarea
                id={`${base}-${f.name}`}
                aria-readonly="true"
                onChange={() => undefined}
                spellCheck={false}
                rows={Math.min(6, Math.max(2, Math.ceil(f.text.length / 80)))}
                value={f.text}
                aria-describedby={`${base}-hint`}
                onSelect={(e) => {
                  const box = e.currentTarget;
                  const from = box.selectionStart;
                  const to = box.selectionEnd;
                  setMarked(to > from ? { field: f.name, start: codePoints(f.text, from), end: codePoints(f.text, to), text: f.text.slice(from, to) } : null);
                }}
              />
            </div>
          ))}
          <p role="status" className="muted">
            {marked ? t("coding.passages.marked", { text: marked.text.length > 80 ? `${marked.text.slice(0, 79)}…` : marked.text }) : t("coding.passages.nothing")}
          </p>
          <div className="field">
            <label htmlFor={`${base}-code`}>{t("coding.passages.code")}</label>
            <select id={`${base}-code`} name="code" defaultValue={codes[0]?.id}>
              {codes.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
          {error ? (
            <p className="field-error" role="alert">
              {error}
            </p>
          ) : null}
          <button type="submit" disabled={!marked}>
            {t("coding.passages.submit")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}

export function NotesView({ page, passageError, memoError }: { page: NotesPage; passageError?: { noteId: number; message: string } | null; memoError?: MemoError | null }) {
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <h1>{page.researcher ? t("coding.notes.titleResearcher") : t("coding.notes.titleOwn")}</h1>
      <ChoiceFilter
        id="notes-month"
        name="month"
        label={t("coding.notes.month")}
        value={page.month ?? ""}
        options={page.months.map((m) => ({ value: m, label: formatMonth(m, locale) }))}
        hidden={page.project.query ? { project: page.project.slug } : {}}
      />
      {page.codes.length === 0 ? <p className="notice">{t("coding.notes.noCodes")}</p> : null}
      {page.notes.length === 0 ? <p className="muted">{t("coding.notes.none")}</p> : null}
      {page.notes.map((n, i) => {
        const hidden = { noteId: String(n.id), ...(page.month ? { month: page.month } : {}) };
        return (
          <CodeUnitForm key={n.id} id={`note-${n.id}`} hidden={hidden} codes={page.codes} applied={n.applied} legend={t("coding.notes.codes")} saved={page.saved === String(n.id)} heading={t("coding.notes.note", { number: i + 1 })} body={<NoteText note={n} />}>
            <Passages id={`note-${n.id}`} hidden={hidden} fields={n.fields} passages={n.passages} codes={page.codes} error={passageError?.noteId === n.id ? passageError.message : null} memoError={memoError ?? null} />
          </CodeUnitForm>
        );
      })}
      <p>
        <Link to={page.project.query ? `/coding?${page.project.query}` : "/coding"}>{t("coding.back")}</Link>
      </p>
    </>
  );
}

export function NewRoundView({ page, result }: { page: NewRound; result: FormResult | undefined }) {
  const t = useT();
  const locale = useLocale();
  const typed = result?.typed ?? {};
  const errors = result?.errors ?? {};
  const list = (name: string) => (Array.isArray(typed[name]) ? (typed[name] as string[]) : []);
  return (
    <>
      <h1>{t("coding.rounds.new")}</h1>
      <p className="lead">{t("coding.rounds.newLead")}</p>
      <Form method="post">
        <Field id="round-title" label={t("coding.rounds.title")} error={errors.title}>
          <input id="round-title" name="title" defaultValue={(typed.title as string) ?? ""} {...described("round-title", errors.title)} />
        </Field>
        <Field id="round-month" label={t("coding.rounds.month")} error={errors.month}>
          <select id="round-month" name="month" defaultValue={(typed.month as string) ?? ""} {...described("round-month", errors.month)}>
            <option value="">{t("coding.rounds.chooseMonth")}</option>
            {page.months.map((m) => (
              <option key={m} value={m}>
                {formatMonth(m, locale)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="round-size" label={t("coding.rounds.sizeLabel")} error={errors.size}>
          <input id="round-size" name="size" type="number" min={2} max={200} defaultValue={(typed.size as string) ?? "30"} {...described("round-size", errors.size)} />
        </Field>
        <fieldset className="field" aria-describedby={errors.unit ? "round-unit-error" : "round-unit-hint"}>
          <legend>{t("coding.rounds.unit")}</legend>
          <span className="hint" id="round-unit-hint">
            {t("coding.rounds.unitHint")}
          </span>
          {(["record", "character"] as const).map((u) => (
            <div key={u} className="field--check">
              <input type="radio" id={`round-unit-${u}`} name="unit" value={u} defaultChecked={((typed.unit as string) || "record") === u} />
              <label htmlFor={`round-unit-${u}`}>{t(`coding.rounds.unit.${u}`)}</label>
            </div>
          ))}
          {errors.unit ? (
            <p className="field-error" id="round-unit-error">
              {errors.unit}
            </p>
          ) : null}
        </fieldset>
        <fieldset className="field" aria-describedby={errors.coders ? "round-coders-error" : undefined}>
          <legend>{t("coding.rounds.coders")}</legend>
          {page.people.map((p) => (
            <div key={p.id} className="field--check">
              <input type="checkbox" id={`coder-${p.id}`} name="coder" value={p.id} defaultChecked={list("coders").includes(String(p.id))} />
              <label htmlFor={`coder-${p.id}`}>
                {p.name} <span className="muted">({t(`coding.role.${p.role === "researcher" ? "researcher" : "jobSpecialist"}`)})</span>
              </label>
            </div>
          ))}
          {errors.coders ? (
            <p className="field-error" id="round-coders-error">
              {errors.coders}
            </p>
          ) : null}
        </fieldset>
        <fieldset className="field" aria-describedby={errors.codes ? "round-codes-error" : undefined}>
          <legend>{t("coding.rounds.codes")}</legend>
          {page.codes.map((c) => (
            <div key={c.id} className="field--check">
              <input type="checkbox" id={`rcode-${c.id}`} name="code" value={c.id} defaultChecked={list("codes").includes(String(c.id))} />
              <label htmlFor={`rcode-${c.id}`}>{c.name}</label>
            </div>
          ))}
          {errors.codes ? (
            <p className="field-error" id="round-codes-error">
              {errors.codes}
            </p>
          ) : null}
        </fieldset>
        <button type="submit">{t("coding.rounds.create")}</button>
      </Form>
    </>
  );
}

export function RoundView({ page, passageError }: { page: RoundPage; passageError?: { noteId: number; message: string } | null }) {
  const t = useT();
  const done = page.notes.filter((n) => n.done).length;
  const characters = page.round.unit === "character";
  return (
    <>
      <h1>{page.round.title}</h1>
      <p className="lead">{t("coding.round.lead")}</p>
      {characters ? <p>{t("coding.round.leadCharacters")}</p> : null}
      <p role="status">{t("coding.round.progress", { done, total: page.notes.length })}</p>
      {page.notes.map((n, i) => (
        <CodeUnitForm
          key={n.id}
          id={`note-${n.id}`}
          hidden={{ noteId: String(n.id) }}
          codes={page.codes}
          applied={n.applied}
          legend={characters ? t("coding.round.codesWhole") : t("coding.notes.codes")}
          saved={page.saved === String(n.id)}
          heading={`${t("coding.notes.note", { number: i + 1 })}${n.done ? ` (${t("coding.round.coded")})` : ""}`}
          body={<NoteText note={n} />}
        >
          {characters ? (
            <Passages id={`note-${n.id}`} hidden={{ noteId: String(n.id) }} fields={n.fields} passages={n.passages} codes={page.codes} error={passageError?.noteId === n.id ? passageError.message : null} memoError={null} memos={false} />
          ) : null}
        </CodeUnitForm>
      ))}
      {page.researcher ? (
        <p>
          <Link to={`/coding/rounds/${page.round.id}/agreement`}>{t("coding.agreement.link", { title: page.round.title })}</Link>
        </p>
      ) : null}
    </>
  );
}

function Figure({ value }: { value: number | null }) {
  const t = useT();
  return <>{value === null ? t("coding.agreement.undefined") : t("coding.agreement.value", { value })}</>;
}

export function AgreementView({ page }: { page: AgreementPage }) {
  const t = useT();
  return (
    <>
      <h1>{t("coding.agreement.title", { title: page.round.title })}</h1>
      <p className="lead">{page.round.unit === "character" ? t("coding.agreement.leadCharacters", { notes: page.round.notes, characters: page.units }) : t("coding.agreement.lead", { notes: page.round.notes })}</p>
      <ul>
        {page.coders.map((c) => (
          <li key={c.id}>{t("coding.agreement.coder", { name: c.name, done: c.done, total: page.round.notes })}</li>
        ))}
      </ul>
      <TableScroll label={t("coding.agreement.table")}>
        <table>
          <caption>{t("coding.agreement.table")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("coding.agreement.code")}</th>
              <th scope="col">{page.round.unit === "character" ? t("coding.agreement.characters") : t("coding.agreement.units")}</th>
              <th scope="col">{t("coding.agreement.percent")}</th>
              {page.twoCoders ? <th scope="col">{t("coding.agreement.kappa")}</th> : null}
              <th scope="col">{t("coding.agreement.alpha")}</th>
            </tr>
          </thead>
          <tbody>
            {page.perCode.map((c) => (
              <tr key={c.code}>
                <th scope="row">{c.code}</th>
                <td className="num">{c.units}</td>
                <td className="num">
                  <Figure value={c.percent} />
                </td>
                {page.twoCoders ? (
                  <td className="num">
                    <Figure value={c.kappa} />
                  </td>
                ) : null}
                <td className="num">
                  <Figure value={c.alpha} />
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("coding.agreement.overall")}</th>
              <td className="num">{page.overall.units}</td>
              <td className="num">
                <Figure value={page.overall.percent} />
              </td>
              {page.twoCoders ? (
                <td className="num">
                  <Figure value={page.overall.kappa} />
                </td>
              ) : null}
              <td className="num">
                <Figure value={page.overall.alpha} />
              </td>
            </tr>
          </tfoot>
        </table>
      </TableScroll>
      <p className="hint">{t("coding.agreement.explain")}</p>
      <section aria-labelledby="disagreements-heading">
        <h2 id="disagreements-heading">{t("coding.disagreements")}</h2>
        {page.disagreements.length === 0 ? <p className="muted">{t("coding.disagreements.none")}</p> : null}
        {page.disagreements.map((d, i) => (
          <article key={d.note.id} className="card" aria-labelledby={`dis-${d.note.id}`}>
            <h3 id={`dis-${d.note.id}`}>{t("coding.notes.note", { number: i + 1 })}</h3>
            <NoteText note={d.note} />
            {d.passages.length ? (
              <TableScroll label={t("coding.disagreements.passages", { number: i + 1 })}>
                <table>
                  <caption>{t("coding.disagreements.passages", { number: i + 1 })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("coding.disagreements.passage")}</th>
                      <th scope="col">{t("coding.agreement.code")}</th>
                      {page.coders.map((c) => (
                        <th key={c.id} scope="col">
                          {c.name}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {d.passages.map((g) => (
                      <tr key={g.key}>
                        <th scope="row">
                          {`«${g.text}»`} <span className="muted">({g.field})</span>
                        </th>
                        <td>{g.code}</td>
                        {g.coded.map((v, j) => (
                          <td key={page.coders[j].id}>{v === null ? t("coding.disagreements.notCoded") : v ? t("coding.disagreements.coded") : t("coding.disagreements.notThere")}</td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            ) : null}
            <TableScroll label={t("coding.disagreements.side", { number: i + 1 })}>
              <table>
                <thead>
                  <tr>
                    {d.byCoder.map((c) => (
                      <th key={c.coder} scope="col">
                        {c.coder}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  <tr>
                    {d.byCoder.map((c) => (
                      <td key={c.coder}>{!c.decided ? t("coding.disagreements.notCoded") : c.codes.length ? c.codes.join(", ") : t("coding.disagreements.noCodes")}</td>
                    ))}
                  </tr>
                </tbody>
              </table>
            </TableScroll>
          </article>
        ))}
      </section>
      <p>
        <Link to="/coding">{t("coding.back")}</Link>
      </p>
    </>
  );
}

/** A turn or an answer: its text, whole-unit coding, its passages. */
function UnitCard({ unit, codes, legend, saved, result }: { unit: TranscriptPage["units"][number]; codes: readonly CodeChoice[]; legend: string; saved: string | null; result: UnitResult | undefined }) {
  return (
    <CodeUnitForm id={unit.key} hidden={unit.hidden} codes={codes} applied={unit.applied} legend={legend} saved={saved === unit.key} heading={unit.label} body={<p className="unit-text">{unit.text}</p>}>
      <Passages
        id={unit.key}
        hidden={unit.hidden}
        fields={[{ name: "text", label: unit.label, text: unit.text }]}
        passages={unit.passages}
        codes={codes}
        error={result?.passageError?.key === unit.key ? result.passageError.message : null}
        memoError={result?.memoError ?? null}
      />
    </CodeUnitForm>
  );
}

export function TranscriptCodingView({ page, result }: { page: TranscriptPage; result: UnitResult | undefined }) {
  const t = useT();
  return (
    <>
      <h1>{t("coding.turns.title", { title: page.transcript.title })}</h1>
      <p className="lead">
        <DateText date={page.transcript.date} /> · {page.transcript.theme}
      </p>
      <p>{page.researcher ? t("coding.turns.leadResearcher") : t("coding.turns.leadOwn")}</p>
      {page.researcher ? (
        <Form method="post" className="card">
          <input type="hidden" name="intent" value="share" />
          <div className="field--check">
            <input type="checkbox" id="share-open" name="open" defaultChecked={page.transcript.coResearchers} />
            <label htmlFor="share-open">{t("coding.turns.share")}</label>
          </div>
          <button type="submit" className="secondary">
            {t("coding.turns.shareSave")}
          </button>
          <Saved shown={page.saved === "share"} />
        </Form>
      ) : null}
      {page.codes.length === 0 ? <p className="notice">{t("coding.notes.noCodes")}</p> : null}
      {page.units.map((u) => (
        <UnitCard key={u.key} unit={u} codes={page.codes} legend={t("coding.turns.codes")} saved={page.saved} result={result} />
      ))}
      <p>
        <Link to="/coding">{t("coding.back")}</Link>
      </p>
    </>
  );
}

export function AnswerCodingView({ page, result }: { page: AnswersPage; result: UnitResult | undefined }) {
  const t = useT();
  return (
    <>
      <h1>{t("coding.answersPage.title", { title: page.wave.title })}</h1>
      <p className="lead">{t("coding.answersPage.lead")}</p>
      {page.items.map((item) => (
        <section key={item.name} aria-labelledby={`item-${item.name}`}>
          <h2 id={`item-${item.name}`}>{item.label}</h2>
          {item.units.length === 0 ? <p className="muted">{t("coding.answersPage.none")}</p> : null}
          {item.units.map((u) => (
            <UnitCard key={u.key} unit={u} codes={page.codes} legend={t("coding.answersPage.codes")} saved={page.saved} result={result} />
          ))}
        </section>
      ))}
      <p>
        <Link to="/coding">{t("coding.back")}</Link>
      </p>
    </>
  );
}

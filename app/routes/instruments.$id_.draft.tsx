// Researchers: the draft of an instrument's next version — what changed against the latest
// published version, its preview and YAML, and publishing or discarding it.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { draftAction, loadDraftPage } from "~/instruments/versions-page.server";
import { useLocale, useT } from "~/utils/i18n";
import { titled } from "~/utils/meta";

export const meta = titled((t, data, locale) => `${t("instrumentsPage.draft")}: ${data?.draft?.title?.[locale] ?? ""}`);
export const loader = ({ request, context, params }: LoaderFunctionArgs) => loadDraftPage(request, context, params.id);
export const action = ({ request, context, params }: ActionFunctionArgs) => draftAction(request, context, params.id);

export default function InstrumentDraft() {
  const t = useT();
  const locale = useLocale();
  const { draft, previous, diff, pilots, candidates } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as { pilot?: { typed: { title: string; people: string[] }; errors: Record<string, string> }; discardError?: string } | undefined;
  const typed = result?.pilot?.typed;
  const errors = result?.pilot?.errors ?? {};
  const list = (heading: string, items: readonly { name: string; label: { nb: string; en: string }; what?: readonly string[] }[]) =>
    items.length ? (
      <>
        <h3>{heading}</h3>
        <ul>
          {items.map((i) => (
            <li key={i.name}>
              {`${i.label[locale]} (${i.name})`}
              {i.what ? <span className="muted">{`: ${i.what.join(", ")}`}</span> : null}
            </li>
          ))}
        </ul>
      </>
    ) : null;
  return (
    <>
      <p className="muted">{t("instrumentsPage.draft")}</p>
      <h1>{t("instrumentsPage.draftOf", { title: draft.title[locale], version: draft.version })}</h1>
      <p>{t("instrumentsPage.draftLead", { items: draft.items, variables: draft.variables })}</p>
      <p>
        <Link to={`/instruments/${draft.id}/edit`}>{t("editor.editDraft")}</Link> · <Link to={`/instruments/${draft.id}?draft=1`}>{t("instrumentsPage.previewDraft")}</Link> ·{" "}
        <a href={`/instruments/${draft.id}/yaml?draft=1`} download>
          {t("instrumentsPage.downloadDraft")}
        </a>
      </p>
      <section aria-labelledby="diff-heading">
        <h2 id="diff-heading">{previous ? t("instrumentsPage.diff", { version: previous.version }) : t("instrumentsPage.newInstrument")}</h2>
        {diff ? (
          <>
            {!diff.added.length && !diff.removed.length && !diff.wording.length && !diff.codes.length ? <p>{diff.framing ? t("instrumentsPage.diffFraming") : t("instrumentsPage.diffNone")}</p> : null}
            {list(t("instrumentsPage.diffAdded"), diff.added)}
            {list(t("instrumentsPage.diffRemoved"), diff.removed)}
            {list(t("instrumentsPage.diffWording"), diff.wording)}
            {list(t("instrumentsPage.diffCodes"), diff.codes)}
            {diff.codes.length ? <p className="notice notice--warn">{t("instrumentsPage.diffCodesWarn")}</p> : null}
          </>
        ) : null}
      </section>
      <section aria-labelledby="pilots-heading">
        <h2 id="pilots-heading">{t("pilots.rounds")}</h2>
        {pilots.length === 0 ? <p className="muted">{t("pilots.noRounds")}</p> : null}
        <ul>
          {pilots.map((p) => (
            <li key={p.id}>
              <Link to={`/pilots/${p.id}`}>{p.title}</Link>
              {p.closed ? <span className="tag">{t("pilots.closedTag")}</span> : null}
            </li>
          ))}
        </ul>
        <Form method="post" className="card">
          <h3>{t("pilots.new")}</h3>
          <p className="hint">{t("pilots.newLead")}</p>
          <input type="hidden" name="intent" value="pilot" />
          <div className="field">
            <label htmlFor="pilot-title">{t("pilots.titleLabel")}</label>
            <input id="pilot-title" name="title" defaultValue={typed?.title ?? ""} aria-invalid={errors.title ? true : undefined} aria-describedby={errors.title ? "pilot-title-error" : undefined} />
            {errors.title ? (
              <p className="field-error" id="pilot-title-error">
                {errors.title}
              </p>
            ) : null}
          </div>
          <fieldset className="field" aria-describedby={errors.people ? "pilot-people-error" : undefined}>
            <legend>{t("pilots.choose")}</legend>
            {candidates.map((c) => (
              <div key={c.id} className="field--check">
                <input type="checkbox" id={`pilot-person-${c.id}`} name="person" value={c.id} defaultChecked={typed?.people.includes(String(c.id))} />
                <label htmlFor={`pilot-person-${c.id}`}>{`${c.name} (${t(`role.${c.role}`)})`}</label>
              </div>
            ))}
            {errors.people ? (
              <p className="field-error" id="pilot-people-error">
                {errors.people}
              </p>
            ) : null}
          </fieldset>
          <button type="submit">{t("pilots.start")}</button>
        </Form>
      </section>
      <Form method="post" className="actions">
        <button type="submit" name="intent" value="publish">
          {t("instrumentsPage.publish", { version: draft.version })}
        </button>{" "}
        <button type="submit" name="intent" value="discard" className="secondary">
          {t("instrumentsPage.discard")}
        </button>
      </Form>
      {result?.discardError ? (
        <p className="field-error" role="alert">
          {result.discardError}
        </p>
      ) : null}
      <p className="hint">{t("instrumentsPage.publishHint")}</p>
    </>
  );
}

// A pilot round: invited job specialists and case leads fill in the version and comment per item;
// researchers read the comments side by side with the items, reply, resolve and close the round.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { TimeText } from "~/components/DateTime";
import { InstrumentFields } from "~/instruments/InstrumentForm";
import { loadPilotPage, pilotAction } from "~/instruments/pilots-page.server";
import { useLocale, useT } from "~/utils/i18n";
import { titled } from "~/utils/meta";

export const meta = titled((t, data) => t("pilots.title", { title: data?.round?.title ?? "" }));
export const loader = ({ request, context, params }: LoaderFunctionArgs) => loadPilotPage(request, context, params.id);
export const action = ({ request, context, params }: ActionFunctionArgs) => pilotAction(request, context, params.id);

type Page = ReturnType<typeof useLoaderData<typeof loader>>;
type CommentError = { item: string; replyTo: number | null; typed: string; message: string } | null;

/** One comment form (a new comment on an item, or a reply); its error and what was typed come back with it. */
function CommentForm({ id, item, replyTo, formKey, label, submit, error }: { id: string; item: string; replyTo: number | null; formKey: string; label: string; submit: string; error: CommentError }) {
  const mine = error && error.item === item && error.replyTo === replyTo ? error : null;
  return (
    <Form method="post" preventScrollReset className="pilot-comment">
      <input type="hidden" name="intent" value="comment" />
      <input type="hidden" name="item" value={item} />
      <input type="hidden" name="key" value={formKey} />
      {replyTo !== null ? <input type="hidden" name="replyTo" value={replyTo} /> : null}
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <textarea id={id} name="text" rows={2} defaultValue={mine?.typed ?? ""} aria-invalid={mine ? true : undefined} aria-describedby={mine ? `${id}-error` : undefined} />
        {mine ? (
          <p className="field-error" id={`${id}-error`}>
            {mine.message}
          </p>
        ) : null}
      </div>
      <button type="submit" className="secondary">
        {submit}
      </button>
    </Form>
  );
}

function ItemComments({ item, page, error }: { item: Page["items"][number]; page: Page; error: CommentError }) {
  const t = useT();
  const anchor = `item-${item.name || "all"}`;
  const label = item.name ? item.label : t("pilots.whole");
  return (
    <section id={anchor} className="card" aria-labelledby={`${anchor}-heading`}>
      <h3 id={`${anchor}-heading`}>{item.name ? `${label} (${item.name})` : label}</h3>
      {item.comments.length === 0 ? <p className="muted">{t("pilots.noComments")}</p> : null}
      <ul className="plain">
        {item.comments.map((c) => (
          <li key={c.id} className="pilot-thread">
            <p>
              {c.text}{" "}
              <span className="muted">
                ({c.author}, <TimeText at={c.at} />
                {c.resolved ? `, ${t("pilots.resolved")}` : ""})
              </span>
            </p>
            {c.replies.length ? (
              <ul>
                {c.replies.map((r) => (
                  <li key={r.id}>
                    {r.text}{" "}
                    <span className="muted">
                      ({r.author}, <TimeText at={r.at} />)
                    </span>
                  </li>
                ))}
              </ul>
            ) : null}
            {page.researcher ? (
              <Form method="post" preventScrollReset>
                <input type="hidden" name="intent" value={c.resolved ? "reopen" : "resolve"} />
                <input type="hidden" name="commentId" value={c.id} />
                <button type="submit" className="link-button">
                  {c.resolved ? t("pilots.reopen") : t("pilots.resolve")}
                </button>
              </Form>
            ) : null}
            {!page.round.closed ? <CommentForm id={`reply-${c.id}`} item={item.name} replyTo={c.id} formKey={c.replyKey} label={t("pilots.replyLabel", { name: c.author })} submit={t("pilots.replySubmit")} error={error} /> : null}
          </li>
        ))}
      </ul>
      {!page.round.closed ? (
        <CommentForm id={`comment-${item.name || "all"}`} item={item.name} replyTo={null} formKey={item.key} label={item.name ? t("pilots.commentLabel", { label: item.label }) : t("pilots.commentWhole")} submit={t("pilots.commentSubmit")} error={error} />
      ) : null}
    </section>
  );
}

export default function Pilot() {
  const t = useT();
  const locale = useLocale();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const commentError = (result?.commentError as CommentError) ?? null;
  const instrument = page.instrument.title[locale];
  return (
    <>
      <h1>{t("pilots.title", { title: page.round.title })}</h1>
      <p className="lead">{page.researcher ? t("pilots.lead.researcher", { instrument, version: page.version.version }) : t("pilots.lead.participant", { instrument, version: page.version.version })}</p>
      {page.round.closed ? (
        <p className="notice" role="status">
          {t("pilots.closed")}
        </p>
      ) : null}
      {page.saved === "answers" ? (
        <p className="notice notice--ok" role="status">
          {t("pilots.savedAnswers")}
        </p>
      ) : page.saved ? (
        <p className="notice notice--ok" role="status">
          {t("pilots.saved")}
        </p>
      ) : null}
      {page.researcher ? (
        <section aria-labelledby="people-heading">
          <h2 id="people-heading">{t("pilots.people")}</h2>
          <ul>
            {page.people.map((p) => (
              <li key={p.name}>{`${p.name} (${t(`role.${p.role}`)}): ${p.submitted ? t("pilots.sent") : t("pilots.notSent")}`}</li>
            ))}
          </ul>
          <p>
            <a href={`/pilots/${page.round.id}/csv`} download>
              {t("pilots.download")}
            </a>{" "}
            ·{" "}
            <a href={`/pilots/${page.round.id}/csv?file=comments`} download>
              {t("pilots.downloadComments")}
            </a>
          </p>
          {!page.round.closed ? (
            <Form method="post">
              <input type="hidden" name="intent" value="close" />
              <button type="submit" className="secondary">
                {t("pilots.close")}
              </button>
            </Form>
          ) : null}
        </section>
      ) : !page.round.closed ? (
        <section id="answers" aria-labelledby="form-heading">
          <h2 id="form-heading">{t("pilots.form")}</h2>
          <Form method="post" noValidate className="inst-form">
            <input type="hidden" name="intent" value="answers" />
            <InstrumentFields instrument={page.instrument} locale={locale} lastResult={result?.lastResult ?? undefined} defaultAnswers={page.answers ?? undefined} />
            <div className="actions">
              <button type="submit">{t("pilots.send")}</button>
            </div>
          </Form>
        </section>
      ) : null}
      <section aria-labelledby="comments-heading">
        <h2 id="comments-heading">{t("pilots.comments")}</h2>
        {page.items.map((item) => (
          <ItemComments key={item.name || "all"} item={item} page={page} error={commentError} />
        ))}
      </section>
    </>
  );
}

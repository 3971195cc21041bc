import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors } from "~/components/Field";
import { AgendaTable, ExchangeFacts, ExchangeNav, SavedNotice, exchangeTitle } from "~/exchanges/ExchangeParts";
import { ExchangeErrorBoundary } from "~/exchanges/ExchangeReauth";
import { formatExchangeDate } from "~/exchanges/timing";
import { formatDateTime } from "~/i18n/dates";
import { loadViewPage, viewPageAction } from "~/exchanges/view-page.server";
import { pick } from "~/i18n/locale";
import { InstrumentFields } from "~/instruments/InstrumentForm";
import { useLocale, useT } from "~/utils/i18n";

export const meta: MetaFunction = () => [{ title: "Erfaringsutveksling – Medforsker" }];

export const loader = (args: LoaderFunctionArgs) => loadViewPage(args);
export const action = (args: ActionFunctionArgs) => viewPageAction(args);
export const ErrorBoundary = ExchangeErrorBoundary;

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

export default function ExchangeView() {
  const t = useT();
  const locale = useLocale();
  const data = useLoaderData<typeof loader>();
  const e = data.exchange;
  return (
    <>
      <p className="no-print">
        <Link to="/exchanges">← {t("exchanges.list.title")}</Link>
      </p>
      <h1>{exchangeTitle(t, e)}</h1>
      {data.invited ? null : (
        <>
          <ExchangeNav id={e.id} />
          <p className="notice">{t("exchanges.view.researcherNotice")}</p>
        </>
      )}
      <SavedNotice saved={data.saved} />
      <ExchangeFacts exchange={e} />
      {data.invited ? <Registration data={data} /> : null}

      <section aria-labelledby="agenda-heading">
        <h2 id="agenda-heading">{t("exchanges.agenda.title")}</h2>
        <AgendaTable items={data.agenda} exchange={exchangeTitle(t, e)} />
        <p className="no-print">
          <Link to={`/exchanges/${e.id}/agenda`}>{t("exchanges.agenda.printLink")}</Link>
        </p>
      </section>

      {data.homework.length ? (
        <section aria-labelledby="homework-heading">
          <h2 id="homework-heading">{t("exchanges.homework.title")}</h2>
          <ul className="exchanges-homework">
            {data.homework.map((h) => (
              <li key={h.id}>
                <span className="exchanges-homework__title">{h.title}</span> <span className="tag">{t(`exchanges.documentType.${h.documentType}`)}</span>
                {h.deadline ? <span className="muted"> · {t("exchanges.homework.deadline", { date: formatExchangeDate(h.deadline, false, locale) })}</span> : null}
                {h.description ? <p className="exchanges-pre">{h.description}</p> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <Preparation data={data} />

      {e.shareAnswers ? (
        <p>
          <Link to={`/exchanges/${e.id}/answers`}>{t("exchanges.view.sharedLink")}</Link>
        </p>
      ) : null}
    </>
  );
}

function Registration({ data }: { data: Data }) {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const result = actionData && "intent" in actionData && actionData.intent === "register" ? actionData.result : null;
  const coming = data.mine?.coming ?? null;
  const current = coming === null ? t("exchanges.reply.none") : coming ? t("exchanges.reply.yes") : t("exchanges.reply.no");
  if (!data.registrationOpen) {
    return (
      <p className="exchanges-reply">
        <strong>{t("exchanges.view.yourReply")}</strong> {current}
      </p>
    );
  }
  const error = result?.error?.coming;
  return (
    <section aria-labelledby="registration-heading" className="card exchanges-registration">
      <h2 id="registration-heading">{t("exchanges.view.registrationTitle")}</h2>
      <p>
        <strong>{t("exchanges.view.yourReply")}</strong> {current}
      </p>
      <Form method="post" noValidate>
        <FormErrors errors={result?.error?.[""] ?? null} />
        <fieldset aria-describedby={error ? "coming-error" : undefined}>
          <legend>{t("exchanges.view.comingQuestion")}</legend>
          <div className="exchanges-radio">
            <input type="radio" id="coming-yes" name="coming" value="yes" defaultChecked={coming === true} />
            <label htmlFor="coming-yes">{t("exchanges.view.comingYes")}</label>
          </div>
          <div className="exchanges-radio">
            <input type="radio" id="coming-no" name="coming" value="no" defaultChecked={coming === false} />
            <label htmlFor="coming-no">{t("exchanges.view.comingNo")}</label>
          </div>
          {error ? (
            <p className="field-error" id="coming-error">
              {error.join(" ")}
            </p>
          ) : null}
        </fieldset>
        <button type="submit" name="intent" value="register">
          {t("exchanges.view.registerSubmit")}
        </button>
      </Form>
    </section>
  );
}

function Preparation({ data }: { data: Data }) {
  const t = useT();
  const locale = useLocale();
  const actionData = useActionData<typeof action>();
  const answersResult = actionData && "intent" in actionData && actionData.intent === "answers" ? actionData : null;
  const mine = data.mine;
  if (!data.instrument && !mine?.answers) return null;
  const heading = (
    <h2 id="prep-heading">
      {t("exchanges.prep.title")}
    </h2>
  );

  // Researchers: the questions as the invited will get them.
  if (!data.invited) {
    return (
      <section aria-labelledby="prep-heading">
        {heading}
        {data.instrument ? (
          <ol>
            {data.instrument.sections.flatMap((s) => s.items).map((item) => (
              <li key={item.name}>{pick(item.label, locale)}</li>
            ))}
          </ol>
        ) : null}
        <p>
          <Link to={`/exchanges/${data.exchange.id}/answers`}>{t("exchanges.nav.answers")}</Link>
        </p>
      </section>
    );
  }

  const sent = mine?.submittedAt ? t("exchanges.prep.sentAt", { time: formatDateTime(mine.submittedAt, locale) }) : null;
  if (data.preparationOpen && data.instrument) {
    const lastResult = answersResult?.lastResult ?? (mine?.draft ? { initialValue: mine.draft } : null);
    return (
      <section aria-labelledby="prep-heading" className="exchanges-prep">
        {heading}
        <p>
          {data.exchange.preparationDeadline
            ? t("exchanges.prep.deadline", { date: formatExchangeDate(data.exchange.preparationDeadline, false, locale) })
            : t("exchanges.prep.noDeadline")}
        </p>
        {sent ? <p className="notice notice--ok">{sent}</p> : null}
        {answersResult?.draftSaved ? (
          <p className="notice notice--warn" role="alert">
            {t("exchanges.prep.keptAsDraft")}
          </p>
        ) : mine?.draftSavedAt ? (
          <p className="muted">{t("exchanges.prep.draftFrom", { time: formatDateTime(mine.draftSavedAt, locale) })}</p>
        ) : null}
        <Form method="post" noValidate className="inst-form">
          <input type="hidden" name="version" value={data.instrument.version} />
          <InstrumentFields
            instrument={data.instrument}
            locale={locale}
            lastResult={lastResult}
            defaultAnswers={mine?.answers && mine.answeredInstrument?.version === data.instrument.version ? mine.answers : null}
            idPrefix="prep-"
            headingLevel={3}
          />
          <div className="actions">
            <button type="submit" name="intent" value="submit-answers">
              {t("exchanges.prep.submit")}
            </button>
            <button type="submit" name="intent" value="save-draft" className="button--secondary">
              {t("exchanges.prep.saveDraft")}
            </button>
          </div>
        </Form>
      </section>
    );
  }

  // Closed: their own answers to read, and anything kept after the deadline.
  return (
    <section aria-labelledby="prep-heading">
      {heading}
      {answersResult?.closed ? (
        <p className="notice notice--warn" role="alert">
          {t("exchanges.prep.closedKept")}
        </p>
      ) : null}
      {mine?.answers && mine.answeredInstrument ? (
        <>
          {sent ? <p className="muted">{sent}</p> : null}
          <dl className="exchanges-answers">
            {mine.answeredInstrument.sections.flatMap((s) => s.items).map((item) => (
              <div key={item.name}>
                <dt>{pick(item.label, locale)}</dt>
                <dd className="exchanges-pre">{String(mine.answers?.[item.name] ?? "–")}</dd>
              </div>
            ))}
          </dl>
        </>
      ) : (
        <p>{t("exchanges.prep.closedNone")}</p>
      )}
    </section>
  );
}

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ExchangeNav, SavedNotice, exchangeTitle } from "~/exchanges/ExchangeParts";
import { answersPageAction, loadAnswersPage } from "~/exchanges/answers-page.server";
import { TimeText } from "~/components/DateTime";
import { pick } from "~/i18n/locale";
import { useLocale, useT } from "~/utils/i18n";

export const meta: MetaFunction = () => [{ title: "Svar på forberedelsesspørsmål – Medforsker" }];

export const loader = (args: LoaderFunctionArgs) => loadAnswersPage(args);
export const action = (args: ActionFunctionArgs) => answersPageAction(args);

export default function ExchangeAnswers() {
  const t = useT();
  const locale = useLocale();
  const data = useLoaderData<typeof loader>();
  const e = data.exchange;
  return (
    <>
      <p className="no-print">
        <Link to={data.researcher ? "/exchanges" : `/exchanges/${e.id}`}>← {data.researcher ? t("exchanges.list.title") : exchangeTitle(t, e)}</Link>
      </p>
      <h1>
        {t("exchanges.answers.title")}: {exchangeTitle(t, e)}
      </h1>
      {data.researcher ? (
        <>
          <ExchangeNav id={e.id} />
          <SavedNotice saved={data.saved} />
          <section aria-labelledby="share-heading" className="card">
            <h2 id="share-heading">{t("exchanges.answers.shareTitle")}</h2>
            <p>{e.shareAnswers ? t("exchanges.answers.sharedNow") : t("exchanges.answers.notSharedNow")}</p>
            <Form method="post">
              <input type="hidden" name="share" value={e.shareAnswers ? "off" : "on"} />
              <button type="submit" name="intent" value="share" className="button--secondary">
                {e.shareAnswers ? t("exchanges.answers.unshare") : t("exchanges.answers.share")}
              </button>
            </Form>
          </section>
          <p>
            {t("exchanges.answers.count", { count: data.people.length })}
            {data.draftsOnly ? ` ${t("exchanges.answers.draftsOnly", { count: data.draftsOnly })}` : ""}
          </p>
          {data.people.map((p) => (
            <section key={p.userId} aria-labelledby={`person-${p.userId}`} className="exchanges-person-answers">
              <h2 id={`person-${p.userId}`}>{p.name}</h2>
              <p className="muted">
                {p.submittedAt ? <TimeText at={p.submittedAt} /> : null} · {p.instrumentId}@v{p.instrumentVersion}
              </p>
              <dl className="exchanges-answers">
                {data.questions
                  .filter((q) => p.answers && q.name in p.answers)
                  .map((q) => (
                    <div key={q.name}>
                      <dt>{pick(q.label, locale)}</dt>
                      <dd className="exchanges-pre">{String(p.answers?.[q.name] ?? "–")}</dd>
                    </div>
                  ))}
              </dl>
            </section>
          ))}
        </>
      ) : data.shared ? (
        <>
          <p className="lead">{t("exchanges.answers.sharedLead")}</p>
          {data.questions.map((q) => (
            <section key={q.name} aria-labelledby={`q-${q.name}`}>
              <h2 id={`q-${q.name}`}>{pick(q.label, locale)}</h2>
              {data.shared?.[q.name]?.length ? (
                <ul className="exchanges-shared">
                  {data.shared[q.name].map((answer, i) => (
                    <li key={i} className="exchanges-pre">
                      {answer}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="muted">{t("exchanges.answers.noneForQuestion")}</p>
              )}
            </section>
          ))}
        </>
      ) : (
        <p>{t("exchanges.answers.notShared")}</p>
      )}
    </>
  );
}

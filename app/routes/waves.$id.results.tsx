// Results of a wave for researchers, laid out like Tabell 7–9 of the AFI report, with a
// server-drawn bar chart per question, the open answers and the employment counts. Nothing is
// shown below the wave's threshold; there is no breakdown by job specialist or case anywhere.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { notFound, requireResearcher } from "~/auth/permissions.server";
import { getTranslator } from "~/i18n/locale.server";
import { pick, type Locale } from "~/i18n/locale";
import type { TFunction } from "~/i18n/catalog";
import { exclusionSchema, inclusionSchema } from "~/survey/forms.server";
import { ensureFinalised } from "~/survey/lifecycle.server";
import { computeResults, excludeAnswer, includeAnswer, loadAnswers, loadExclusions, type CountsTable, type MatrixTable, type TextList } from "~/survey/results.server";
import { StackedBars } from "~/survey/StackedBars";
import { answerCount, getWave, responseStats } from "~/survey/waves.server";
import { useLocale, useT } from "~/utils/i18n";
import { TableScroll } from "~/components/TableScroll";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireResearcher(request, context);
  const found = getWave(context.db, Number(params.id));
  if (!found) throw notFound();
  const wave = await ensureFinalised(context, found);
  const instrument = context.codebook.get(wave.instrumentId, wave.instrumentVersion);
  if (!instrument) throw notFound();
  const stats = responseStats(context.db, wave.id);
  const head = { wave: { id: wave.id, title: wave.title, minAnswers: wave.minAnswers }, stats };
  if (stats.answers < wave.minAnswers) return { ...head, blocks: null };
  return { ...head, blocks: computeResults(instrument, loadAnswers(context.db, wave.id), loadExclusions(context.db, wave.id)) };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireResearcher(request, context);
  const wave = getWave(context.db, Number(params.id));
  if (!wave) throw notFound();
  if (answerCount(context.db, wave.id) < wave.minAnswers) throw new Response("Bad Request", { status: 400 });
  const { t } = await getTranslator(request, context);
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "exclude") {
    const submission = parseWithZod(form, { schema: exclusionSchema(t) });
    if (submission.status !== "success") {
      return data(
        {
          answerId: String(form.get("answerId") ?? ""),
          reason: String(form.get("reason") ?? "").slice(0, 500),
          error: submission.error?.reason?.[0] ?? t("survey.results.reasonRequired"),
        },
        { status: 400 },
      );
    }
    if (!excludeAnswer(context.db, { waveId: wave.id, ...submission.value }, user.id)) throw notFound();
    return redirect(`/waves/${wave.id}/results?done=excluded#${submission.value.item}`);
  }
  if (intent === "include") {
    const submission = parseWithZod(form, { schema: inclusionSchema() });
    if (submission.status !== "success") throw new Response("Bad Request", { status: 400 });
    includeAnswer(context.db, { waveId: wave.id, ...submission.value }, user.id);
    return redirect(`/waves/${wave.id}/results?done=included#${submission.value.item}`);
  }
  throw new Response("Bad Request", { status: 400 });
}

export default function Results() {
  const t = useT();
  const locale = useLocale();
  const { wave, stats, blocks } = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  const done = search.get("done");
  return (
    <>
      <h1>
        {t("survey.results.title")}: {wave.title}
      </h1>
      <p className="lead">
        {t("survey.results.response", { answers: stats.answers, links: stats.links, rate: stats.rate ?? "–" })} {t("survey.results.noBreakdown")}
      </p>
      <p>
        <Link to={`/waves/${wave.id}`}>{t("survey.links.back")}</Link>
      </p>
      {done === "excluded" || done === "included" ? (
        <p className="notice notice--ok" role="status">
          {t(done === "excluded" ? "survey.results.excludedDone" : "survey.results.includedDone")}
        </p>
      ) : null}
      {blocks === null ? (
        <p className="notice">{t("survey.results.below", { answers: stats.answers, min: wave.minAnswers })}</p>
      ) : (
        blocks.map((block) =>
          block.kind === "matrix" ? (
            <Matrix key={block.item} block={block} t={t} locale={locale} />
          ) : block.kind === "text" ? (
            <OpenAnswers key={block.item} block={block} t={t} locale={locale} />
          ) : (
            <Counts key={block.item} block={block} t={t} locale={locale} />
          ),
        )
      )}
    </>
  );
}

function Exclusions({ block, t }: { block: MatrixTable | CountsTable; t: TFunction }) {
  if (block.excluded.length === 0) return null;
  return (
    <div className="survey-excluded">
      <h3>{t("survey.results.excluded")}</h3>
      <ul>
        {block.excluded.map((e) => (
          <li key={e.answerId}>{e.total === null ? t("survey.results.excludedLineNoTotal", { reason: e.reason }) : t("survey.results.excludedLine", { total: e.total, reason: e.reason })}</li>
        ))}
      </ul>
    </div>
  );
}

function Matrix({ block, t, locale }: { block: MatrixTable; t: TFunction; locale: Locale }) {
  const title = pick(block.section, locale);
  const options = block.options.map((o) => pick(o.label, locale));
  const stem = block.stem ? pick(block.stem, locale) : null;
  return (
    <section aria-labelledby={`${block.item}-heading`} id={block.item} className="survey-result">
      <h2 id={`${block.item}-heading`}>{title}</h2>
      <p>{pick(block.question, locale)}</p>
      <TableScroll label={title}>
        <table className="survey-table">
          <caption>{t("survey.results.caption", { title, n: block.n })}</caption>
          <thead>
            <tr>
              <th scope="col">{stem ? `${t("survey.results.statement")}. ${stem}` : t("survey.results.statement")}</th>
              {options.map((o) => (
                <th scope="col" className="num" key={o}>
                  {t("survey.results.pct", { label: o })}
                </th>
              ))}
              <th scope="col" className="num">
                {t("survey.results.n")}
              </th>
            </tr>
          </thead>
          <tbody>
            {block.rows.map((row) => (
              <tr key={row.variable}>
                <th scope="row">{pick(row.label, locale)}</th>
                {row.percents.map((p, i) => (
                  <td className="num" key={i}>
                    {p}
                  </td>
                ))}
                <td className="num">{row.n}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p className="muted">{t("survey.results.sortNote", { option: options[0] ?? "" })}</p>
      <StackedBars
        id={`${block.item}-chart`}
        label={t("survey.results.chart", { title })}
        options={options}
        rows={block.rows.map((r) => ({ label: pick(r.label, locale), counts: r.counts, percents: r.percents, n: r.n }))}
      />
      <Exclusions block={block} t={t} />
    </section>
  );
}

function OpenAnswers({ block, t, locale }: { block: TextList; t: TFunction; locale: Locale }) {
  return (
    <section aria-labelledby={`${block.item}-heading`} id={block.item} className="survey-result">
      <h3 id={`${block.item}-heading`}>
        {t("survey.results.open")}: {pick(block.label, locale)}
      </h3>
      {block.texts.length ? (
        <>
          <p className="muted">{t("survey.results.openCount", { count: block.texts.length, n: block.n })}</p>
          <ul className="survey-open">
            {block.texts.map((text, i) => (
              <li key={i}>{text}</li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t("survey.results.openNone")}</p>
      )}
    </section>
  );
}

function Counts({ block, t, locale }: { block: CountsTable; t: TFunction; locale: Locale }) {
  const actionData = useActionData<typeof action>();
  const title = pick(block.section, locale);
  return (
    <section aria-labelledby={`${block.item}-heading`} id={block.item} className="survey-result">
      <h2 id={`${block.item}-heading`}>{title}</h2>
      <p>{pick(block.label, locale)}</p>
      <TableScroll label={title}>
        <table className="survey-table survey-table--counts">
          <caption>{t("survey.results.counts")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("survey.results.option")}</th>
              <th scope="col" className="num">
                {t("survey.results.candidates")}
              </th>
            </tr>
          </thead>
          <tbody>
            {block.options.map((o) => (
              <tr key={o.code}>
                <th scope="row">{pick(o.label, locale)}</th>
                <td className="num">{o.total}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("survey.results.total")}</th>
              <td className="num">{block.candidates}</td>
            </tr>
          </tfoot>
        </table>
      </TableScroll>
      <p>{t("survey.results.employers", { n: block.employers })}</p>
      <Exclusions block={block} t={t} />
      <details className="survey-answers" open={actionData?.error ? true : undefined}>
        <summary>{t("survey.results.perAnswer")}</summary>
        <p>{t("survey.results.perAnswerLead")}</p>
        <TableScroll label={t("survey.results.perAnswer")}>
          <table>
            <thead>
              <tr>
                {block.options.map((o) => (
                  <th scope="col" className="num" key={o.code}>
                    {pick(o.label, locale)}
                  </th>
                ))}
                <th scope="col" className="num">
                  {t("survey.results.total")}
                </th>
                <th scope="col">
                  <span className="visually-hidden">{t("survey.results.exclude")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {block.perAnswer.map((a) => {
                const error = actionData && actionData.answerId === String(a.answerId) ? actionData.error : null;
                const inputId = `reason-${a.answerId}`;
                return (
                  <tr key={a.answerId} className={a.excluded ? "survey-row--excluded" : undefined}>
                    {a.counts.map((c, i) => (
                      <td className="num" key={i}>
                        {c ?? "–"}
                      </td>
                    ))}
                    <td className="num">{a.total}</td>
                    <td>
                      <Form method="post" className="survey-exclude">
                        <input type="hidden" name="answerId" value={a.answerId} />
                        <input type="hidden" name="item" value={block.item} />
                        {a.excluded ? (
                          <button type="submit" name="intent" value="include" className="button--secondary">
                            {t("survey.results.include")}
                          </button>
                        ) : (
                          <>
                            <label htmlFor={inputId}>{t("survey.results.reason")}</label>
                            <input
                              type="text"
                              id={inputId}
                              name="reason"
                              maxLength={500}
                              defaultValue={error ? actionData?.reason : undefined}
                              aria-invalid={error ? true : undefined}
                              aria-describedby={error ? `${inputId}-error` : undefined}
                            />
                            {error ? (
                              <p className="field-error" id={`${inputId}-error`}>
                                {error}
                              </p>
                            ) : null}
                            <button type="submit" name="intent" value="exclude" className="button--secondary">
                              {t("survey.results.exclude")}
                            </button>
                          </>
                        )}
                      </Form>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      </details>
    </section>
  );
}

// One wave. Researchers: response rate (overall and per reminder round), settings, close and
// reopen, links handed out per job specialist. Job specialists: their own links (how many are
// used; which, only when the wave allows targeted reminders), new links, reminder rounds and
// the e-mail text. Nobody here sees an answer.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { notFound, requireRole } from "~/auth/permissions.server";
import { FormErrors, TextField } from "~/components/Field";
import { getTranslator } from "~/i18n/locale.server";
import type { MessageKey } from "~/i18n/catalog";
import { CopyBox, StatusTag, WaveSettingsFields } from "~/survey/components";
import { osloDate } from "~/survey/dates.server";
import { emailTexts } from "~/survey/email.server";
import { editWaveSchema, linksRequestSchema, reminderSchema, reopenSchema } from "~/survey/forms.server";
import { spentKeyFor } from "~/survey/keys.server";
import { closeWaveNow, ensureFinalised } from "~/survey/lifecycle.server";
import { issueLinks, newRequestKey, ownLinks, recordReminder } from "~/survey/links.server";
import { MAX_LINKS_PER_REQUEST, MAX_REMINDER_ROUNDS } from "~/survey/limits";
import {
  getWave,
  getWaveForSpecialist,
  linksIssuedBySpecialist,
  reopenWave,
  responseStats,
  updateWave,
  waveStatus,
} from "~/survey/waves.server";
import { TableScroll } from "~/components/TableScroll";
import { useLocale, useT } from "~/utils/i18n";
import { DateRange, DateText } from "~/components/DateTime";
import { formatDate } from "~/i18n/dates";

const flashes: Record<string, MessageKey> = {
  saved: "survey.wave.saved",
  closed: "survey.wave.closed",
  reopened: "survey.wave.reopened",
  reminder: "survey.reminders.recorded",
};

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, "researcher", "job_specialist");
  const id = Number(params.id);
  const found = user.role === "researcher" ? getWave(context.db, id) : getWaveForSpecialist(context.db, id, user);
  if (!found) throw notFound();
  const wave = await ensureFinalised(context, found);
  const status = waveStatus(wave);
  const common = {
    wave: {
      id: wave.id,
      title: wave.title,
      openDate: wave.openDate,
      closeDate: wave.closeDate,
      targetedReminders: wave.targetedReminders,
      instrumentId: wave.instrumentId,
    },
    status,
    emails: emailTexts(wave),
    today: osloDate(),
  };
  if (user.role === "researcher") {
    return {
      ...common,
      role: "researcher" as const,
      settings: {
        title: wave.title,
        infoNb: wave.infoNb,
        infoEn: wave.infoEn,
        contact: wave.contact,
        openDate: wave.openDate,
        closeDate: wave.closeDate,
        minAnswers: String(wave.minAnswers),
        targetedReminders: wave.targetedReminders ? "on" : "",
      },
      stats: responseStats(context.db, wave.id),
      bySpecialist: linksIssuedBySpecialist(context.db, wave.id),
      own: null,
      requestKey: null,
    };
  }
  return {
    ...common,
    role: "job_specialist" as const,
    settings: null,
    stats: null,
    bySpecialist: null,
    own: ownLinks(context.db, spentKeyFor(context.secrets.pseudonymKey), wave, user.id),
    requestKey: newRequestKey(),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireRole(request, context, "researcher", "job_specialist");
  const id = Number(params.id);
  const wave = user.role === "researcher" ? getWave(context.db, id) : getWaveForSpecialist(context.db, id, user);
  if (!wave) throw notFound();
  const { t } = await getTranslator(request, context);
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const status = waveStatus(wave);

  if (user.role === "researcher") {
    if (intent === "update") {
      const submission = parseWithZod(formData, { schema: editWaveSchema(t) });
      if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
      updateWave(context.db, wave.id, submission.value, user.id);
      return redirect(`/waves/${wave.id}?done=saved`);
    }
    if (intent === "close" && status !== "closed") {
      await closeWaveNow(context, wave.id, user.id);
      return redirect(`/waves/${wave.id}?done=closed`);
    }
    if (intent === "reopen" && status === "closed") {
      const submission = parseWithZod(formData, { schema: reopenSchema(t, osloDate()) });
      if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
      reopenWave(context.db, wave.id, submission.value.closeDate, user.id);
      return redirect(`/waves/${wave.id}?done=reopened`);
    }
    throw new Response("Bad Request", { status: 400 });
  }

  if (intent === "links" && status !== "closed") {
    const submission = parseWithZod(formData, { schema: linksRequestSchema(t) });
    if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
    const { batchId } = issueLinks(context.db, {
      waveId: wave.id,
      ownerId: user.id,
      count: submission.value.count,
      requestKey: submission.value.requestKey,
      publicUrl: context.config.publicUrl,
    });
    return redirect(`/waves/${wave.id}/links/${batchId}`);
  }
  if (intent === "reminder" && status !== "closed") {
    const submission = parseWithZod(formData, { schema: reminderSchema(t) });
    if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
    const outcome = recordReminder(context.db, { waveId: wave.id, ownerId: user.id, round: submission.value.round });
    if (outcome === "invalid") throw new Response("Bad Request", { status: 400 });
    return redirect(`/waves/${wave.id}?done=reminder&round=${submission.value.round}`);
  }
  throw new Response("Bad Request", { status: 400 });
}

export default function WavePage() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  const flash = flashes[search.get("done") ?? ""];
  return (
    <>
      <h1>{data.wave.title}</h1>
      <p>
        <StatusTag status={data.status} t={t} /> <DateRange from={data.wave.openDate} to={data.wave.closeDate} />
      </p>
      {flash ? (
        <p className="notice notice--ok" role="status">
          {t(flash, { round: search.get("round") ?? "" })}
        </p>
      ) : null}
      {data.role === "researcher" ? <ResearcherView /> : <SpecialistView />}
      <EmailTexts />
    </>
  );
}

function EmailTexts() {
  const t = useT();
  const { emails } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="email-heading">
      <h2 id="email-heading">{t("survey.wave.emailText")}</h2>
      <p>{t("survey.wave.emailLead", { placeholder: t("survey.wave.emailPlaceholder") })}</p>
      <CopyBox id="email-nb" label="Norsk (bokmål)" copyLabel={t("survey.wave.copyEmailNb")} value={emails.nb} rows={14} />
      <CopyBox id="email-en" label="English" copyLabel={t("survey.wave.copyEmailEn")} value={emails.en} rows={14} />
    </section>
  );
}

function ResearcherView() {
  const t = useT();
  const locale = useLocale();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "wave-settings",
    lastResult: actionData?.intent === "update" ? actionData.result : undefined,
    defaultValue: data.settings ?? undefined,
  });
  const [reopenForm, reopenFields] = useForm({
    id: "wave-reopen",
    lastResult: actionData?.intent === "reopen" ? actionData.result : undefined,
    defaultValue: { closeDate: data.today },
  });
  const stats = data.stats!;
  return (
    <>
      <p>
        <Link className="button" to={`/waves/${data.wave.id}/results`}>
          {t("survey.wave.results")}
        </Link>
      </p>
      <section aria-labelledby="response-heading">
        <h2 id="response-heading">{t("survey.wave.response")}</h2>
        <p>{t("survey.wave.responseLead")}</p>
        <dl className="facts">
          <dt>{t("survey.wave.linksIssued")}</dt>
          <dd>{stats.links}</dd>
          <dt>{t("survey.wave.answers")}</dt>
          <dd>{stats.answers}</dd>
          <dt>{t("survey.wave.rate")}</dt>
          <dd>{stats.rate === null ? "–" : `${stats.rate} %`}</dd>
        </dl>
        <TableScroll label={t("survey.wave.response")}>
          <table>
            <caption>{t("survey.wave.response")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("survey.wave.round")}</th>
                <th scope="col" className="num">
                  {t("survey.wave.roundAnswers")}
                </th>
                <th scope="col" className="num">
                  {t("survey.wave.cumulative")}
                </th>
                <th scope="col" className="num">
                  {t("survey.wave.cumulativeRate")}
                </th>
              </tr>
            </thead>
            <tbody>
              {stats.rounds.map((r) => (
                <tr key={r.round}>
                  <th scope="row">
                    {r.round === 0 ? t("survey.wave.roundStart") : t("survey.wave.roundN", { round: r.round })}
                    {r.startedOn ? <span className="muted"> ({t("survey.wave.roundFrom", { date: formatDate(r.startedOn, locale) })})</span> : null}
                  </th>
                  <td className="num">{r.answers}</td>
                  <td className="num">{r.cumulative}</td>
                  <td className="num">{r.rate === null ? "–" : `${r.rate} %`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>

      <section aria-labelledby="specialists-heading">
        <h2 id="specialists-heading">{t("survey.wave.bySpecialist")}</h2>
        <p className="muted">{t("survey.wave.bySpecialistNote")}</p>
        {data.bySpecialist!.length ? (
          <ul>
            {data.bySpecialist!.map((s) => (
              <li key={s.name}>
                {s.name}: {s.links}
              </li>
            ))}
          </ul>
        ) : (
          <p>–</p>
        )}
      </section>

      <section aria-labelledby="settings-heading">
        <h2 id="settings-heading">{t("survey.wave.settings")}</h2>
        <p>{data.wave.targetedReminders ? t("survey.wave.targetedOn") : t("survey.wave.targetedOff")}</p>
        <Form method="post" {...getFormProps(form)} className="survey-form">
          <FormErrors errors={form.errors} />
          <WaveSettingsFields fields={fields} t={t} />
          <button type="submit" name="intent" value="update">
            {t("survey.form.save")}
          </button>
        </Form>
        <p>
          <Link to={`/instruments/${data.wave.instrumentId}`}>{t("survey.wave.preview")}</Link>
        </p>
      </section>

      {data.status === "closed" ? (
        <section aria-labelledby="reopen-heading" className="card">
          <h2 id="reopen-heading">{t("survey.wave.reopen")}</h2>
          <Form method="post" {...getFormProps(reopenForm)}>
            <TextField meta={reopenFields.closeDate} label={t("survey.wave.reopenUntil")} type="date" />
            <button type="submit" name="intent" value="reopen" className="button--secondary">
              {t("survey.wave.reopen")}
            </button>
          </Form>
        </section>
      ) : (
        <section aria-labelledby="close-heading" className="card">
          <h2 id="close-heading">{t("survey.wave.close")}</h2>
          <p>{t("survey.wave.closeHint")}</p>
          <Form method="post">
            <button type="submit" name="intent" value="close" className="button--danger">
              {t("survey.wave.close")}
            </button>
          </Form>
        </section>
      )}
    </>
  );
}

function SpecialistView() {
  const t = useT();
  const locale = useLocale();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const own = data.own!;
  const [form, fields] = useForm({
    id: "links",
    lastResult: actionData?.intent === "links" ? actionData.result : undefined,
  });
  const nextRound = (own.reminders.at(-1)?.round ?? 0) + 1;
  const open = data.status !== "closed";
  return (
    <>
      <p className="lead">{t("survey.waves.specialistLead")}</p>
      <section aria-labelledby="own-heading">
        <h2 id="own-heading">{t("survey.links.title")}</h2>
        <dl className="facts">
          <dt>{t("survey.links.issued")}</dt>
          <dd>{own.issued}</dd>
          <dt>{t("survey.links.used")}</dt>
          <dd>{own.used}</dd>
          <dt>{t("survey.links.unusedCount")}</dt>
          <dd>{own.issued - own.used}</dd>
        </dl>
        {own.batches.length ? (
          <ul>
            {own.batches.map((b) => (
              <li key={b.id}>{t("survey.links.batchLine", { date: formatDate(b.issuedOn, locale), count: b.count })}</li>
            ))}
          </ul>
        ) : null}
      </section>

      <section aria-labelledby="ask-heading">
        <h2 id="ask-heading">{t("survey.links.ask")}</h2>
        {open ? (
          <>
            <p>{t("survey.links.askLead")}</p>
            <Form method="post" {...getFormProps(form)} className="narrow">
              <FormErrors errors={form.errors} />
              <input type="hidden" name="requestKey" value={data.requestKey!} />
              <TextField
                meta={fields.count}
                label={t("survey.links.count")}
                hint={t("survey.links.countRange", { max: MAX_LINKS_PER_REQUEST })}
                type="number"
                inputMode="numeric"
              />
              <button type="submit" name="intent" value="links">
                {t("survey.links.create")}
              </button>
            </Form>
          </>
        ) : (
          <p>{t("survey.links.closedNote")}</p>
        )}
      </section>

      <section aria-labelledby="reminders-heading">
        <h2 id="reminders-heading">{t("survey.reminders.title")}</h2>
        <p>{t("survey.reminders.lead")}</p>
        {own.reminders.length ? (
          <ul>
            {own.reminders.map((r) => (
              <li key={r.round}>{t("survey.reminders.line", { round: r.round, date: formatDate(r.sentOn, locale) })}</li>
            ))}
          </ul>
        ) : (
          <p>{t("survey.reminders.none")}</p>
        )}
        {open && own.issued > 0 ? (
          nextRound <= MAX_REMINDER_ROUNDS ? (
            <Form method="post">
              <input type="hidden" name="round" value={nextRound} />
              <button type="submit" name="intent" value="reminder" className="button--secondary">
                {t("survey.reminders.record", { round: nextRound })}
              </button>
            </Form>
          ) : (
            <p>{t("survey.reminders.max")}</p>
          )
        ) : null}
        {own.unused === null ? (
          <p className="muted">{t("survey.reminders.countOnly")}</p>
        ) : (
          <>
            <h3>{t("survey.reminders.unusedTitle")}</h3>
            <p>{t("survey.reminders.unusedLead")}</p>
            {own.unused.length ? (
              <ul className="survey-codes">
                {own.unused.map((u) => (
                  <li key={u.code}>
                    <code>{u.code}</code> <span className="muted">
                      (<DateText date={u.issuedOn} />)
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t("survey.reminders.allUsed")}</p>
            )}
          </>
        )}
      </section>
    </>
  );
}

// The export centre page: project choice, the export form (data set, selection, format,
// language, pseudonyms, dates), the preview of what an export holds, and the recent exports.
import { getFormProps, useForm } from "@conform-to/react";
import type { SubmissionResult } from "@conform-to/react";
import { Form, Link, useNavigation } from "@remix-run/react";
import { FormErrors, TextField } from "~/components/Field";
import { ProjectPicker } from "~/components/ProjectPicker";
import type { MessageKey } from "~/i18n/catalog";
import { useLocale, useT } from "~/utils/i18n";
import type { loadCentre } from "./centre.server";
import { ChoiceGroup, ExportPreview, type PreviewData } from "./components";
import { TimeText } from "~/components/DateTime";
import { formatMonth } from "~/i18n/dates";
import { JobProgress } from "./ExportJobPage";
import { TableScroll } from "~/components/TableScroll";

export type CentrePage = Awaited<ReturnType<typeof loadCentre>>;
export type CentreActionData = { result: SubmissionResult<string[]>; preview: PreviewData | null };

export function ExportCentre({ page, actionData }: { page: CentrePage; actionData: CentreActionData | undefined }) {
  const t = useT();
  const locale = useLocale();
  const navigation = useNavigation();
  const firstAvailable = page.datasets.find((d) => d.choices.available)?.id ?? "log";
  const survey = page.datasets.find((d) => d.id === "employer-survey")?.choices;
  const closedWaves = survey?.waves.filter((w) => w.closed) ?? [];
  const [form, fields] = useForm({
    id: "export",
    lastResult: actionData?.result ?? page.endedJob,
    defaultValue: {
      dataset: firstAvailable,
      format: "sav",
      language: locale,
      pseudonyms: "stable",
      dates: "month",
      wave: closedWaves.length ? String(closedWaves[closedWaves.length - 1].id) : "",
      from: "",
      to: "",
      cases: [] as string[],
      exchanges: [] as string[],
    },
    shouldRevalidate: "onInput",
  });
  const cases = page.datasets.find((d) => d.choices.usesCases)?.choices.caseProjects ?? [];
  const exchanges = page.datasets.find((d) => d.choices.exchanges.length)?.choices.exchanges ?? [];
  const months = page.datasets.flatMap((d) => (d.choices.months ? [d.choices.months] : []));
  const busy = navigation.state === "submitting";

  return (
    <>
      <h1>{t("exports.title")}</h1>
      <p className="lead">{t("exports.lead")}</p>
      <p>
        <Link to={`/exports/review${page.project ? `?project=${page.project.slug}` : ""}`}>{t("exports.reviewLink")}</Link>
        {" · "}
        <Link to="/audit?kind=export">{t("exports.auditLink")}</Link>
      </p>

      <ProjectPicker id="export-project" label={t("exports.project")} submit={t("exports.chooseProject")} projects={page.projects} value={page.project?.slug} />

      {!page.project ? (
        <p>{t("exports.noProjects")}</p>
      ) : (
        <Form method="post" {...getFormProps(form)} className="export-form" noValidate>
          <h2>{page.project.title}</h2>
          <input type="hidden" name="project" value={page.project.slug} />
          <input type="hidden" name="requestKey" value={page.requestKey} />
          <FormErrors errors={form.errors} />

          <ChoiceGroup
            meta={fields.dataset}
            type="radio"
            legend={t("exports.field.dataset")}
            options={page.datasets.map((d) => ({
              value: d.id,
              label: t(`exports.dataset.${d.id}` as MessageKey),
              hint: d.choices.available ? t(`exports.datasetHint.${d.id}` as MessageKey) : t(d.choices.unavailableReason ?? "exports.unavailable.noTables"),
              disabled: !d.choices.available,
            }))}
          />

          {survey?.waves.length ? (
            <div className="field only-for-survey">
              <label htmlFor={fields.wave.id}>{t("exports.field.wave")}</label>
              <span className="hint" id={`${fields.wave.id}-hint`}>
                {t("exports.field.waveHint")}
              </span>
              <select
                id={fields.wave.id}
                name={fields.wave.name}
                defaultValue={(fields.wave.initialValue as string | undefined) ?? ""}
                aria-describedby={[`${fields.wave.id}-hint`, fields.wave.errors?.length ? fields.wave.errorId : null].filter(Boolean).join(" ")}
                aria-invalid={fields.wave.errors?.length ? true : undefined}
              >
                <option value="">{t("exports.field.waveNone")}</option>
                {survey.waves.map((w) => (
                  <option key={w.id} value={w.id}>
                    {t(w.closed ? "exports.field.waveClosed" : "exports.field.waveOpen", { title: w.title, answers: w.answers })}
                  </option>
                ))}
              </select>
              {fields.wave.errors?.length ? (
                <p className="field-error" id={fields.wave.errorId}>
                  {fields.wave.errors.join(" ")}
                </p>
              ) : null}
            </div>
          ) : null}

          <fieldset className="export-period">
            <legend>{t("exports.field.period")}</legend>
            <p className="hint">
              {t("exports.field.periodHint")}
              {months.length ? ` ${t("exports.field.periodData", { first: formatMonth(months.map((m) => m.first).sort()[0], locale), last: formatMonth(months.map((m) => m.last).sort().reverse()[0], locale) })}` : ""}
            </p>
            <div className="export-period__fields">
              <TextField meta={fields.from} label={t("exports.field.from")} type="month" required={false} />
              <TextField meta={fields.to} label={t("exports.field.to")} type="month" required={false} />
            </div>
          </fieldset>

          {cases.length ? (
            <ChoiceGroup
              meta={fields.cases}
              type="checkbox"
              className="export-cases"
              legend={t("exports.field.cases")}
              hint={t("exports.field.casesHint")}
              options={cases.map((c) => ({ value: String(c.id), label: c.name }))}
            />
          ) : null}

          {exchanges.length ? (
            <ChoiceGroup
              meta={fields.exchanges}
              type="checkbox"
              className="export-cases"
              legend={t("exports.field.exchanges")}
              hint={t("exports.field.exchangesHint")}
              options={exchanges.map((e) => ({ value: String(e.id), label: e.label[locale] }))}
            />
          ) : null}

          <ChoiceGroup
            meta={fields.format}
            type="radio"
            legend={t("exports.field.format")}
            options={page.formats.map((f) => ({ value: f.id, label: f.label[locale], hint: f.description[locale] }))}
          />
          <div className="export-options">
            <ChoiceGroup
              meta={fields.language}
              type="radio"
              legend={t("exports.field.language")}
              hint={t("exports.field.languageHint")}
              options={[
                { value: "nb", label: t("exports.language.nb") },
                { value: "en", label: t("exports.language.en") },
              ]}
            />
            <ChoiceGroup
              meta={fields.pseudonyms}
              type="radio"
              legend={t("exports.field.pseudonyms")}
              options={[
                { value: "stable", label: t("exports.pseudonyms.stable"), hint: t("exports.pseudonyms.stableHint") },
                { value: "fresh", label: t("exports.pseudonyms.fresh"), hint: t("exports.pseudonyms.freshHint") },
              ]}
            />
            <ChoiceGroup
              meta={fields.dates}
              type="radio"
              legend={t("exports.field.dates")}
              options={[
                { value: "month", label: t("exports.dates.month") },
                { value: "exact", label: t("exports.dates.exact"), hint: t("exports.dates.exactHint") },
              ]}
            />
          </div>

          <div className="actions">
            <button type="submit" name="intent" value="preview" className="button--secondary" disabled={busy}>
              {t("exports.previewButton")}
            </button>
            <button type="submit" name="intent" value="export" disabled={busy}>
              {t("exports.exportButton")}
            </button>
          </div>
          <p className="muted">{t("exports.auditNote")}</p>
        </Form>
      )}

      {actionData?.preview ? <ExportPreview preview={actionData.preview} locale={locale} /> : null}

      {page.jobs.length ? (
        <>
          <h2>{t("exports.jobs.heading")}</h2>
          <TableScroll label={t("exports.jobs.heading")}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("exports.col.when")}</th>
                  <th scope="col">{t("exports.col.who")}</th>
                  <th scope="col">{t("exports.col.dataset")}</th>
                  <th scope="col">{t("exports.col.format")}</th>
                  <th scope="col">{t("exports.jobs.col.state")}</th>
                  <th scope="col">{t("exports.jobs.col.progress")}</th>
                </tr>
              </thead>
              <tbody>
                {page.jobs.map((j) => (
                  <tr key={j.id}>
                    <td>
                      <Link to={`/exports/jobs/${j.id}`}><TimeText at={j.createdAt} style="table" /></Link>
                    </td>
                    <td>{j.actor}</td>
                    <td>
                      {t(`exports.dataset.${j.dataset}` as MessageKey)} <span className="muted">({j.project})</span>
                    </td>
                    <td>{j.format}</td>
                    <td>{t(`exports.jobs.state.${j.state}` as MessageKey)}</td>
                    <td>{j.state === "failed" ? null : <JobProgress id={`job-${j.id}-progress`} state={j.state} progress={j.progress} />}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      ) : null}

      <h2>{t("exports.recent")}</h2>
      {page.recent.length ? (
        <TableScroll label={t("exports.recent")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("exports.col.when")}</th>
                <th scope="col">{t("exports.col.who")}</th>
                <th scope="col">{t("exports.col.dataset")}</th>
                <th scope="col">{t("exports.col.format")}</th>
                <th scope="col">{t("exports.col.rows")}</th>
              </tr>
            </thead>
            <tbody>
              {page.recent.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={`/exports/${r.id}`}>
                      <TimeText at={r.createdAt} style="table" />
                    </Link>
                  </td>
                  <td>{r.actor ?? t("exports.cli")}</td>
                  <td>
                    {t(`exports.dataset.${r.dataset}` as MessageKey)} <span className="muted">({r.project})</span>
                  </td>
                  <td>{r.format}</td>
                  <td>{r.rows}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p>{t("exports.noneYet")}</p>
      )}
    </>
  );
}

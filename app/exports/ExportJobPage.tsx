// One export job while it is made: a progress bar, kept up to date by polling with JavaScript and
// by a refresh of the whole page without it (a meta refresh inside <noscript>, so it never fires
// when the polling runs). When the package is made, the loader leads on to the export's page.
import { Link, useRevalidator } from "@remix-run/react";
import { useEffect, useRef } from "react";
import type { MessageKey } from "~/i18n/catalog";
import { useT } from "~/utils/i18n";
import type { loadJobPage } from "./job-page.server";

export type JobPageData = Awaited<ReturnType<typeof loadJobPage>>;

/** Seconds between two looks at the job. */
const REFRESH_SECONDS = 2;

export function JobProgress({ state, progress, id }: Pick<JobPageData, "state" | "progress"> & { id: string }) {
  const t = useT();
  const text =
    state === "queued"
      ? t("exports.job.queued")
      : progress.phase
        ? t(`exports.job.phase.${progress.phase}`, { done: progress.done, total: progress.total, percent: progress.percent })
        : t("exports.job.starting");
  return (
    <div className="export-progress">
      <label htmlFor={id}>{t("exports.job.progress")}</label>
      {progress.phase ? <progress id={id} max={progress.total} value={progress.done} aria-describedby={`${id}-text`} /> : <progress id={id} aria-describedby={`${id}-text`} />}
      <p id={`${id}-text`} className="export-progress__text">
        {text}
      </p>
    </div>
  );
}

export function ExportJobPage({ job }: { job: JobPageData }) {
  const t = useT();
  const active = job.state === "queued" || job.state === "running";
  const revalidator = useRevalidator();
  const latest = useRef(revalidator);
  latest.current = revalidator;
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      if (latest.current.state === "idle") latest.current.revalidate();
    }, REFRESH_SECONDS * 1000);
    return () => clearInterval(timer);
  }, [active]);

  return (
    <>
      {active ? (
        <noscript>
          <meta httpEquiv="refresh" content={String(REFRESH_SECONDS)} />
        </noscript>
      ) : null}
      <p>
        <Link to="/exports">{t("exports.back")}</Link>
      </p>
      <h1>{t(`exports.job.title.${job.state}` as MessageKey)}</h1>
      <p>
        {t("exports.job.what", {
          dataset: t(`exports.dataset.${job.dataset}` as MessageKey),
          project: job.project?.title ?? "",
          format: job.format,
          actor: job.actor,
        })}
      </p>
      {active ? (
        <div role="status">
          <JobProgress id="job-progress" state={job.state} progress={job.progress} />
          <p className="muted">{t("exports.job.refresh")}</p>
        </div>
      ) : null}
      {job.error ? (
        <div className="notice notice--warn">
          <p>{job.error}</p>
          {job.detail ? <p className="muted">{t("exports.job.detail", { detail: job.detail })}</p> : null}
        </div>
      ) : null}
      {!active ? (
        <p>
          <Link to={job.project ? `/exports?project=${job.project.slug}&job=${job.id}` : "/exports"}>{t("exports.job.tryAgain")}</Link>
        </p>
      ) : null}
    </>
  );
}

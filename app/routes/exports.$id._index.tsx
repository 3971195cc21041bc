// One export package: who made it, what it holds, its manifest summary and file hashes, and the download.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { loadExportPage } from "~/exports/export-page.server";
import type { MessageKey } from "~/i18n/catalog";
import { useT } from "~/utils/i18n";
import { TableScroll } from "~/components/TableScroll";
import { TimeText } from "~/components/DateTime";

export const meta: MetaFunction = () => [{ title: "Eksport – Medforsker" }];

export const loader = ({ request, context, params }: LoaderFunctionArgs) => loadExportPage(request, context, params);

export default function ExportPage() {
  const t = useT();
  const e = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/exports">{t("exports.back")}</Link>
      </p>
      <h1>{t("exports.page.title", { id: e.id })}</h1>
      <dl className="facts">
        <dt>{t("exports.col.when")}</dt>
        <dd>
          <TimeText at={e.createdAt} />
        </dd>
        <dt>{t("exports.col.who")}</dt>
        <dd>{e.actor ?? t("exports.cli")}</dd>
        <dt>{t("exports.project")}</dt>
        <dd>{e.project}</dd>
        <dt>{t("exports.col.dataset")}</dt>
        <dd>{t(`exports.dataset.${e.dataset}` as MessageKey)}</dd>
        <dt>{t("exports.col.format")}</dt>
        <dd>{e.format}</dd>
        <dt>{t("exports.col.rows")}</dt>
        <dd>{e.rows}</dd>
        <dt>{t("exports.page.package")}</dt>
        <dd>
          {e.fileName} ({t("exports.page.bytes", { bytes: e.byteSize })})
          <br />
          <span className="muted export-hash">{t("exports.page.manifestHash", { sha: e.sha256 })}</span>
        </dd>
      </dl>
      {e.available ? (
        <p>
          <a className="button" href={`/exports/${e.id}/download`} download={e.fileName}>
            {t("exports.page.download")}
          </a>{" "}
          <span className="muted">{t("exports.page.keep", { days: e.keepDays })}</span>
        </p>
      ) : (
        <p className="notice notice--warn">{t(e.madeOnCommandLine ? "exports.page.cliFile" : "exports.page.expired")}</p>
      )}
      <h2>{t("exports.page.manifest")}</h2>
      <pre className="export-manifest">{e.summary.join("\n")}</pre>
      <h2>{t("exports.page.files")}</h2>
      <TableScroll label={t("exports.page.files")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("exports.page.file")}</th>
              <th scope="col">{t("exports.page.description")}</th>
              <th scope="col">{t("exports.page.size")}</th>
              <th scope="col">SHA-256</th>
            </tr>
          </thead>
          <tbody>
            {e.files.map((f) => (
              <tr key={f.path}>
                <td>
                  <code>{f.path}</code>
                </td>
                <td>{f.description}</td>
                <td>{t("exports.page.bytes", { bytes: f.bytes })}</td>
                <td className="export-hash">{f.sha256}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}

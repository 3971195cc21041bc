// One statistics table: count and share per column (programme, or everyone vs those in work),
// then the shares of particular interest, N, the not-answered count, mean and median. Hidden
// cells read "<k" on screen and "fewer than k" to a screen reader.
import { Fragment } from "react";
import type { MessageKey } from "~/i18n/catalog";
import { useT } from "~/utils/i18n";
import { BarChart } from "./BarChart";
import type { DisplayCell, DisplayRow, DisplayTable } from "./suppression";
import { TableScroll } from "~/components/TableScroll";

function Count({ cell, k }: { cell: DisplayCell; k: number }) {
  const t = useT();
  if (!cell.suppressed) return <>{cell.text}</>;
  return (
    <>
      <span aria-hidden="true">{cell.text}</span>
      <span className="visually-hidden">{t("reports.stats.hidden", { k })}</span>
    </>
  );
}

function Row({ row, k, className }: { row: DisplayRow; k: number; className?: string }) {
  return (
    <tr className={className}>
      <th scope="row">{row.label}</th>
      {row.cells.map((c, i) => (
        <Fragment key={i}>
          <td className="num">
            <Count cell={c} k={k} />
          </td>
          <td className="num">{c.percent ?? ""}</td>
        </Fragment>
      ))}
    </tr>
  );
}

function FooterRow({ label, values }: { label: string; values: readonly React.ReactNode[] }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      {values.map((v, i) => (
        <Fragment key={i}>
          <td className="num">{v}</td>
          <td />
        </Fragment>
      ))}
    </tr>
  );
}

export function StatisticsTable({ table, k }: { table: DisplayTable; k: number }) {
  const t = useT();
  const title = t(`reports.table.${table.id}` as MessageKey);
  const headingId = `table-${table.id}`;
  return (
    <section className="rep-table" aria-labelledby={headingId} id={table.id}>
      <h2 id={headingId}>{title}</h2>
      {table.population === "inWork" ? <p className="muted">{t("reports.stats.inWorkOnly")}</p> : null}
      {table.id.startsWith("behov_") ? <p className="muted">{t("reports.stats.needsBase")}</p> : null}
      <TableScroll label={title}>
        <table aria-labelledby={headingId}>
          <colgroup>
            <col />
          </colgroup>
          {table.columns.map((c) => (
            <colgroup key={c.key} span={2} />
          ))}
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                {t("reports.stats.category")}
              </th>
              {table.columns.map((c) => (
                <th key={c.key} scope="colgroup" colSpan={2} className="rep-colgroup">
                  {c.label}
                </th>
              ))}
            </tr>
            <tr>
              {table.columns.map((c) => (
                <Fragment key={c.key}>
                  <th scope="col" className="num">
                    {t("reports.stats.count")}
                  </th>
                  <th scope="col" className="num">
                    {t("reports.stats.percent")}
                  </th>
                </Fragment>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <Row key={row.key} row={row} k={k} />
            ))}
            {table.summaries.map((row) => (
              <Row key={`summary-${row.key}`} row={row} k={k} className="rep-summary" />
            ))}
          </tbody>
          <tfoot>
            {table.id !== "compare" ? <FooterRow label={t("reports.stats.n")} values={table.n.map((c, i) => <Count key={i} cell={c} k={k} />)} /> : null}
            {table.missing ? <FooterRow label={t("reports.stats.missing")} values={table.missing.map((c, i) => <Count key={i} cell={c} k={k} />)} /> : null}
            {table.numeric ? <FooterRow label={t("reports.stats.mean")} values={table.numeric.mean} /> : null}
            {table.numeric ? <FooterRow label={t("reports.stats.median")} values={table.numeric.median} /> : null}
            {table.distinct ? <FooterRow label={t("reports.stats.distinct")} values={table.distinct} /> : null}
          </tfoot>
        </table>
      </TableScroll>
      <BarChart table={table} title={title} k={k} />
    </section>
  );
}

// One statistics table: count and share per column (programme, or everyone vs those in work),
// then the shares of particular interest, N and the not-answered count. Hidden cells read ":" on
// screen and "hidden" to a screen reader; one sentence under the table says why.
import { Fragment } from "react";
import type { MessageKey } from "~/i18n/catalog";
import { useT } from "~/utils/i18n";
import { BarChart } from "./BarChart";
import type { DisplayCell, DisplayRow, DisplayTable } from "./suppression";
import { TableScroll } from "~/components/TableScroll";

export function Count({ cell }: { cell: DisplayCell }) {
  const t = useT();
  if (!cell.suppressed) return <>{cell.text}</>;
  return (
    <>
      <span aria-hidden="true">{cell.text}</span>
      <span className="visually-hidden">{t("reports.stats.hiddenCell")}</span>
    </>
  );
}

function Row({ row, className }: { row: DisplayRow; className?: string }) {
  return (
    <tr className={className} data-row={row.key}>
      <th scope="row">{row.label}</th>
      {row.cells.map((c, i) => (
        <Fragment key={i}>
          <td className="num">
            <Count cell={c} />
          </td>
          <td className="num">{c.percent ?? ""}</td>
        </Fragment>
      ))}
    </tr>
  );
}

function FooterRow({ label, values, row }: { label: string; values: readonly React.ReactNode[]; row: string }) {
  return (
    <tr data-row={row}>
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
      {table.withheld ? (
        <p className="notice" data-withheld={table.withheld}>
          {t(`reports.stats.withheld.${table.withheld === "case" ? "programme" : table.withheld}`, { k })}
        </p>
      ) : (
        <Body table={table} title={title} headingId={headingId} k={k} />
      )}
    </section>
  );
}

function Body({ table, title, headingId, k }: { table: DisplayTable; title: string; headingId: string; k: number }) {
  const t = useT();
  return (
    <>
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
                <th key={c.key} scope="colgroup" colSpan={2} className="rep-colgroup" data-column={c.key}>
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
              <Row key={row.key} row={row} />
            ))}
            {table.summaries.map((row) => (
              <Row key={`summary-${row.key}`} row={row} className="rep-summary" />
            ))}
          </tbody>
          <tfoot>
            {table.id !== "compare" ? <FooterRow row="N" label={t("reports.stats.n")} values={table.n.map((c, i) => <Count key={i} cell={c} />)} /> : null}
            {table.missing ? <FooterRow row="missing" label={t("reports.stats.missing")} values={table.missing.map((c, i) => <Count key={i} cell={c} />)} /> : null}
            {table.distinct ? <FooterRow row="distinct" label={t("reports.stats.distinct")} values={table.distinct} /> : null}
          </tfoot>
        </table>
      </TableScroll>
      {table.hidden ? <p className="muted rep-hidden-note">{t("reports.stats.hiddenNote", { k })}</p> : null}
      <BarChart table={table} title={title} />
    </>
  );
}

// People × months: submitted / draft only / nothing, as text and colour, with totals. Counts
// only, so case leads get the same table; researchers' cells link to the person's month.
import { Link } from "@remix-run/react";
import { TableScroll } from "~/components/TableScroll";
import { useT } from "~/utils/i18n";
import type { CellState, ComplianceGrid as GridData, GridCell } from "./compliance.server";
import { monthLabel, monthShort } from "./months";

const symbol: Record<CellState, string> = { submitted: "✓", draft: "…", none: "–" };

function Cell({ cell, href, month }: { cell: GridCell; href: string | null; month: string }) {
  const t = useT();
  const words = `${t(`logs.grid.state.${cell.state}`)}${cell.reopened ? `, ${t("logs.status.reopened").toLocaleLowerCase()}` : ""}${cell.notes ? `, ${t("logs.grid.notes", { count: cell.notes })}` : ""}`;
  const content = (
    <>
      <span aria-hidden="true">
        {symbol[cell.state]}
        {cell.notes ? <span className="log-grid__count">{cell.notes}</span> : null}
      </span>
      <span className="visually-hidden">
        {monthLabel(t, month)}: {words}
      </span>
    </>
  );
  return (
    <td className={`log-grid__cell log-grid__cell--${cell.state}`} title={words}>
      {href && cell.notes ? <Link to={href}>{content}</Link> : content}
    </td>
  );
}

export function ComplianceGrid({ grid, linkCells, caption }: { grid: GridData; linkCells: boolean; caption: string }) {
  const t = useT();
  const n = grid.months.length;
  return (
    <>
      <p className="log-grid__legend">
        <span className="log-grid__key log-grid__cell--submitted">✓</span> {t("logs.grid.state.submitted")}{" "}
        <span className="log-grid__key log-grid__cell--draft">…</span> {t("logs.grid.state.draft")}{" "}
        <span className="log-grid__key log-grid__cell--none">–</span> {t("logs.grid.state.none")} · {t("logs.grid.legendCount")}
      </p>
      <p role="status">{t("logs.grid.summary", { all: grid.summary.all, some: grid.summary.some, none: grid.summary.none, months: n })}</p>
      <TableScroll label={caption}>
        <table className="log-grid">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t("logs.grid.person")}</th>
              {grid.months.map((m) => (
                <th key={m} scope="col" className="log-grid__month">
                  <abbr title={monthLabel(t, m)}>{monthShort(t, m)}</abbr>
                </th>
              ))}
              <th scope="col" className="num">
                {t("logs.grid.totalSubmitted")}
              </th>
            </tr>
          </thead>
          <tbody>
            {grid.rows.map((r) => (
              <tr key={r.id}>
                <th scope="row" className="log-grid__person">
                  {r.name}
                  {!r.active ? <span className="muted"> ({t("logs.grid.inactive")})</span> : null}
                  <span className="log-grid__case">{r.caseProject}</span>
                </th>
                {r.cells.map((c, i) => (
                  <Cell key={grid.months[i]} cell={c} month={grid.months[i]} href={linkCells ? `/logs/${r.id}/${grid.months[i]}` : null} />
                ))}
                <td className="num">{t("logs.grid.ofMonths", { count: r.submitted, months: n })}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("logs.grid.totalPerMonth")}</th>
              {grid.monthTotals.map((m, i) => (
                <td key={grid.months[i]} className="num">
                  {m.submitted}
                  <span className="visually-hidden"> {t("logs.grid.ofPeople", { count: grid.rows.length })}</span>
                </td>
              ))}
              <td className="num">{grid.rows.reduce((a, r) => a + r.submitted, 0)}</td>
            </tr>
          </tfoot>
        </table>
      </TableScroll>
    </>
  );
}

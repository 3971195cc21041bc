// A horizontal bar chart of the shares in one statistics table, drawn as SVG on the server (no
// script; colours as presentation attributes, no inline style, for the CSP). Hidden cells get
// no bar, only their ":"; a share is drawn only where the table shows it. The figure's text alternative lists every share it shows;
// the table above it holds the same figures.
import { useT } from "~/utils/i18n";
import type { DisplayTable } from "./suppression";

/** One colour per column; each has at least 3:1 contrast against white (WCAG 1.4.11). */
const COLOURS = ["#1f5c7a", "#a34d00", "#4f5b62"] as const;

const WIDTH = 720;
const LABEL_WIDTH = 250;
const BAR_AREA = WIDTH - LABEL_WIDTH - 60;
const BAR = 14;
const GAP = 4;
const ROW_PAD = 8;
const MAX_LABEL = 36;

function shorten(text: string) {
  return text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1).trimEnd()}…` : text;
}

export function BarChart({ table, title }: { table: DisplayTable; title: string }) {
  const t = useT();
  const chartColumns = table.columns.map((c, i) => ({ ...c, index: i })).filter((c) => c.key !== "total");
  const columns = chartColumns.length ? chartColumns : table.columns.map((c, i) => ({ ...c, index: i }));
  const rows = table.rows;
  if (!rows.length) return null;
  const rowHeight = ROW_PAD * 2 + columns.length * (BAR + GAP);
  const legend = columns.length > 1 ? 28 : 0;
  const height = rows.length * rowHeight + legend + 4;
  const id = `chart-${table.id}`;
  const hidden = t("reports.stats.hiddenCell");
  const description = columns
    .map((c) => `${c.label}: ${rows.map((r) => `${r.label} ${r.cells[c.index].percent ?? (r.cells[c.index].suppressed ? hidden : r.cells[c.index].text)}`).join(", ")}.`)
    .join(" ");
  return (
    <figure className="rep-chart">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-labelledby={`${id}-title ${id}-desc`} xmlns="http://www.w3.org/2000/svg">
        <title id={`${id}-title`}>{t("reports.stats.chartAlt", { title })}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {rows.map((row, r) => {
          const y = r * rowHeight;
          return (
            <g key={row.key}>
              <text x={0} y={y + ROW_PAD + BAR} fontSize={13} fill="#1d2327">
                {shorten(row.label)}
              </text>
              {columns.map((c, i) => {
                const value = row.cells[c.index];
                const by = y + ROW_PAD + i * (BAR + GAP);
                const w = value.share === null ? 0 : Math.max(value.share * BAR_AREA, value.share > 0 ? 1 : 0);
                return (
                  <g key={c.key}>
                    <rect x={LABEL_WIDTH} y={by} width={w} height={BAR} fill={COLOURS[i % COLOURS.length]} />
                    <text x={LABEL_WIDTH + w + 6} y={by + BAR - 2} fontSize={12} fill="#1d2327">
                      {value.percent ?? (value.suppressed ? value.text : "")}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
        {legend
          ? columns.map((c, i) => (
              <g key={c.key}>
                <rect x={LABEL_WIDTH + i * 170} y={rows.length * rowHeight + 8} width={14} height={14} fill={COLOURS[i % COLOURS.length]} />
                <text x={LABEL_WIDTH + i * 170 + 20} y={rows.length * rowHeight + 20} fontSize={13} fill="#1d2327">
                  {c.label}
                </text>
              </g>
            ))
          : null}
      </svg>
    </figure>
  );
}

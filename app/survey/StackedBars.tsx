// A stacked horizontal bar per statement, drawn as SVG on the server (no script, no inline
// style: colours are presentation attributes). The table above it carries the same figures
// for screen readers, so the figure has a short text alternative only.

/** Fill and text colour per option position; white on the two dark fills, dark on the light one (AA). */
export const BAR_COLOURS = [
  { fill: "#1f5c7a", text: "#ffffff" },
  { fill: "#5f6b73", text: "#ffffff" },
  { fill: "#f0c05a", text: "#1d2327" },
  { fill: "#9bb7c7", text: "#1d2327" },
  { fill: "#d9dee1", text: "#1d2327" },
] as const;

export interface BarRow {
  label: string;
  counts: number[];
  percents: number[];
  n: number;
}

const WIDTH = 720;
const ROW = 46;
const BAR = 20;
const LEGEND = 34;
const MAX_LABEL = 96;

function shorten(text: string) {
  return text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1).trimEnd()}…` : text;
}

export function StackedBars({ rows, options, label, id }: { rows: BarRow[]; options: string[]; label: string; id: string }) {
  const height = rows.length * ROW + LEGEND + 8;
  const legendX = (i: number) => 4 + i * Math.floor(WIDTH / Math.max(options.length, 1));
  return (
    <svg
      className="survey-chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      role="img"
      aria-labelledby={`${id}-title`}
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={`${id}-title`}>{label}</title>
      {rows.map((row, r) => {
        const y = r * ROW;
        let x = 0;
        return (
          <g key={r}>
            <text x={0} y={y + 14} fontSize={13} fill="#1d2327">
              {shorten(row.label)}
            </text>
            {row.counts.map((count, i) => {
              const w = row.n > 0 ? (WIDTH * count) / row.n : 0;
              const colour = BAR_COLOURS[i % BAR_COLOURS.length];
              const segment = (
                <g key={i}>
                  <rect x={x} y={y + 20} width={w} height={BAR} fill={colour.fill} />
                  {w >= 34 ? (
                    <text x={x + w / 2} y={y + 34} fontSize={12} textAnchor="middle" fill={colour.text}>
                      {row.percents[i]} %
                    </text>
                  ) : null}
                </g>
              );
              x += w;
              return segment;
            })}
          </g>
        );
      })}
      {options.map((option, i) => (
        <g key={option}>
          <rect x={legendX(i)} y={rows.length * ROW + 12} width={14} height={14} fill={BAR_COLOURS[i % BAR_COLOURS.length].fill} />
          <text x={legendX(i) + 20} y={rows.length * ROW + 24} fontSize={13} fill="#1d2327">
            {option}
          </text>
        </g>
      ))}
    </svg>
  );
}

// The attacker of the statistics page: logged in as a researcher, it reads the page for every
// filter choice it offers (every case project, programme and status date, and their
// combinations), puts every number into one linear system per status date with what anyone knows
// of how the tables add up, and asks the solver how far each hidden cell can move.
//
// What it knows: a programme is the sum of its case projects (which case project belongs to which
// programme is on the page itself), the total the sum of the programmes; N the sum of the answer
// categories; N plus "not answered" the number of reports (in an in-work table: the number in
// work); the status groups sums of status codes; the summary rows sums of categories (single
// mothers at most those with children); a need at most N; the comparison's "all" column the same
// numbers as their own tables, its in-work numbers at most the number in work; every share within
// half a percentage point of its count over its base.
import { Client } from "./http";
import { LinearSystem, attack, type Finding } from "./disclosure-attacker";

const HIDDEN_MARK = /visually-hidden/;

interface ParsedTable {
  readonly id: string;
  readonly columns: readonly string[];
  /** Row key -> per column: count (null: hidden) and percent (null: none shown). */
  readonly rows: ReadonlyMap<string, { count: number | null; percent: number | null }[]>;
  readonly summaries: ReadonlySet<string>;
  readonly withheld: boolean;
}

interface ParsedPage {
  readonly reports: number | null;
  readonly inWork: { count: number | null; percent: number | null };
  readonly withdrawn: number | null;
  readonly tables: readonly ParsedTable[];
  readonly caseOptions: readonly string[];
  readonly asOfOptions: readonly string[];
}

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, "")
    .replace(/&nbsp;|\u00a0|\u202f/g, " ")
    .trim();

function parseCount(td: string): number | null {
  if (HIDDEN_MARK.test(td)) return null;
  const t = text(td);
  if (!/^\d+$/.test(t)) throw new Error(`not a count: ${JSON.stringify(td)}`);
  return Number(t);
}

function parsePercent(td: string): number | null {
  const t = text(td);
  if (t === "") return null;
  const m = /^(\d+)[^\d%]{0,2}%$/.exec(t);
  if (!m) throw new Error(`not a percentage: ${JSON.stringify(td)}`);
  return Number(m[1]);
}

function options(html: string, name: string): string[] {
  const select = new RegExp(`<select[^>]*name="${name}"[^>]*>([\\s\\S]*?)</select>`).exec(html)?.[1] ?? "";
  return [...select.matchAll(/<option[^>]*value="([^"]*)"/g)].map((m) => m[1]).filter((v) => v !== "");
}

function figure(html: string, testId: string): string {
  const m = new RegExp(`data-testid="${testId}">([\\s\\S]*?)</dd>`).exec(html);
  if (!m) throw new Error(`no ${testId}`);
  return m[1];
}

export function parseStatisticsPage(html: string): ParsedPage {
  const tables: ParsedTable[] = [];
  for (const m of html.matchAll(/<section class="rep-table"[^>]*id="([^"]+)"[^>]*>([\s\S]*?)<\/section>/g)) {
    const [, id, body] = m;
    const columns = [...body.matchAll(/data-column="([^"]+)"/g)].map((c) => c[1]);
    const rows = new Map<string, { count: number | null; percent: number | null }[]>();
    const summaries = new Set<string>();
    for (const row of body.matchAll(/<tr([^>]*)data-row="([^"]+)"[^>]*>([\s\S]*?)<\/tr>/g)) {
      const [, attrs, key, inner] = row;
      if (key === "distinct") continue;
      if (/rep-summary/.test(attrs)) summaries.add(key);
      const tds = [...inner.matchAll(/<td[^>]*>([\s\S]*?)<\/td>|<td[^>]*\/>/g)].map((t) => t[1] ?? "");
      const cells = columns.map((_, i) => ({ count: parseCount(tds[2 * i]), percent: parsePercent(tds[2 * i + 1] ?? "") }));
      rows.set(key, cells);
    }
    tables.push({ id, columns, rows, summaries, withheld: /data-withheld=/.test(body) });
  }
  const inWork = figure(html, "in-work");
  const percent = /\((\d+)\s?%\)/.exec(text(inWork));
  return {
    reports: parseCount(figure(html, "reports-count")),
    inWork: { count: parseCount(inWork.replace(/\s*\(\d+[\s\u00a0\u202f]?%\)\s*$/, "")), percent: percent ? Number(percent[1]) : null },
    withdrawn: parseCount(figure(html, "withdrawn")),
    tables,
    caseOptions: options(html, "case"),
    asOfOptions: options(html, "asOf"),
  };
}

/** Table structure: sums of rows, by table (summary rows and status groups). */
const ROW_SUMS: Record<string, Record<string, readonly string[]>> = {
  schooling: { under10: ["0to6", "7to9"], "10plus": ["10to12", "13plus"] },
  norwegian: { aLevel: ["none", "belowA1", "a1", "a2", "a2plus"] },
  position: { "60plus": ["60to99", "100"] },
  statusGroup: {
    "group:work": ["2", "6", "7", "8"],
    "group:followUp": ["1", "3", "9"],
    "group:profiling": ["10"],
    "group:school": ["4", "11"],
    "group:health": ["12"],
    "group:unknown": ["5"],
  },
};
const AT_MOST: Record<string, Record<string, readonly string[]>> = { children: { singleMothers: ["1to2", "3plus"] } };
const IN_WORK_TABLES = new Set(["contract", "position", "sector", "monthsToWork"]);
const NEEDS = ["behov_mikro", "behov_meso", "behov_makro"];
const COMPARE_SOURCES: Record<string, { table: string; row: string }> = {
  schooling10plus: { table: "schooling", row: "10plus" },
  work5plus: { table: "workExperience", row: "5plus" },
  noWork: { table: "workExperience", row: "none" },
  aLevel: { table: "norwegian", row: "aLevel" },
};

export interface AttackReport {
  readonly pages: number;
  readonly dates: readonly string[];
  readonly hidden: number;
  readonly findings: readonly (Finding & { date: string })[];
  /** Tables shown less finely than per case project (or not at all), as "date table". */
  readonly withheld: readonly string[];
  /** Filter choices whose page differs from the view they name (a case project with a programme). */
  readonly inconsistent: readonly string[];
}

/** The tables of a page, as they read (for comparing two choices that name the same view). */
const tablesOf = (html: string) => [...html.matchAll(/<section class="rep-table"[\s\S]*?<\/section>/g)].map((m) => m[0]).join("\n");

/** Reads every view of the page as `client` and attacks each status date's numbers. */
export async function attackStatisticsPage(client: Client, k: number): Promise<AttackReport> {
  const get = async (query: Record<string, string>) => {
    const params = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== ""));
    const res = await client.get(`/reports/statistics${params.size ? `?${params}` : ""}`);
    if (res.status !== 200) throw new Error(`${res.status} for ${params}`);
    return parseStatisticsPage(await res.text());
  };
  const first = await get({});
  const dates = ["", ...first.asOfOptions];
  const cases = first.caseOptions;
  let pages = 0;
  let hidden = 0;
  const findings: (Finding & { date: string })[] = [];
  const withheld = new Set<string>();
  const inconsistent: string[] = [];
  for (const date of dates) {
    const system = new LinearSystem();
    const v = (table: string, row: string, col: string) => `${table}|${row}|${col}`;
    // Which programme each case project belongs to: the column of its own view says.
    const programmeOf = new Map<string, string>();
    const views: { query: Record<string, string>; page: ParsedPage; root: (col: string) => string }[] = [];
    // Every view: everyone, each programme, each case project. A case project with a programme
    // is the same view (its own programme) or an empty one (the other): checked at the first date.
    const read = async (query: Record<string, string>) => {
      const res = await client.get(`/reports/statistics?${new URLSearchParams(Object.entries({ ...query, asOf: date }).filter(([, v]) => v !== ""))}`);
      if (res.status !== 200) throw new Error(`${res.status} for ${JSON.stringify(query)}`);
      pages++;
      return res.text();
    };
    for (const [caseId, programme] of [...["", "intro", "jobbsjansen"].map((p) => ["", p]), ...cases.map((c) => [c, ""])]) {
      const html = await read({ case: caseId, programme });
      const page = parseStatisticsPage(html);
      for (const t of page.tables) if (t.withheld) withheld.add(`${date || "latest"} ${t.id}`);
      if (caseId) {
        const own = page.tables.find((t) => t.id === "gender")!.columns[0];
        programmeOf.set(caseId, own);
        if (date === dates[0]) {
          for (const other of ["intro", "jobbsjansen"]) {
            const choice = await read({ case: caseId, programme: other });
            const same = other === own ? tablesOf(choice) === tablesOf(html) : parseStatisticsPage(choice).tables.length === 0;
            if (!same) inconsistent.push(`case ${caseId} with ${other}`);
          }
        }
      }
      const root = (col: string) => (caseId ? `case:${caseId}` : programme || col);
      views.push({ query: { case: caseId, programme }, page, root });
    }
    const show = (name: string, value: number | null) => (value === null ? system.hidden.has(name) || system.hide(name) : system.publish(name, value));
    const percent = (count: string, base: string, p: number, note: string) => {
      system.add(
        [
          [count, 100],
          [base, -(p + 0.5)],
        ],
        "<=",
        0,
        note,
      );
      system.add(
        [
          [count, 100],
          [base, -(p - 0.5)],
        ],
        ">=",
        0,
        note,
      );
    };
    for (const { query, page, root } of views) {
      const viewRoot = query.case ? `case:${query.case}` : query.programme || "total";
      show(v("pop", "pop", viewRoot), page.reports);
      show(v("statusGroup", "group:work", viewRoot), page.inWork.count);
      if (page.inWork.percent !== null) percent(v("statusGroup", "group:work", viewRoot), v("pop", "pop", viewRoot), page.inWork.percent, "in work");
      show(v("withdrawn", "withdrawn", query.case ? `case:${query.case}` : "total"), page.withdrawn);
      for (const table of page.tables) {
        if (table.withheld) continue;
        for (const [row, cells] of table.rows) {
          table.columns.forEach((column, i) => {
            const col = table.id === "compare" ? viewRoot : root(column);
            const { count, percent: p } = cells[i];
            if (table.id === "programme") {
              // Reports per programme within this view.
              if (!query.case && !query.programme) show(v("pop", "pop", row), count);
              return;
            }
            if (table.id === "compare") {
              const source = COMPARE_SOURCES[row];
              const name = column === "all" ? v(source.table, source.row, col) : v(`compare:${row}`, "yes", col);
              show(name, count);
              const base = column === "all" ? v(source.table, "N", col) : v(`compare:${row}`, "n", col);
              if (p !== null) percent(name, base, p, `compare ${row}`);
              return;
            }
            const name = v(table.id, row, col);
            show(name, count);
            if (p !== null && row !== "N" && row !== "missing") percent(name, v(table.id, "N", col), p, `${table.id} ${row}`);
          });
        }
      }
    }
    // The structure.
    const tables = new Map<string, Set<string>>();
    const summaryRows = new Map<string, Set<string>>();
    for (const { page } of views) {
      for (const t of page.tables) {
        if (t.withheld || t.id === "programme" || t.id === "compare") continue;
        const rows = tables.get(t.id) ?? new Set<string>();
        for (const r of t.rows.keys()) rows.add(r);
        tables.set(t.id, rows);
        const sums = summaryRows.get(t.id) ?? new Set<string>();
        for (const r of t.summaries) sums.add(r);
        summaryRows.set(t.id, sums);
      }
    }
    const columns = ["total", "intro", "jobbsjansen", ...cases.map((c) => `case:${c}`)];
    const caseColumns = (p: string) => cases.filter((c) => programmeOf.get(c) === p).map((c) => `case:${c}`);
    const allRows: [string, string][] = [["pop", "pop"], ["withdrawn", "withdrawn"]];
    for (const [id, rows] of tables) for (const r of [...rows, "N", "missing"]) allRows.push([id, r]);
    for (const id of NEEDS) allRows.push([id, "N"], [id, "missing"]);
    for (const row of Object.keys(COMPARE_SOURCES)) allRows.push([`compare:${row}`, "yes"], [`compare:${row}`, "n"]);
    for (const [table, row] of [...new Map(allRows.map((x) => [x.join("|"), x])).values()]) {
      if (table !== "withdrawn") {
        system.sum(v(table, row, "total"), [v(table, row, "intro"), v(table, row, "jobbsjansen")], `${table} ${row} programmes`);
        for (const p of ["intro", "jobbsjansen"]) system.sum(v(table, row, p), caseColumns(p).map((c) => v(table, row, c)), `${table} ${row} ${p}`);
      } else system.sum(v(table, row, "total"), cases.map((c) => v(table, row, `case:${c}`)), "withdrawn");
    }
    for (const col of columns) {
      for (const [id, rows] of tables) {
        const sums = { ...(ROW_SUMS[id] ?? {}) };
        const atMost = AT_MOST[id] ?? {};
        const base = NEEDS.includes(id) ? null : [...rows].filter((r) => !(r in sums) && !(r in atMost) && !summaryRows.get(id)!.has(r) && r !== "N" && r !== "missing");
        if (id === "status") continue; // the same N as the status groups (below)
        if (base?.length) system.sum(v(id, "N", col), base.map((r) => v(id, r, col)), `${id} N`);
        const population = IN_WORK_TABLES.has(id) ? v("statusGroup", "group:work", col) : v("pop", "pop", col);
        system.add(
          [
            [v(id, "N", col), 1],
            [v(id, "missing", col), 1],
            [population, -1],
          ],
          "=",
          0,
          `${id} population`,
        );
        for (const [row, parts] of Object.entries(sums)) {
          const source = id === "statusGroup" ? "status" : id;
          system.sum(v(id, row, col), parts.map((p) => v(source, p, col)), `${id} ${row}`);
        }
        for (const [row, parts] of Object.entries(atMost)) system.add([[v(id, row, col), 1], ...parts.map((p) => [v(id, p, col), -1] as const)], "<=", 0, `${id} ${row}`);
        if (NEEDS.includes(id)) for (const r of rows) if (r !== "N" && r !== "missing") system.add([[v(id, r, col), 1], [v(id, "N", col), -1]], "<=", 0, `${id} ${r}`);
      }
      if (tables.has("status")) {
        system.sum(v("status", "N", col), [v("statusGroup", "N", col)], "status N");
        system.sum(v("status", "missing", col), [v("statusGroup", "missing", col)], "status missing");
        const codes = [...tables.get("status")!].filter((r) => r !== "N" && r !== "missing");
        system.sum(v("status", "N", col), codes.map((r) => v("status", r, col)), "status codes");
      }
      for (let i = 1; i < NEEDS.length; i++) {
        system.sum(v(NEEDS[i], "N", col), [v(NEEDS[0], "N", col)], "needs N");
        system.sum(v(NEEDS[i], "missing", col), [v(NEEDS[0], "missing", col)], "needs missing");
      }
      for (const [row, source] of Object.entries(COMPARE_SOURCES)) {
        system.add([[v(`compare:${row}`, "yes", col), 1], [v(source.table, source.row, col), -1]], "<=", 0, "compare yes");
        system.add([[v(`compare:${row}`, "yes", col), 1], [v(`compare:${row}`, "n", col), -1]], "<=", 0, "compare n");
        system.add([[v(`compare:${row}`, "n", col), 1], [v("statusGroup", "group:work", col), -1]], "<=", 0, "compare in work");
      }
    }
    hidden += system.hidden.size;
    for (const f of await attack(system, k)) findings.push({ ...f, date: date || "latest" });
  }
  return { pages, dates: dates.map((d) => d || "latest"), hidden, findings, withheld: [...withheld], inconsistent };
}

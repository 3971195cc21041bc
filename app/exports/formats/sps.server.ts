// Format "sps": SPSS syntax plus the CSV it reads (spss/sps-writer.server.ts): `* Encoding: UTF-8.`,
// SET DECIMAL=DOT, a FILE HANDLE for the CSV, no SET UNICODE (PSPP refuses it). Line breaks in free
// text become " / " in this CSV only, since GET DATA cannot read them inside quotes. Text cells are
// neutralised against formula injection, as the CSV may be opened in a spreadsheet too.
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { Row } from "../dictionary";
import { buildSps, encodeCsv } from "../spss/sps-writer.server";
import type { ExportFormat, FormatInput, FormatResult } from "./format";
import { Neutraliser } from "./spreadsheet-safety";

/** The rows with every string value neutralised (counted). */
export async function* neutralisedRows(input: FormatInput, neutraliser: Neutraliser): AsyncIterable<Row> {
  const strings = input.dict.variables.filter((v) => v.type === "string").map((v) => v.name);
  for await (const row of input.rows()) {
    for (const name of strings) {
      const value = row[name];
      if (typeof value === "string" && value !== "") row[name] = neutraliser.cell(value);
    }
    yield row;
  }
}

export const spsFormat: ExportFormat = {
  id: "sps",
  label: { nb: "SPSS-syntaks med CSV (.sps + .csv)", en: "SPSS syntax with CSV (.sps + .csv)" },
  description: {
    nb: "Lesbar syntaks som leser CSV-filen og setter etiketter, manglende verdier og målenivå. Kjør den i SPSS (Unicode-modus) eller PSPP.",
    en: "Readable syntax that reads the CSV file and sets labels, missing values and measurement levels. Run it in SPSS (Unicode mode) or PSPP.",
  },
  async write(input: FormatInput): Promise<FormatResult> {
    const csvName = `${input.baseName}.csv`;
    const spsName = `${input.baseName}.sps`;
    const neutraliser = new Neutraliser();
    const out = createWriteStream(path.join(input.dir, csvName));
    const chunks = encodeCsv(input.dict, neutralisedRows(input, neutraliser));
    let step = await chunks.next();
    while (!step.done) {
      if (!out.write(step.value)) await once(out, "drain");
      step = await chunks.next();
    }
    out.end();
    await once(out, "finish");
    const widths = step.value;
    return {
      files: [
        { path: spsName, description: { nb: "SPSS-syntaks som leser CSV-filen", en: "SPSS syntax that reads the CSV file" } },
        { path: csvName, description: { nb: "Data for syntaksfilen (linjeskift i fritekst er « / »)", en: "Data for the syntax file (line breaks in free text are « / »)" } },
      ],
      truncatedValues: 0,
      neutralisedCells: neutraliser.count,
      finish: async (summary) => {
        const sps = buildSps({ ...input.dict, documents: [...summary] }, { csvFileName: csvName, stringWidths: widths });
        await writeFile(path.join(input.dir, spsName), sps);
      },
    };
  },
};

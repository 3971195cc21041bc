// The registry of export formats: the export centre and the CLI pick one by id.
import type { FormatId } from "../datasets";
import { csvFormat } from "./csv.server";
import { docxFormat } from "./docx.server";
import type { ExportFormat } from "./format";
import { savFormat } from "./sav.server";
import { qdpxFormat } from "./qdpx.server";
import { spsFormat } from "./sps.server";
import { xlsxFormat } from "./xlsx.server";

export const formats: Record<FormatId, ExportFormat> = {
  sav: savFormat,
  sps: spsFormat,
  xlsx: xlsxFormat,
  docx: docxFormat,
  qdpx: qdpxFormat,
  csv: csvFormat,
};

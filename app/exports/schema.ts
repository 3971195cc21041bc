// The export schema: the format-neutral description of one export's variables in both languages,
// built once per export after anonymisation has decided what each variable becomes. Every writer
// reads the localised form of it (ExportDictionary, a DataDictionary plus NVivo roles), and the
// codebook reads both languages, so .sav, .sps, .xlsx, .docx and .qdpx cannot drift apart.
import type { Locale, Localized } from "~/i18n/locale";
import type { DataDictionary, DictVariable, Measure } from "./dictionary";
import type { DatasetId } from "./datasets";
import type { CodingLayout } from "./coding-export";

export type NvivoRole = "codable" | "classifying";

/** What the anonymisation did to a variable, shown in the preview and the codebook. */
export type Treatment =
  | "kept" // as given
  | "pseudonymised" // a person replaced by a stable pseudonym
  | "coarsened" // a date replaced by its month
  | "scrubbed" // free text with identifiers replaced by markers
  | "generalised" // replaced by a coarser form (k-anonymity)
  | "k-anonymised" // a quasi-identifier kept as is, with single values suppressed where needed
  | "derived"; // made by the export (running number, case attributes)

export interface SchemaVariable {
  readonly name: string;
  readonly label: Localized;
  readonly type: DictVariable["type"];
  readonly measure: Measure;
  readonly decimals?: number;
  readonly width?: number;
  readonly valueLabels?: readonly { value: number | string; label: Localized }[];
  readonly missing?: readonly (number | string)[];
  readonly nvivo: NvivoRole;
  readonly treatment: Treatment;
  /** The instrument variable it comes from (null for variables the export adds). */
  readonly source: string | null;
}

/** How the NVivo formats (.xlsx, .docx, .qdpx) arrange the rows. */
export interface QualitativeLayout {
  /** The variable whose value names the case (a pseudonym or respondent). */
  readonly caseVariable: string;
  /** The NVivo classification of the cases, e.g. «Jobbspesialist». */
  readonly caseClassification: Localized;
  /** Classifying variables that describe the case itself (constant per case). */
  readonly caseAttributes: readonly string[];
  /** Rows with equal values of these (consecutive in row order) form one text document. */
  readonly documentBy: readonly string[];
  /** One .docx file per value of this variable (else one file for all). */
  readonly docxFileBy?: string;
  /** The file name part for each value of docxFileBy (else the value itself). */
  readonly docxFileNames?: Readonly<Record<string, string>>;
  /** Variables shown before each row's text inside a document (e.g. the step). */
  readonly rowLabel: readonly string[];
  /** Coded variables whose value pre-codes each row's texts in the .qdpx (e.g. the SE step). */
  readonly codeBy: readonly string[];
  /**
   * Transcripts: each row is one speaker turn; the text is prefixed with the speaker. `codes` names
   * a variable holding code spans relative to the turn text ("K2@0-120 K4@50-80", code points).
   */
  readonly turns?: { readonly speaker: string; readonly codes?: string };
}

export interface ExportSchema {
  readonly dataset: DatasetId;
  readonly title: Localized;
  readonly variables: readonly SchemaVariable[];
  readonly qualitative: QualitativeLayout;
  /** The project's codebook, when the data set's records can be coded (log notes). */
  readonly coding?: CodingLayout;
}

export interface ExportVariable extends DictVariable {
  readonly nvivo: NvivoRole;
  readonly treatment: Treatment;
  readonly source: string | null;
  readonly labels: Localized;
}

export interface ExportDictionary extends DataDictionary {
  readonly locale: Locale;
  readonly dataset: DatasetId;
  readonly variables: ExportVariable[];
  readonly qualitative: QualitativeLayout;
  readonly coding?: CodingLayout;
}

/** The schema in one language, as the writers read it. */
export function localise(schema: ExportSchema, locale: Locale, fileLabel: string, documents: string[] = []): ExportDictionary {
  return {
    locale,
    dataset: schema.dataset,
    fileLabel,
    documents,
    qualitative: schema.qualitative,
    coding: schema.coding,
    variables: schema.variables.map((v) => ({
      name: v.name,
      label: v.label[locale],
      labels: v.label,
      type: v.type,
      measure: v.measure,
      decimals: v.decimals,
      width: v.width,
      valueLabels: v.valueLabels?.map((l) => ({ value: l.value, label: l.label[locale] })),
      missing: v.missing ? [...v.missing] : undefined,
      nvivo: v.nvivo,
      treatment: v.treatment,
      source: v.source,
    })),
  };
}

/** Text of a value as a person reads it: its value label, else the value itself ("" for missing). */
export function valueText(v: DictVariable, value: number | string | null | undefined): string {
  if (value === null || value === undefined || value === "") return "";
  const label = v.valueLabels?.find((l) => l.value === value || (typeof value === "number" && Number(l.value) === value));
  return label ? label.label : String(value);
}

// Data set "participant-reports": the latest report of every participant who has consented
// (instrument participant-report), read through the reports capability's own read function.
// k-anonymity over the declared quasi-identifiers (the instrument's quasi_identifier variables,
// plus the programme) with k from the project settings: when the data are not k-anonymous as
// they are, age becomes age bands, country becomes region and children 0 / 1–2 / 3+, then single
// values are suppressed until every group has at least k. Case project, organisation and job
// specialist are left out: each is finer than the programme and would undo the k-anonymity.
import type { Localized } from "~/i18n/locale";
import { countWithdrawn, listParticipantReports, type ParticipantReport } from "~/reports/data.server";
import { REPORT_INSTRUMENT_ID } from "~/reports/instrument.server";
import type { CompiledVariable } from "~/instruments/types";
import type { Db } from "../../../db/connection.server";
import { AGE_BANDS, CHILDREN_BANDS, SUPPRESSED, ageBand, childrenBand, kAnonymise, type QiValue, type QuasiIdentifier } from "../anonymise/k-anonymity";
import { PseudonymTable } from "../anonymise/pseudonyms.server";
import { OTHER_REGION, REGIONS, regionOf } from "../anonymise/regions";
import { add } from "../anonymise/stats";
import type { Row } from "../dictionary";
import { AnswerConverter } from "../instrument-variables";
import type { ManifestStep } from "../manifest";
import type { ExportSchema, SchemaVariable } from "../schema";
import { IMPORT_NUMBER, IMPORT_ROW, INSTRUMENT_VERSION, MONTH, PERSON, PSEUDONYM_WIDTH, ROW_NUMBER, mergedInstrument } from "./common.server";
import { CASE_VARIABLES, caseChoices, caseVariables, programmeCode, projectStructure } from "./project-structure.server";
import type { DatasetSource, Pass, PreparedDataset, SourceContext } from "./source.server";
import { periodText } from "../manifest";

const TITLE: Localized = { nb: "Individrapporter", en: "Participant reports" };
const PARTICIPANT = "deltaker";
/** Code of a value suppressed by the k-anonymity, declared missing like "not answered". */
export const SUPPRESSED_CODE = -3;
const SUPPRESSED_LABEL: Localized = { nb: "Skjult (anonymisering)", en: "Suppressed (anonymisation)" };

/** How a quasi-identifier may be generalised, by variable name (the report's own scheme). */
const GENERALISATION: Record<string, { name: string; label: Localized; generalise: (v: number) => number; labels: readonly { code: number; label: Localized }[] }> = {
  hjemland: {
    name: "hjemland_region",
    label: { nb: "Hjemland (region)", en: "Country of origin (region)" },
    generalise: (c) => regionOf(c).code,
    labels: [...REGIONS, OTHER_REGION].map((r) => ({ code: r.code, label: r.label })),
  },
  alder_overtatt: {
    name: "alder_gruppe",
    label: { nb: "Alder da JS overtok deltakeren (aldersgruppe)", en: "Age when the job specialist took over (age band)" },
    generalise: ageBand,
    labels: AGE_BANDS,
  },
  antall_barn: {
    name: "antall_barn_gruppe",
    label: { nb: "Antall barn (gruppert)", en: "Number of children (grouped)" },
    generalise: childrenBand,
    labels: CHILDREN_BANDS,
  },
};

function reportsOf(db: Db, projectId: number, from: string | null, to: string | null, caseProjectIds: readonly number[]): ParticipantReport[] {
  const all = listParticipantReports(db, { projectId, startFrom: from, startTo: to });
  return caseProjectIds.length ? all.filter((r) => caseProjectIds.includes(r.caseProjectId)) : all;
}

export const participantReportsSource: DatasetSource = {
  id: "participant-reports",
  title: TITLE,

  choices(db, projectId) {
    const reports = listParticipantReports(db, { projectId });
    const months = reports.map((r) => r.startMonth).sort();
    return {
      available: reports.length > 0,
      unavailableReason: reports.length ? undefined : "exports.unavailable.noData",
      months: months.length ? { first: months[0], last: months[months.length - 1] } : null,
      caseProjects: caseChoices(projectStructure(db, projectId)),
      waves: [],
      exchanges: [],
      usesPeriod: true,
      usesCases: true,
    };
  },

  prepare(ctx: SourceContext): PreparedDataset {
    const { reader, project, scope, options } = ctx;
    const reports = reportsOf(reader.db, project.id, scope.from, scope.to, scope.caseProjectIds);
    const counts = new Map<number, number>();
    for (const r of reports) counts.set(r.version.instrumentVersion, (counts.get(r.version.instrumentVersion) ?? 0) + 1);
    const { merged, entries } = mergedInstrument(ctx.codebook, REPORT_INSTRUMENT_ID, [...counts].sort((a, b) => a[0] - b[0]).map(([version, rows]) => ({ version, rows })));

    // The quasi-identifiers: declared in the instrument, plus the programme of the case project.
    const qiVars = merged.variables.filter((v) => v.disclosure === "quasi_identifier" && (v.kind === "code" || v.kind === "integer"));
    const qis: QuasiIdentifier[] = [...qiVars.map((v) => ({ variable: v.name, generalise: GENERALISATION[v.name]?.generalise })), { variable: CASE_VARIABLES.programme }];
    const qiValue = (r: ParticipantReport, v: CompiledVariable): QiValue => {
      const raw = r.answers[v.name];
      return typeof raw === "number" && Number.isFinite(raw) ? raw : null;
    };
    const k = Math.max(1, project.minCellSize);
    const kResult = kAnonymise(
      reports.map((r) => [...qiVars.map((v) => qiValue(r, v)), programmeCode(r.programme)]),
      qis,
      k,
    );
    const generalised = new Set(kResult.generalised);

    const converter = new AnswerConverter(merged, { exactDates: options.exactDates, quasiIdentifiers: new Set(qiVars.map((v) => v.name)) });
    const structure = projectStructure(reader.db, project.id);
    const programmeVar = caseVariables(structure).find((v) => v.name === CASE_VARIABLES.programme)!;
    const withSuppressed = (v: SchemaVariable): SchemaVariable => ({
      ...v,
      valueLabels: [...(v.valueLabels ?? []), { value: SUPPRESSED_CODE, label: SUPPRESSED_LABEL }],
      missing: [...(v.missing ?? []).slice(0, 2), SUPPRESSED_CODE],
      treatment: v.treatment === "generalised" ? "generalised" : "k-anonymised",
    });
    const qiSchema: SchemaVariable[] = qiVars.map((v) => {
      const missing = v.missing.slice(0, 2).map((m) => ({ value: m.code, label: m.label }));
      const g = GENERALISATION[v.name];
      if (g && generalised.has(v.name)) {
        return withSuppressed({
          name: g.name,
          label: g.label,
          type: "numeric",
          measure: v.name === "hjemland" ? "nominal" : "ordinal",
          decimals: 0,
          valueLabels: [...g.labels.map((l) => ({ value: l.code, label: l.label })), ...missing],
          missing: missing.map((m) => m.value),
          nvivo: v.nvivo,
          treatment: "generalised",
          source: v.name,
        });
      }
      return withSuppressed({
        name: v.name,
        label: v.label,
        type: "numeric",
        measure: v.measure,
        decimals: 0,
        valueLabels: [...v.options.map((o) => ({ value: o.code, label: o.label })), ...missing],
        missing: missing.map((m) => m.value),
        nvivo: v.nvivo,
        treatment: "k-anonymised",
        source: v.name,
      });
    });
    const generalisedSchema = (name: string) => qiSchema.find((s) => s.source === name)!;
    const programmeSchema = withSuppressed(programmeVar);

    const participants = new PseudonymTable(ctx.pseudonymKey, "participant", reports.map((r) => r.participantId));
    const ordered = reports.map((r, i) => ({ r, i, pseudonym: participants.of(r.participantId) })).sort((a, b) => (a.pseudonym < b.pseudonym ? -1 : 1));
    const reportMonth: SchemaVariable = { ...MONTH, name: "rapport_maaned", label: { nb: "Rapporten gjelder fra (måned)", en: "Report applies from (month)" } };
    const startMonth: SchemaVariable = { ...MONTH, name: "start_maaned", label: { nb: "Måned JS overtok deltakeren", en: "Month the job specialist took over" }, treatment: "kept" };

    const schema: ExportSchema = {
      dataset: "participant-reports",
      title: TITLE,
      variables: [
        ROW_NUMBER({ nb: "Rapport (løpenummer i eksporten)", en: "Report (running number in the export)" }),
        PERSON(PARTICIPANT, { nb: "Deltaker (pseudonym)", en: "Participant (pseudonym)" }),
        startMonth,
        reportMonth,
        programmeSchema,
        INSTRUMENT_VERSION,
        ...qiSchema,
        ...converter.variables,
        IMPORT_NUMBER,
        IMPORT_ROW,
      ],
      qualitative: {
        caseVariable: PARTICIPANT,
        caseClassification: { nb: "Deltaker", en: "Participant" },
        caseAttributes: [programmeSchema.name, ...qiSchema.map((v) => v.name), ...converter.variables.filter((v) => v.nvivo === "classifying" && v.type === "numeric").map((v) => v.name)],
        documentBy: [PARTICIPANT],
        rowLabel: [],
        codeBy: [],
      },
    };

    return {
      schema,
      rowCount: reports.length,
      widths: { [PARTICIPANT]: PSEUDONYM_WIDTH },
      instruments: entries,
      description: periodText(scope.from, scope.to, options.locale),
      *rows(pass: Pass): Iterable<Row> {
        let nr = 0;
        for (const { r, i, pseudonym } of ordered) {
          const values = kResult.values[i];
          const row: Row = { nr: ++nr, [PARTICIPANT]: pseudonym, [startMonth.name]: r.startMonth };
          pass.stats.pseudonymised++;
          pass.stats.subjects.add(pseudonym);
          row[reportMonth.name] = r.version.effectiveDate.slice(0, 7);
          pass.stats.coarsened++;
          qiVars.forEach((v, q) => {
            const out = generalised.has(v.name) && GENERALISATION[v.name] ? generalisedSchema(v.name) : qiSchema[q];
            const value = values[q];
            if (value === SUPPRESSED) {
              row[out.name] = SUPPRESSED_CODE;
              add(pass.stats.suppressed, out.name);
            } else if (value === null) row[out.name] = v.missing.find((m) => m.role === "not_answered")?.code ?? null;
            else {
              row[out.name] = value;
              if (out.treatment === "generalised") add(pass.stats.generalised, out.name);
            }
          });
          const programme = values[qiVars.length];
          row[programmeSchema.name] = programme === SUPPRESSED ? SUPPRESSED_CODE : programme;
          if (programme === SUPPRESSED) add(pass.stats.suppressed, programmeSchema.name);
          row[INSTRUMENT_VERSION.name] = r.version.instrumentVersion;
          converter.convert(r.answers, r.version.instrumentVersion, pass.scrub, pass.stats, row);
          row[IMPORT_NUMBER.name] = r.version.importId;
          row[IMPORT_ROW.name] = r.version.importRow;
          pass.stats.rows++;
          yield row;
        }
      },
      steps(): ManifestStep[] {
        const suppressed = Object.fromEntries(Object.entries(kResult.suppressed).filter(([, n]) => n > 0).map(([name, n]) => [`suppressed.${name}`, n]));
        return [
          {
            id: "k-anonymity",
            title: { nb: "k-anonymitet", en: "k-anonymity" },
            summary: {
              nb: `Kvasi-identifikatorer: ${qis.map((q) => q.variable).join(", ")}. ${kResult.generalised.length ? `Generalisert: ${kResult.generalised.join(", ")}. ` : "Ingen generalisering trengtes. "}Enkeltverdier er skjult (kode ${SUPPRESSED_CODE}) der en deltaker ellers ville ligne færre enn k deltakere; en skjult verdi regnes som en hvilken som helst verdi. k nådd er det minste antallet deltakere en deltaker ligner. Caseprosjekt, organisasjon og jobbspesialist er utelatt.`,
              en: `Quasi-identifiers: ${qis.map((q) => q.variable).join(", ")}. ${kResult.generalised.length ? `Generalised: ${kResult.generalised.join(", ")}. ` : "No generalisation was needed. "}Single values are suppressed (code ${SUPPRESSED_CODE}) where a participant would otherwise match fewer than k participants; a suppressed value counts as any value. k reached is the fewest participants any participant matches. Case project, organisation and job specialist are left out.`,
            },
            counts: {
              k,
              kReached: Number.isFinite(kResult.kReached) ? kResult.kReached : 0,
              groupsBelowKBefore: kResult.groupsBelowKBefore,
              recordsBelowKAfter: kResult.recordsBelowK,
              ...suppressed,
            },
          },
          {
            id: "consent",
            title: { nb: "Samtykke", en: "Consent" },
            summary: {
              nb: "Bare deltakere med samtykke er med; deltakere som har trukket samtykket, er utelatt.",
              en: "Only consenting participants are included; participants who withdrew consent are left out.",
            },
            counts: { withdrawnLeftOut: countWithdrawn(reader.db, project.id) },
          },
        ];
      },
    };
  },
};

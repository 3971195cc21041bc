// Building blocks of the export pages: radio and checkbox groups in a fieldset with their error
// next to them (conform field metadata; the values typed come back without JavaScript), and the
// preview of what an export will hold and what the anonymisation will do to it.
import type { FieldMetadata } from "@conform-to/react";
import type { ReactNode } from "react";
import type { MessageKey, TFunction } from "~/i18n/catalog";
import { useT } from "~/utils/i18n";
import { TableScroll } from "~/components/TableScroll";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Meta = FieldMetadata<any, any, string[]>;
export interface Choice {
  readonly value: string;
  readonly label: ReactNode;
  readonly hint?: ReactNode;
  readonly disabled?: boolean;
}

function chosen(meta: Meta): string[] {
  const v = meta.initialValue as unknown;
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v.map(String) : [String(v)];
}

export function ChoiceGroup({
  meta,
  legend,
  hint,
  options,
  type,
  className,
}: {
  meta: Meta;
  legend: ReactNode;
  hint?: ReactNode;
  options: readonly Choice[];
  type: "radio" | "checkbox";
  className?: string;
}) {
  const selected = chosen(meta);
  const describedBy = [hint ? `${meta.id}-hint` : null, meta.errors?.length ? meta.errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset className={`choice-group${className ? ` ${className}` : ""}`} aria-describedby={describedBy} aria-invalid={meta.errors?.length ? true : undefined}>
      <legend>{legend}</legend>
      {hint ? (
        <p className="hint" id={`${meta.id}-hint`}>
          {hint}
        </p>
      ) : null}
      {meta.errors?.length ? (
        <p className="field-error" id={meta.errorId}>
          {meta.errors.join(" ")}
        </p>
      ) : null}
      {options.map((o) => {
        const id = `${meta.id}-${o.value}`;
        return (
          <div className="choice" key={o.value}>
            <input type={type} id={id} name={meta.name} value={o.value} defaultChecked={selected.includes(o.value)} disabled={o.disabled} aria-describedby={o.hint ? `${id}-hint` : undefined} />
            <label htmlFor={id}>{o.label}</label>
            {o.hint ? (
              <span className="hint" id={`${id}-hint`}>
                {o.hint}
              </span>
            ) : null}
          </div>
        );
      })}
    </fieldset>
  );
}

export interface PreviewData {
  readonly rows: number;
  readonly description: string;
  readonly variables: readonly { name: string; label: string; type: string; measure: string; nvivo: string; treatment: string }[];
  readonly counts: { pseudonymised: number; people: number; coarsened: number; redacted: number; textValues: number; changedValues: number; suppressed: number; generalised: number; dropped: number };
  readonly redactions: Readonly<Record<string, number>>;
  readonly steps: readonly { id: string; title: { nb: string; en: string }; summary: { nb: string; en: string }; counts: Readonly<Record<string, number | string>> }[];
  readonly instruments: readonly { key: string; rows: number }[];
}

const typeKey = (type: string) => `exports.type.${type}` as MessageKey;
const treatmentKey = (treatment: string) => `exports.treatment.${treatment}` as MessageKey;
const kindKey = (kind: string) => `exports.kind.${kind}` as MessageKey;

export function redactionList(t: TFunction, redactions: Readonly<Record<string, number>>): string {
  return Object.entries(redactions)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => `${t(kindKey(kind))}: ${n}`)
    .join(", ");
}

export function ExportPreview({ preview, locale }: { preview: PreviewData; locale: "nb" | "en" }) {
  const t = useT();
  const c = preview.counts;
  const kinds = redactionList(t, preview.redactions);
  return (
    <section className="export-preview" aria-labelledby="preview-heading" role="status">
      <h2 id="preview-heading">{t("exports.preview.heading")}</h2>
      <p className="lead">{t("exports.preview.rows", { rows: preview.rows, variables: preview.variables.length })}</p>
      <h3>{t("exports.preview.anonymisation")}</h3>
      <dl className="facts export-counts">
        <dt>{t("exports.preview.pseudonymised")}</dt>
        <dd>{t("exports.preview.pseudonymisedValue", { values: c.pseudonymised, people: c.people })}</dd>
        <dt>{t("exports.preview.coarsened")}</dt>
        <dd>{c.coarsened}</dd>
        <dt>{t("exports.preview.redacted")}</dt>
        <dd>
          {t("exports.preview.redactedValue", { redactions: c.redacted, changed: c.changedValues, texts: c.textValues })}
          {kinds ? <span className="muted"> ({kinds})</span> : null}
        </dd>
        <dt>{t("exports.preview.suppressed")}</dt>
        <dd>{c.suppressed}</dd>
        <dt>{t("exports.preview.generalised")}</dt>
        <dd>{c.generalised}</dd>
        <dt>{t("exports.preview.dropped")}</dt>
        <dd>{c.dropped}</dd>
      </dl>
      <ol className="export-steps">
        {preview.steps.map((s) => (
          <li key={s.id}>
            <strong>{s.title[locale]}</strong>: {s.summary[locale]}
          </li>
        ))}
      </ol>
      <h3>{t("exports.preview.variables")}</h3>
      <TableScroll label={t("exports.preview.variables")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("exports.preview.name")}</th>
              <th scope="col">{t("exports.preview.label")}</th>
              <th scope="col">{t("exports.preview.type")}</th>
              <th scope="col">{t("exports.preview.nvivo")}</th>
              <th scope="col">{t("exports.preview.treatment")}</th>
            </tr>
          </thead>
          <tbody>
            {preview.variables.map((v) => (
              <tr key={v.name}>
                <td>
                  <code>{v.name}</code>
                </td>
                <td>{v.label}</td>
                <td>{t(typeKey(v.type))}</td>
                <td>{t(v.nvivo === "codable" ? "exports.nvivo.codable" : "exports.nvivo.classifying")}</td>
                <td>{t(treatmentKey(v.treatment))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p className="muted">{t("exports.preview.instruments", { list: preview.instruments.map((i) => `${i.key} (${i.rows})`).join(", ") })}</p>
    </section>
  );
}

// «Ikke lagret»: the page for a write the database refused (locked past the bound, disk full,
// read-only). server/refused-writes.server.ts turns the refusal of any route into a 503 carrying
// what was posted; the error boundaries (root and ReauthBoundary) show it here as a form that
// posts the same fields again, with the typed text visible and editable. Works without
// JavaScript. See docs/decisions/write-transactions.md.
import { Form } from "@remix-run/react";
import { useId } from "react";
import { useT } from "~/utils/i18n";

export type WriteRefusalReason = "busy" | "full" | "readonly" | "io";

export interface NotSavedField {
  readonly name: string;
  readonly value: string;
  /** Typed text, shown in an editable box; everything else travels hidden. */
  readonly shown: boolean;
}

/** The data of the 503 (server/refused-writes.server.ts makes it). */
export interface NotSavedPayload {
  readonly notSaved: true;
  readonly reason: WriteRefusalReason;
  /** Where the form was posted; null when a page (a loader) could not write. */
  readonly action: string | null;
  readonly fields: readonly NotSavedField[];
  /** Password fields that were posted: never sent back, asked for again. */
  readonly secrets: readonly string[];
}

// Defined here, not in the .server module: this one also runs in the browser.
export function isNotSavedPayload(value: unknown): value is NotSavedPayload {
  return typeof value === "object" && value !== null && (value as { notSaved?: unknown }).notSaved === true;
}

/** A field name as a label: `god_praksis` → «God praksis». */
function fieldLabel(name: string): string {
  const words = name.replace(/[_-]+/g, " ").replace(/([a-z])([A-Z])/g, "$1 $2").trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function NotSaved({ payload }: { payload: NotSavedPayload }) {
  const t = useT();
  const id = useId();
  const { action, fields, secrets } = payload;
  const shown = fields.filter((f) => f.shown);
  return (
    <div className="narrow not-saved">
      <h1>{t("notSaved.title")}</h1>
      <div className="form-error" role="alert">
        <p>{t(`notSaved.reason.${payload.reason}`)}</p>
      </div>
      {action === null ? (
        <>
          <p>{t("notSaved.keptNothing")}</p>
          <p>
            <a href="">{t("notSaved.reload")}</a>
          </p>
        </>
      ) : (
        <>
          <p className="lead">{t(fields.length ? "notSaved.kept" : "notSaved.keptNothing")}</p>
          <Form method="post" action={action} noValidate>
            {fields
              .filter((f) => !f.shown)
              .map((f, i) => (
                <input key={`h${i}`} type="hidden" name={f.name} value={f.value} />
              ))}
            {shown.length ? (
              <fieldset>
                <legend>{t("notSaved.typed")}</legend>
                {shown.map((f, i) => (
                  <div className="field" key={`s${i}`}>
                    <label htmlFor={`${id}-${i}`}>{fieldLabel(f.name)}</label>
                    <textarea id={`${id}-${i}`} name={f.name} defaultValue={f.value} rows={Math.min(12, Math.max(2, Math.ceil(f.value.length / 70) + f.value.split("\n").length - 1))} />
                  </div>
                ))}
              </fieldset>
            ) : null}
            {secrets.map((name, i) => (
              <div className="field" key={`p${i}`}>
                <label htmlFor={`${id}-p${i}`}>
                  {t("notSaved.password")}
                  {secrets.length > 1 ? ` (${fieldLabel(name)})` : ""}
                </label>
                <input id={`${id}-p${i}`} name={name} type="password" autoComplete="off" />
              </div>
            ))}
            <div className="actions">
              <button type="submit">{t("notSaved.retry")}</button>
            </div>
          </Form>
          <p>
            <a href={action}>{t("notSaved.leave")}</a>
          </p>
        </>
      )}
    </div>
  );
}

// The instrument editor's form parts: a labelled field with its error under it and what was
// typed kept, and the list of problems the compiler found.
import type { ReactNode } from "react";
import { useT } from "~/utils/i18n";

/** A labelled input or textarea with its error under it and what was typed kept. */
export function EditorField({ id, name, label, value, error, hint, long, children }: { id: string; name: string; label: string; value: string; error?: string; hint?: string; long?: boolean; children?: ReactNode }) {
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  const common = { id, name, defaultValue: value, "aria-invalid": error ? (true as const) : undefined, "aria-describedby": describedBy };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      {children ?? (long ? <textarea rows={3} {...common} /> : <input {...common} />)}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function Problems({ problems }: { problems: readonly string[] }) {
  const t = useT();
  if (!problems.length) return null;
  return (
    <div className="notice notice--error" role="alert">
      <p>{t("editor.problems")}</p>
      <ul>
        {problems.map((p) => (
          <li key={p}>
            <code>{p}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}


// The forms the planning pages repeat for each kind of item (agenda items, preparation questions,
// homework): a card that adds one, an «Edit» that opens a form for one, and «copy from another
// exchange». All work without JavaScript; a failed submit comes back into the form it came from,
// found by the action's echo of the intent (and of the item's key field, for edits).
import { getFormProps, useForm } from "@conform-to/react";
import type { SubmissionResult } from "@conform-to/react";
import { Form, useActionData } from "@remix-run/react";
import type { ReactNode } from "react";
import { FormErrors } from "~/components/Field";
import { useT } from "~/utils/i18n";

export type ItemFields = ReturnType<typeof useForm<Record<string, string>>>[1];

/** What the planning actions answer a failed submit with. */
type ItemActionData = { intent?: string; result?: SubmissionResult<string[]> | null } & Record<string, unknown>;

function useItemAction(): ItemActionData | undefined {
  return useActionData() as ItemActionData | undefined;
}

/** A card with a form that adds one item; `hidden` are extra fields (the idempotency key). */
export function AddItemCard({ intent, title, hidden = {}, children }: { intent: string; title: string; hidden?: Record<string, string>; children: (fields: ItemFields) => ReactNode }) {
  const actionData = useItemAction();
  const [form, fields] = useForm<Record<string, string>>({
    id: intent,
    lastResult: actionData?.intent === intent ? actionData.result : undefined,
  });
  return (
    <section aria-labelledby={`${intent}-heading`} className="card exchanges-add">
      <h3 id={`${intent}-heading`}>{title}</h3>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        {Object.entries(hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        {children(fields)}
        <button type="submit" name="intent" value={intent}>
          {title}
        </button>
      </Form>
    </section>
  );
}

/**
 * «Edit» for one item, closed until wanted (no JavaScript needed) and open when this item's last
 * save failed. `keyField` names the hidden field that identifies the item.
 */
export function EditItemDetails({
  intent,
  formId,
  keyField,
  keyValue,
  label,
  save,
  defaultValue,
  children,
}: {
  intent: string;
  formId: string;
  keyField: string;
  keyValue: string | number;
  /** Names the item for screen readers («Edit» alone would be ambiguous). */
  label: string;
  save: string;
  defaultValue: Record<string, string>;
  children: (fields: ItemFields) => ReactNode;
}) {
  const t = useT();
  const actionData = useItemAction();
  const mine = actionData?.intent === intent && actionData[keyField] === keyValue;
  const [form, fields] = useForm<Record<string, string>>({ id: formId, lastResult: mine ? actionData.result : undefined, defaultValue });
  return (
    <details className="exchanges-edit" open={mine}>
      <summary>
        {t("exchanges.edit")} <span className="visually-hidden">{label}</span>
      </summary>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <input type="hidden" name={keyField} value={keyValue} />
        {children(fields)}
        <button type="submit" name="intent" value={intent}>
          {save}
        </button>
      </Form>
    </details>
  );
}

/** «Copy from another exchange»: a required choice, with its error next to it. */
export function CopyFromForm({
  intent,
  label,
  hint,
  submit,
  options,
  error,
}: {
  intent: string;
  label: string;
  hint: string;
  submit: string;
  options: readonly { value: string | number; label: string }[];
  error: string | null;
}) {
  const t = useT();
  const id = `${intent}-from`;
  return (
    <Form method="post" className="exchanges-copy">
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <span className="hint" id={`${intent}-hint`}>
          {hint}
        </span>
        <select id={id} name="from" required aria-describedby={error ? `${intent}-hint ${intent}-error` : `${intent}-hint`} aria-invalid={error ? true : undefined}>
          <option value="">{t("v.choose")}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        {error ? (
          <p className="field-error" id={`${intent}-error`}>
            {error}
          </p>
        ) : null}
      </div>
      <button type="submit" name="intent" value={intent} className="button--secondary">
        {submit}
      </button>
    </Form>
  );
}

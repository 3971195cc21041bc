// Move up / move down / delete for one entry of an ordered list (agenda items, preparation
// questions): three small forms, so they work without JavaScript.
import { Form } from "@remix-run/react";
import { useT } from "~/utils/i18n";

export function ReorderControls({
  field,
  value,
  intentPrefix,
  label,
  first,
  last,
}: {
  /** The hidden field that names the entry, and its value. */
  field: string;
  value: string | number;
  /** "agenda" posts agenda-move / agenda-delete. */
  intentPrefix: string;
  /** What the entry is called, for the buttons' accessible names. */
  label: string;
  first: boolean;
  last: boolean;
}) {
  const t = useT();
  const move = (direction: "up" | "down") => (
    <Form method="post" className="inline-form">
      <input type="hidden" name={field} value={value} />
      <input type="hidden" name="direction" value={direction} />
      <button
        type="submit"
        name="intent"
        value={`${intentPrefix}-move`}
        className="button--secondary"
        aria-label={t(direction === "up" ? "exchanges.moveUpLabel" : "exchanges.moveDownLabel", { what: label })}
      >
        {t(direction === "up" ? "exchanges.moveUp" : "exchanges.moveDown")}
      </button>
    </Form>
  );
  return (
    <div className="actions exchanges-item-actions">
      {first ? null : move("up")}
      {last ? null : move("down")}
      <Form method="post" className="inline-form">
        <input type="hidden" name={field} value={value} />
        <button type="submit" name="intent" value={`${intentPrefix}-delete`} className="button--secondary" aria-label={t("exchanges.deleteLabel", { what: label })}>
          {t("exchanges.delete")}
        </button>
      </Form>
    </div>
  );
}

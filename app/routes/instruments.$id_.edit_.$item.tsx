// Researchers: one question of a draft in the instrument editor, every field of its type.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { itemEditorAction, loadItemEditor } from "~/instruments/editor-page.server";
import { useT } from "~/utils/i18n";
import { titled } from "~/utils/meta";
import { EditorField, Problems } from "~/instruments/EditorFields";

export const meta = titled((t, data) => t("editor.itemTitle", { name: data?.fields?.name ?? "" }));
export const loader = ({ request, context, params }: LoaderFunctionArgs) => loadItemEditor(request, context, params.id, params.item);
export const action = ({ request, context, params }: ActionFunctionArgs) => itemEditorAction(request, context, params.id, params.item);

const CHOICE = ["single_choice", "multiple_choice", "matrix", "counts"];

export default function ItemEditor() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as { typed: Record<string, string>; errors: Record<string, string>; problems: string[] } | undefined;
  const f = result?.typed ?? page.fields;
  const errors = result?.errors ?? {};
  const type = page.fields.type;
  const field = (name: string, options: { long?: boolean; hint?: string } = {}) => (
    <EditorField id={`item-${name}`} name={name} label={t(`editor.f.${name}` as Parameters<typeof t>[0])} value={f[name] ?? ""} error={errors[name]} long={options.long} hint={options.hint} />
  );
  const select = (name: string, values: readonly string[], label: (v: string) => string, empty: string) => (
    <EditorField id={`item-${name}`} name={name} label={t(`editor.f.${name}` as Parameters<typeof t>[0])} value={f[name] ?? ""} error={errors[name]}>
      <select id={`item-${name}`} name={name} defaultValue={f[name] ?? ""} aria-invalid={errors[name] ? true : undefined} aria-describedby={errors[name] ? `item-${name}-error` : undefined}>
        <option value="">{empty}</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {label(v)}
          </option>
        ))}
      </select>
    </EditorField>
  );
  return (
    <>
      <h1>{t("editor.itemTitle", { name: page.fields.name })}</h1>
      <p className="muted">{t(`editor.type.${type}` as Parameters<typeof t>[0])}</p>
      {page.saved ? (
        <p className="notice notice--ok" role="status">
          {t("editor.saved")}
        </p>
      ) : null}
      <Problems problems={result?.problems ?? []} />
      <Form method="post" className="card">
        {field("name", { hint: t("editor.h.name") })}
        {field("label_nb", { long: true })}
        {field("label_en", { long: true })}
        {field("help_nb", { long: true })}
        {field("help_en", { long: true })}
        <div className="field field--check">
          <input type="checkbox" id="item-required" name="required" defaultChecked={f.required === "on"} />
          <label htmlFor="item-required">{t("editor.f.required")}</label>
        </div>
        {type === "short_text" || type === "long_text" ? field("max_length") : null}
        {type === "long_text" ? field("rows") : null}
        {type === "integer" || type === "counts" ? (
          <>
            {type === "integer" ? field("min") : null}
            {field("max")}
          </>
        ) : null}
        {type === "single_choice" || type === "se_step" ? select("display", ["radio", "select"], (v) => t(`editor.display.${v}` as Parameters<typeof t>[0]), t("editor.default")) : null}
        {CHOICE.includes(type) ? (
          <>
            {select("option_set", page.optionSets, (v) => v, t("editor.inline"))}
            {field("options", { long: true, hint: t("editor.h.options") })}
          </>
        ) : null}
        {type === "matrix" ? (
          <>
            {field("stem_nb")}
            {field("stem_en")}
            {field("statements", { long: true, hint: t("editor.h.statements") })}
          </>
        ) : null}
        {select("measure", ["nominal", "ordinal", "scale"], (v) => t(`editor.measure.${v}` as Parameters<typeof t>[0]), t("editor.default"))}
        {select("disclosure", ["none", "free_text", "quasi_identifier", "direct_identifier"], (v) => t(`editor.disclosure.${v}` as Parameters<typeof t>[0]), t("editor.default"))}
        {select("nvivo", ["classifying", "codable"], (v) => t(`editor.nvivo.${v}` as Parameters<typeof t>[0]), t("editor.default"))}
        {select("missing_set", page.missingSets, (v) => v, t("editor.default"))}
        {field("missing_list", { long: true, hint: t("editor.h.missing_list") })}
        {select("when_variable", page.conditions.map((c) => c.name), (v) => `${v}: ${page.conditions.find((c) => c.name === v)?.label ?? ""}`, t("editor.none"))}
        {field("when_in", { hint: t("editor.h.when") })}
        <button type="submit">{t("editor.save")}</button>
      </Form>
      <p>
        <Link to={`/instruments/${page.id}/edit#items`}>{t("editor.back")}</Link>
      </p>
    </>
  );
}

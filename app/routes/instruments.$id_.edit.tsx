// Researchers: the instrument editor — the draft's texts, sections and questions in order.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { EDITOR_ITEM_TYPES } from "~/instruments/editor";
import { EditorField, Problems } from "~/instruments/EditorFields";
import { editorAction, loadEditor } from "~/instruments/editor-page.server";
import { useLocale, useT } from "~/utils/i18n";
import { titled } from "~/utils/meta";

export const meta = titled((t, data, locale) => (data?.draft ? t("editor.title", { title: data.draft.title[locale], version: data.draft.version }) : t("editor.newVersion")));
export const loader = ({ request, context, params }: LoaderFunctionArgs) => loadEditor(request, context, params.id);
export const action = ({ request, context, params }: ActionFunctionArgs) => editorAction(request, context, params.id);

type Result = { form: string; typed: Record<string, string>; errors: Record<string, string>; problems: string[] } | undefined;

function AddItemFields({ prefix, typed, errors }: { prefix: string; typed: Record<string, string>; errors: Record<string, string> }) {
  const t = useT();
  return (
    <>
      <EditorField id={`${prefix}-type`} name="type" label={t("editor.f.type")} value={typed.type ?? "short_text"} error={errors.type}>
        <select id={`${prefix}-type`} name="type" defaultValue={typed.type ?? "short_text"}>
          {EDITOR_ITEM_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`editor.type.${type}`)}
            </option>
          ))}
        </select>
      </EditorField>
      <EditorField id={`${prefix}-name`} name="name" label={t("editor.f.name")} hint={t("editor.h.name")} value={typed.name ?? ""} error={errors.name} />
      <EditorField id={`${prefix}-label_nb`} name="label_nb" label={t("editor.f.label_nb")} value={typed.label_nb ?? ""} error={errors.label_nb} />
      <EditorField id={`${prefix}-label_en`} name="label_en" label={t("editor.f.label_en")} value={typed.label_en ?? ""} error={errors.label_en} />
    </>
  );
}

type Draft = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["draft"]>;

/** The named answer sets and missing codes: one line per code, a new set below each list. */
function SetEditors({ d, mine }: { d: Draft; mine: (form: string) => Result }) {
  const t = useT();
  const setForm = (intent: "option-set" | "missing-set", name: string | null, text: string) => {
    const id = `${intent}-${name ?? "new"}`;
    const sent = mine(id);
    return (
      <Form method="post" key={id}>
        <input type="hidden" name="intent" value={intent} />
        {name ? (
          <>
            <input type="hidden" name="was" value={name} />
            <input type="hidden" name="name" value={name} />
          </>
        ) : (
          <EditorField id={`${id}-name`} name="name" label={t("editor.setName")} value={sent?.typed.name ?? ""} error={sent?.errors.name} />
        )}
        <Problems problems={sent?.problems ?? []} />
        <EditorField id={`${id}-lines`} name="lines" label={name ? `${t("editor.setLines")}: ${name}` : t("editor.setLines")} hint={t(intent === "option-set" ? "editor.h.options" : "editor.h.missing_list")} value={sent?.typed.lines ?? text} error={sent?.errors.lines} long />
        <button type="submit">{t("editor.save")}</button>
      </Form>
    );
  };
  return (
    <section id="sets" aria-labelledby="sets-heading" className="card">
      <h3 id="sets-heading">{t("editor.sets")}</h3>
      {d.optionSets.map((set) => (
        <details key={set.name} open={!!mine(`option-set-${set.name}`)}>
          <summary>{t("editor.optionSet", { name: set.name })}</summary>
          {set.text === null ? <p className="muted">{t("editor.builtIn")}</p> : setForm("option-set", set.name, set.text)}
        </details>
      ))}
      <details open={!!mine("option-set-new")}>
        <summary>{t("editor.newOptionSet")}</summary>
        {setForm("option-set", null, "")}
      </details>
      {d.missingSets.map((set) => (
        <details key={set.name} open={!!mine(`missing-set-${set.name}`)}>
          <summary>{t("editor.missingSet", { name: set.name })}</summary>
          {setForm("missing-set", set.name, set.text)}
        </details>
      ))}
      <details open={!!mine("missing-set-new")}>
        <summary>{t("editor.newMissingSet")}</summary>
        {setForm("missing-set", null, "")}
      </details>
    </section>
  );
}

export default function InstrumentEditor() {
  const t = useT();
  const locale = useLocale();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as Result;
  const mine = (form: string) => (result?.form === form ? result : undefined);
  if (!page.draft) {
    return (
      <>
        <h1>{t("editor.newVersion")}</h1>
        <p>{t("editor.startLead", { version: page.latest!.version })}</p>
        <Form method="post">
          <button type="submit" name="intent" value="start">
            {t("editor.start", { version: page.latest!.version + 1 })}
          </button>
        </Form>
      </>
    );
  }
  const d = page.draft;
  const texts = mine("texts");
  const value = (key: string, fallback: string) => texts?.typed[key] ?? fallback;
  return (
    <>
      <h1>{t("editor.title", { title: d.title[locale], version: d.version })}</h1>
      {page.saved ? (
        <p className="notice notice--ok" role="status">
          {t("editor.saved")}
        </p>
      ) : null}
      <p>
        <Link to={`/instruments/${page.id}/draft`}>{t("editor.toDraft")}</Link> · <Link to={`/instruments/${page.id}?draft=1`}>{t("editor.preview")}</Link>
      </p>
      <Problems problems={result && !result.form.startsWith("add-") ? result.problems : []} />
      <section aria-labelledby="texts-heading" className="card">
        <h2 id="texts-heading">{t("editor.texts")}</h2>
        <Form method="post">
          <input type="hidden" name="intent" value="texts" />
          {(["title", "description", "help"] as const).map((k) =>
            (["nb", "en"] as const).map((l) => (
              <EditorField key={`${k}_${l}`} id={`texts-${k}_${l}`} name={`${k}_${l}`} label={t(`editor.f.${k}_${l}`)} value={value(`${k}_${l}`, (k === "help" ? d.help?.[l] : d[k][l]) ?? "")} error={texts?.errors[`${k}_${l}`]} long={k !== "title"} />
            )),
          )}
          <button type="submit">{t("editor.save")}</button>
        </Form>
      </section>
      <section id="items" aria-labelledby="sections-heading">
        <h2 id="sections-heading">{t("editor.sections")}</h2>
        {d.sections.map((s) => {
          const add = mine(`add-${s.index}`);
          return (
            <section key={s.index} className="card" aria-labelledby={`section-${s.index}`}>
              <h3 id={`section-${s.index}`}>{t("editor.section", { number: s.index + 1, title: s.title })}</h3>
              <Form method="post" className="actions">
                <input type="hidden" name="intent" value="move-section" />
                <input type="hidden" name="section" value={s.index} />
                {s.index > 0 ? (
                  <button type="submit" name="by" value="-1" className="secondary">
                    {t("editor.sectionUp", { number: s.index + 1 })}
                  </button>
                ) : null}
                {s.index < d.sections.length - 1 ? (
                  <button type="submit" name="by" value="1" className="secondary">
                    {t("editor.sectionDown", { number: s.index + 1 })}
                  </button>
                ) : null}
              </Form>
              <details open={!!mine(`section-${s.index}`)}>
                <summary>{t("editor.sectionEdit", { number: s.index + 1 })}</summary>
                <Form method="post">
                  <input type="hidden" name="intent" value="section" />
                  <input type="hidden" name="section" value={s.index} />
                  {(["title_nb", "title_en", "help_nb", "help_en"] as const).map((k) => (
                    <EditorField key={k} id={`section-${s.index}-${k}`} name={k} label={t(`editor.f.${k}`)} value={mine(`section-${s.index}`)?.typed[k] ?? s.fields[k]} error={mine(`section-${s.index}`)?.errors[k]} long={k.startsWith("help")} />
                  ))}
                  <EditorField id={`section-${s.index}-when_variable`} name="when_variable" label={t("editor.f.section_when")} value="" error={mine(`section-${s.index}`)?.errors.when_variable}>
                    <select id={`section-${s.index}-when_variable`} name="when_variable" defaultValue={mine(`section-${s.index}`)?.typed.when_variable ?? s.fields.when_variable}>
                      <option value="">{t("editor.none")}</option>
                      {s.conditions.map((c) => (
                        <option key={c} value={c}>
                          {c}
                        </option>
                      ))}
                    </select>
                  </EditorField>
                  <EditorField id={`section-${s.index}-when_in`} name="when_in" label={t("editor.f.when_in")} hint={t("editor.h.when")} value={mine(`section-${s.index}`)?.typed.when_in ?? s.fields.when_in} error={mine(`section-${s.index}`)?.errors.when_in} />
                  <button type="submit">{t("editor.save")}</button>
                </Form>
              </details>
              <ol>
                {s.items.map((item) => (
                  <li key={item.name}>
                    {`${item.label} (${item.name}, ${t(`editor.type.${item.type}`)})`}
                    <Form method="post" className="inline-actions">
                      <input type="hidden" name="item" value={item.name} />
                      <input type="hidden" name="intent" value="move-item" />
                      <button type="submit" name="by" value="-1" className="link-button">
                        {t("editor.moveUp", { label: item.name })}
                      </button>{" "}
                      <button type="submit" name="by" value="1" className="link-button">
                        {t("editor.moveDown", { label: item.name })}
                      </button>{" "}
                      <Link to={`/instruments/${page.id}/edit/${encodeURIComponent(item.name)}`}>{t("editor.edit", { label: item.name })}</Link>
                    </Form>
                    <Form method="post" className="inline-actions">
                      <input type="hidden" name="item" value={item.name} />
                      <button type="submit" name="intent" value="remove-item" className="link-button">
                        {t("editor.remove", { label: item.name })}
                      </button>
                    </Form>
                  </li>
                ))}
              </ol>
              <details open={!!add}>
                <summary>{t("editor.addItem", { number: s.index + 1 })}</summary>
                <Form method="post">
                  <input type="hidden" name="intent" value="add-item" />
                  <input type="hidden" name="section" value={s.index} />
                  <Problems problems={add?.problems ?? []} />
                  <AddItemFields prefix={`add-${s.index}`} typed={add?.typed ?? {}} errors={add?.errors ?? {}} />
                  <button type="submit">{t("editor.add")}</button>
                </Form>
              </details>
            </section>
          );
        })}
        <SetEditors d={d} mine={mine} />
        <details open={!!mine("add-section")} className="card">
          <summary>{t("editor.addSection")}</summary>
          <Form method="post">
            <input type="hidden" name="intent" value="add-section" />
            <Problems problems={mine("add-section")?.problems ?? []} />
            <EditorField id="new-section-title_nb" name="title_nb" label={t("editor.f.title_nb")} value={mine("add-section")?.typed.title_nb ?? ""} error={mine("add-section")?.errors.title_nb} />
            <EditorField id="new-section-title_en" name="title_en" label={t("editor.f.title_en")} value={mine("add-section")?.typed.title_en ?? ""} error={mine("add-section")?.errors.title_en} />
            <AddItemFields prefix="new-section" typed={mine("add-section")?.typed ?? {}} errors={mine("add-section")?.errors ?? {}} />
            <button type="submit">{t("editor.add")}</button>
          </Form>
        </details>
      </section>
    </>
  );
}

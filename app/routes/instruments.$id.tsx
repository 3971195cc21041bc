import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { notFound, requireResearcher } from "~/auth/permissions.server";
import { getLocale } from "~/i18n/locale.server";
import { InstrumentFields } from "~/instruments/InstrumentForm";
import { toFormInstrument } from "~/instruments/types";
import { parseInstrumentForm } from "~/instruments/validate.server";
import { compileDraft, draftOf, versionRow } from "~/instruments/versions.server";
import { roundsOfVersion } from "~/instruments/pilots.server";
import { useLocale, useT } from "~/utils/i18n";
import { titled } from "~/utils/meta";
import { TableScroll } from "~/components/TableScroll";

export const meta = titled((t, data, locale) => `${t("instrumentsPage.preview")}: ${data?.instrument?.title?.[locale] ?? ""}`);

/** A published version (latest unless ?version=N), or the draft of the next one (?draft=1). */
function findInstrument(context: LoaderFunctionArgs["context"], id: string | undefined, url: URL) {
  const version = url.searchParams.get("version");
  if (id && url.searchParams.get("draft") === "1") {
    const row = draftOf(context.db, id);
    const draft = row ? compileDraft(row) : null;
    if (!draft) throw notFound();
    return { instrument: draft, draft: true };
  }
  const instrument = id ? context.codebook.get(id, version && /^\d+$/.test(version) ? Number(version) : undefined) : undefined;
  if (!instrument) throw notFound();
  return { instrument, draft: false };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireResearcher(request, context);
  const url = new URL(request.url);
  const { instrument, draft } = findInstrument(context, params.id, url);
  // The pilot rounds of this version, with their comments, travel with it.
  const row = versionRow(context.db, instrument.id, instrument.version);
  const pilots = row ? roundsOfVersion(context.db, row.id).map((r) => ({ id: r.id, title: r.title })) : [];
  return { instrument: toFormInstrument(instrument), draft, published: url.searchParams.get("published") === "1", versions: context.codebook.versions(instrument.id), pilots };
}

// A preview: the answers are validated exactly as a real submission would be, then shown, never stored.
export async function action({ request, context, params }: ActionFunctionArgs) {
  await requireResearcher(request, context);
  const { instrument } = findInstrument(context, params.id, new URL(request.url));
  const result = parseInstrumentForm(toFormInstrument(instrument), await request.formData(), await getLocale(request, context));
  if (result.status === "success") return { answers: result.answers, lastResult: null };
  return data({ answers: null, lastResult: result }, { status: 400 });
}

export default function InstrumentPreview() {
  const t = useT();
  const locale = useLocale();
  const { instrument, draft, published, versions, pilots } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <p className="muted">
        {t("instrumentsPage.preview")} · {instrument.key}
      </p>
      <h1>{instrument.title[locale]}</h1>
      {published ? (
        <p className="notice notice--ok" role="status">
          {t("instrumentsPage.published", { version: instrument.version })}
        </p>
      ) : null}
      <p>
        {draft ? (
          <Link to={`/instruments/${instrument.id}/draft`}>{t("instrumentsPage.draftOf", { title: instrument.title[locale], version: instrument.version })}</Link>
        ) : (
          <>
            <Link to={`/instruments/${instrument.id}/edit`}>{t("editor.newVersion")}</Link> · {t("instrumentsPage.versions")}{" "}
            {versions.map((v, i) => (
              <span key={v}>
                {i > 0 ? ", " : ""}
                <a href={`/instruments/${instrument.id}/yaml?version=${v}`} download>
                  {t("instrumentsPage.yamlOf", { version: v })}
                </a>
              </span>
            ))}
          </>
        )}
      </p>
      {pilots.length ? (
        <p>
          {t("pilots.rounds")}:{" "}
          {pilots.map((p, i) => (
            <span key={p.id}>
              {i > 0 ? ", " : ""}
              <Link to={`/pilots/${p.id}`}>{p.title}</Link>
            </span>
          ))}
        </p>
      ) : null}
      {instrument.use === "survey" ? (
        <p>
          <a href={`/instruments/${instrument.id}/employer?${draft ? "draft=1" : `version=${instrument.version}`}`}>{t("instrumentsPage.employerPreview")}</a>
        </p>
      ) : null}
      <p>{t("instrumentsPage.appPreview")}</p>
      <p className="notice notice--warn">{t("instrumentsPage.previewNotice")}</p>
      {actionData?.answers ? (
        <section className="notice notice--ok" aria-labelledby="preview-valid" role="status">
          <h2 id="preview-valid">{t("instrumentsPage.valid")}</h2>
          <TableScroll label={t("instrumentsPage.valid")}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("instrumentsPage.variable")}</th>
                  <th scope="col">{t("instrumentsPage.value")}</th>
                </tr>
              </thead>
              <tbody>
                {Object.entries(actionData.answers).map(([name, value]) => (
                  <tr key={name}>
                    <td>
                      <code>{name}</code>
                    </td>
                    <td>{value === null ? "–" : String(value)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </section>
      ) : null}
      <Form method="post" noValidate className="inst-form">
        <InstrumentFields instrument={instrument} locale={locale} lastResult={actionData?.lastResult ?? undefined} />
        <div className="actions">
          <button type="submit">{t("instrumentsPage.check")}</button>
        </div>
      </Form>
    </>
  );
}

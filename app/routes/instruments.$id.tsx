import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { notFound, requireResearcher } from "~/auth/permissions.server";
import { getLocale } from "~/i18n/locale.server";
import { InstrumentFields } from "~/instruments/InstrumentForm";
import { toFormInstrument } from "~/instruments/types";
import { parseInstrumentForm } from "~/instruments/validate.server";
import { useLocale, useT } from "~/utils/i18n";
import { titled } from "~/utils/meta";
import { TableScroll } from "~/components/TableScroll";

export const meta = titled((t, data, locale) => `${t("instrumentsPage.preview")}: ${data?.instrument?.title?.[locale] ?? ""}`);

function findInstrument(context: LoaderFunctionArgs["context"], id: string | undefined, version: string | null) {
  const instrument = id ? context.codebook.get(id, version && /^\d+$/.test(version) ? Number(version) : undefined) : undefined;
  if (!instrument) throw notFound();
  return instrument;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireResearcher(request, context);
  const instrument = findInstrument(context, params.id, new URL(request.url).searchParams.get("version"));
  return { instrument: toFormInstrument(instrument), versions: context.codebook.versions(instrument.id) };
}

// A preview: the answers are validated exactly as a real submission would be, then shown, never stored.
export async function action({ request, context, params }: ActionFunctionArgs) {
  await requireResearcher(request, context);
  const instrument = findInstrument(context, params.id, new URL(request.url).searchParams.get("version"));
  const result = parseInstrumentForm(toFormInstrument(instrument), await request.formData(), await getLocale(request, context));
  if (result.status === "success") return { answers: result.answers, lastResult: null };
  return data({ answers: null, lastResult: result }, { status: 400 });
}

export default function InstrumentPreview() {
  const t = useT();
  const locale = useLocale();
  const { instrument } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <p className="muted">
        {t("instrumentsPage.preview")} · {instrument.key}
      </p>
      <h1>{instrument.title[locale]}</h1>
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

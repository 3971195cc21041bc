// The links a job specialist just asked for: a list to copy, a CSV and the e-mail text. They are
// shown from memory for an hour (or until "I have copied the links") and never stored.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { notFound, requireRole } from "~/auth/permissions.server";
import { CopyBox } from "~/survey/components";
import { emailTexts } from "~/survey/email.server";
import { forgetBatch, freshBatch } from "~/survey/links.server";
import { getWaveForSpecialist } from "~/survey/waves.server";
import { TableScroll } from "~/components/TableScroll";
import { useLocale, useT } from "~/utils/i18n";
import { formatDate } from "~/i18n/dates";

function load(context: LoaderFunctionArgs["context"], params: LoaderFunctionArgs["params"], user: { id: number; caseProjectId: number | null }) {
  const wave = getWaveForSpecialist(context.db, Number(params.id), user);
  const batch = wave ? freshBatch(context.db, params.batch ?? "", wave.id, user.id) : undefined;
  if (!wave || !batch) throw notFound();
  return { wave, batch };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, "job_specialist");
  const { wave, batch } = load(context, params, user);
  return { wave: { id: wave.id, title: wave.title }, batch, emails: emailTexts(wave) };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireRole(request, context, "job_specialist");
  const { wave, batch } = load(context, params, user);
  const form = await request.formData();
  if (form.get("intent") !== "forget") throw new Response("Bad Request", { status: 400 });
  forgetBatch(batch.id, user.id);
  return redirect(`/waves/${wave.id}`);
}

export default function FreshLinks() {
  const t = useT();
  const locale = useLocale();
  const { wave, batch, emails } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("survey.links.fresh")}</h1>
      <p className="lead">
        {wave.title} – {t("survey.links.batchLine", { date: formatDate(batch.issuedOn, locale), count: batch.count })}
      </p>
      {batch.links ? (
        <>
          <p className="notice notice--warn">{t("survey.links.freshLead")}</p>
          <CopyBox id="links" label={t("survey.links.listLabel")} copyLabel={t("survey.links.copyList")} value={batch.links.map((l) => l.url).join("\n")} rows={Math.min(12, batch.links.length + 1)} />
          <p>
            <a className="button button--secondary" href={`/waves/${wave.id}/links/${batch.id}.csv`} download>
              {t("survey.links.csv")}
            </a>
          </p>
          <TableScroll label={t("survey.links.fresh")}>
            <table>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {t("survey.links.number")}
                  </th>
                  <th scope="col">{t("survey.links.code")}</th>
                  <th scope="col">{t("survey.links.link")}</th>
                </tr>
              </thead>
              <tbody>
                {batch.links.map((l) => (
                  <tr key={l.number}>
                    <td className="num">{l.number}</td>
                    <td>
                      <code>{l.code}</code>
                    </td>
                    <td className="survey-link">{l.url}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <p className="muted">{t("survey.links.codeHint")}</p>
          <h2>{t("survey.wave.emailText")}</h2>
          <p>{t("survey.wave.emailLead", { placeholder: t("survey.wave.emailPlaceholder") })}</p>
          <CopyBox id="email-nb" label="Norsk (bokmål)" copyLabel={t("survey.wave.copyEmailNb")} value={emails.nb} rows={14} />
          <CopyBox id="email-en" label="English" copyLabel={t("survey.wave.copyEmailEn")} value={emails.en} rows={14} />
          <Form method="post" className="actions">
            <button type="submit" name="intent" value="forget">
              {t("survey.links.copied")}
            </button>
          </Form>
        </>
      ) : (
        <p className="notice">{t("survey.links.gone")}</p>
      )}
      <p>
        <Link to={`/waves/${wave.id}`}>{t("survey.links.back")}</Link>
      </p>
    </>
  );
}

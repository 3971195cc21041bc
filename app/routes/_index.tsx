import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { loadDemo } from "~/projects/demo.server";
import type { DemoResult } from "../../db/demo/index.server";
import { hasResearcher } from "~/accounts/accounts.server";
import { requireResearcher, requireUser } from "~/auth/permissions.server";
import { DemoPasswords } from "~/components/DemoPasswords";
import { exchangeHomePanel } from "~/exchanges/home.server";
import { ExchangeHomePanel } from "~/exchanges/HomePanel";
import { ExportHomePanel } from "~/exports/HomePanel";
import { logHomePanel } from "~/logs/home.server";
import { LogHomePanel } from "~/logs/HomePanel";
import { PilotHomePanel } from "~/instruments/PilotHomePanel";
import { pilotsFor } from "~/instruments/pilots.server";
import { reportsHomePanel } from "~/reports/home.server";
import { ReportsHomePanel } from "~/reports/HomePanel";
import { describePlacement, listOrganisationTeam, listProjects } from "~/projects/projects.server";
import { surveyHomePanel } from "~/survey/home.server";
import { SurveyHomePanel, SurveyResearcherLink } from "~/survey/HomePanel";
import { useT } from "~/utils/i18n";
import { titled } from "~/utils/meta";
import { TableScroll } from "~/components/TableScroll";

export const meta = titled("nav.home");

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (!hasResearcher(context.db)) throw redirect("/setup");
  const user = await requireUser(request, context);
  const { db } = context;
  if (user.role === "researcher") {
    return { role: user.role, name: user.name, projects: listProjects(db), placement: null, team: [], log: null, survey: null, reports: reportsHomePanel(db, user), exchanges: exchangeHomePanel(db, user), pilots: [] };
  }
  const placement = describePlacement(db, user) ?? null;
  const team = user.role === "case_lead" && user.organisationId ? listOrganisationTeam(db, user.organisationId) : [];
  return { role: user.role, name: user.name, projects: [], placement, team, log: logHomePanel(db, user), survey: surveyHomePanel(context, user), reports: reportsHomePanel(db, user), exchanges: exchangeHomePanel(db, user), pilots: pilotsFor(db, user.id) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireResearcher(request, context);
  const form = await request.formData();
  if (form.get("intent") !== "load-demo") throw new Response("Bad Request", { status: 400 });
  if (listProjects(context.db).length > 0) return { demo: null };
  const result = await loadDemo(context.db, user.id);
  return { demo: result.created };
}

function ResearcherProjects({ projects, demo }: { projects: ReturnType<typeof listProjects>; demo: DemoResult["created"] | null }) {
  const t = useT();
  return (
    <>
      {demo ? <DemoPasswords accounts={demo} /> : null}
      <h2>{t("nav.projects")}</h2>
      {projects.length === 0 ? (
        <>
          <p>{t("home.noProjects")}</p>
          <div className="actions">
            <Link className="button" to="/projects">
              {t("projects.create")}
            </Link>
            <Form method="post">
              <button type="submit" name="intent" value="load-demo" className="button--secondary">
                {t("home.loadDemo")}
              </button>
            </Form>
          </div>
          <p className="muted">{t("home.loadDemoHint")}</p>
        </>
      ) : (
        <ul className="cards">
          {projects.map((p) => (
            <li key={p.id} className="card">
              <h3>
                <Link to={`/projects/${p.slug}`}>{p.title}</Link>
              </h3>
              <p className="muted">{t("projects.counts", { organisations: p.organisations, caseProjects: p.caseProjects })}</p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export default function Home() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <h1>{t("home.greeting", { name: data.name })}</h1>
      {/* A researcher starts from the projects: on an empty start page «Opprett prosjekt» comes first. */}
      {data.role === "researcher" ? <ResearcherProjects projects={data.projects} demo={actionData?.demo ?? null} /> : null}
      <LogHomePanel role={data.role} panel={data.log} />
      <SurveyHomePanel panel={data.survey} />
      <ReportsHomePanel panel={data.reports} />
      <ExchangeHomePanel panel={data.exchanges} />
      <PilotHomePanel pilots={data.pilots} />
      <ExportHomePanel role={data.role} />
      {data.role === "researcher" ? (
        <>
          <h2>{t("home.tasks")}</h2>
          <ul>
            <li>
              <Link to="/people/new">{t("people.invite")}</Link>
            </li>
            <li>
              <Link to="/instruments">{t("nav.instruments")}</Link>
            </li>
            <li>
              <SurveyResearcherLink />
            </li>
          </ul>
        </>
      ) : (
        <>
          {data.placement ? (
            <dl className="facts">
              <dt>{t("home.project")}</dt>
              <dd>{data.placement.project}</dd>
              <dt>{t("home.organisation")}</dt>
              <dd>{data.placement.organisation}</dd>
              {data.placement.caseProject ? (
                <>
                  <dt>{t("home.caseProject")}</dt>
                  <dd>
                    {data.placement.caseProject}
                    {data.placement.programme ? ` (${t(`programme.${data.placement.programme}`)})` : ""}
                  </dd>
                </>
              ) : null}
            </dl>
          ) : (
            <p>{t("home.noPlacement")}</p>
          )}
          {data.role === "case_lead" ? (
            <>
              <h2>{t("home.team")}</h2>
              {data.team.length ? (
                <TableScroll label={t("home.team")}>
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">{t("field.name")}</th>
                        <th scope="col">{t("home.caseProject")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {data.team.map((m) => (
                        <tr key={m.id}>
                          <td>{m.name}</td>
                          <td>{m.caseProject}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableScroll>
              ) : (
                <p>{t("home.teamEmpty")}</p>
              )}
            </>
          ) : (
            <p className="lead">{t("home.jsLead")}</p>
          )}
        </>
      )}
    </>
  );
}

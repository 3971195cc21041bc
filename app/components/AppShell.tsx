// The frame of every page: skip link, header with the menu for the person's role, the language
// switch (a plain form, so it works without JavaScript), and the footer with the legal pages.
import { Form, Link, NavLink, useLocation } from "@remix-run/react";
import type { ReactNode } from "react";
import type { Role } from "../../db/schema";
import { useLocale, useT } from "~/utils/i18n";

type ShellUser = { id: number; name: string; role: Role } | null;

export function AppShell({ user, children }: { user: ShellUser; children: ReactNode }) {
  const t = useT();
  const locale = useLocale();
  const location = useLocation();
  const here = location.pathname + location.search;
  return (
    <>
      <a className="skip-link" href="#main">
        {t("nav.skip")}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to="/" className="brand">
            {t("app.name")}
          </Link>
          {user ? (
            <nav aria-label={t("nav.main")} className="main-nav">
              <ul>
                <li>
                  <NavLink to="/" end>
                    {t("nav.home")}
                  </NavLink>
                </li>
                {user.role === "researcher" ? (
                  <>
                    <li>
                      <NavLink to="/projects">{t("nav.projects")}</NavLink>
                    </li>
                    <li>
                      <NavLink to="/people">{t("nav.people")}</NavLink>
                    </li>
                    <li>
                      <NavLink to="/instruments">{t("nav.instruments")}</NavLink>
                    </li>
                  </>
                ) : null}
                {user.role === "job_specialist" ? (
                  <>
                    <li>
                      <NavLink to="/log" end>
                        {t("logs.nav.log")}
                      </NavLink>
                    </li>
                    <li>
                      <NavLink to="/log/mine">{t("logs.nav.mine")}</NavLink>
                    </li>
                    <li>
                      <NavLink to="/reports">{t("reports.nav.reports")}</NavLink>
                    </li>
                  </>
                ) : null}
                {user.role === "researcher" ? (
                  <li>
                    <NavLink to="/logs" end>
                      {t("logs.nav.research")}
                    </NavLink>
                  </li>
                ) : null}
                {user.role === "researcher" ? (
                  <li>
                    <NavLink to="/reports/statistics">{t("reports.nav.statistics")}</NavLink>
                  </li>
                ) : null}
                {user.role !== "job_specialist" ? (
                  <li>
                    <NavLink to="/logs/compliance">{t("logs.nav.compliance")}</NavLink>
                  </li>
                ) : null}
                {user.role !== "case_lead" ? (
                  <li>
                    <NavLink to="/waves">{t(user.role === "researcher" ? "survey.nav" : "survey.navSpecialist")}</NavLink>
                  </li>
                ) : null}
                <li>
                  <NavLink to="/exchanges">{t("exchanges.nav")}</NavLink>
                </li>
                {user.role === "researcher" ? (
                  <li>
                    <NavLink to="/exports">{t("exports.nav")}</NavLink>
                  </li>
                ) : null}
                <li>
                  <NavLink to="/account">{t("nav.account")}</NavLink>
                </li>
              </ul>
            </nav>
          ) : null}
          <div className="header-tools">
            <Form method="post" action="/language" className="lang-switch">
              <input type="hidden" name="redirectTo" value={here} />
              <span className="visually-hidden">{t("nav.language")}: </span>
              {locale === "nb" ? (
                <button type="submit" name="locale" value="en" lang="en" className="link-button">
                  {t("nav.languageName.en")}
                </button>
              ) : (
                <button type="submit" name="locale" value="nb" lang="nb" className="link-button">
                  {t("nav.languageName.nb")}
                </button>
              )}
            </Form>
            {user ? (
              <Form method="post" action="/logout">
                <button type="submit" className="link-button">
                  {t("nav.logout")}
                </button>
              </Form>
            ) : null}
          </div>
        </div>
      </header>
      <main id="main" className="site-main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <ul>
          <li>
            <Link to="/accessibility">{t("nav.accessibility")}</Link>
          </li>
          <li>
            <Link to="/privacy">{t("nav.privacy")}</Link>
          </li>
        </ul>
      </footer>
    </>
  );
}

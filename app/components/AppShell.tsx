// The frame of every page: skip link, header with the menu for the person's role, their account,
// the language switch (a plain form, so it works without JavaScript), and the footer with the
// legal pages. The menu is grouped by task, at most six entries a role; a group is a <details>
// disclosure, so it opens without JavaScript and is announced as a button.
import { Form, Link, NavLink, useLocation } from "@remix-run/react";
import type { ReactNode } from "react";
import type { Role } from "../../db/schema";
import type { MessageKey } from "~/i18n/catalog";
import { useLocale, useT } from "~/utils/i18n";

type MenuItem = { readonly to: string; readonly label: MessageKey; readonly end?: boolean };
type MenuGroup = { readonly group: MessageKey; readonly items: readonly MenuItem[] };
type MenuEntry = MenuItem | MenuGroup;

const HOME: MenuItem = { to: "/", label: "nav.home", end: true };
const EXCHANGES: MenuItem = { to: "/exchanges", label: "exchanges.nav" };

/** The menu of each role; the items are named as the pages they open are headed. */
const MENUS: Record<Role, readonly MenuEntry[]> = {
  researcher: [
    HOME,
    {
      group: "nav.group.setup",
      items: [
        { to: "/projects", label: "nav.projects" },
        { to: "/people", label: "people.title" },
        { to: "/instruments", label: "nav.instruments" },
        { to: "/imports", label: "imports.title" },
      ],
    },
    {
      group: "nav.group.logs",
      items: [
        { to: "/logs", label: "logs.research.title", end: true },
        { to: "/logs/compliance", label: "logs.compliance.title" },
        { to: "/coding", label: "coding.title" },
      ],
    },
    {
      group: "nav.group.surveys",
      items: [
        { to: "/waves", label: "survey.waves.title" },
        { to: "/reports/statistics", label: "reports.stats.title" },
      ],
    },
    EXCHANGES,
    {
      group: "nav.group.exports",
      items: [
        { to: "/exports", label: "exports.title" },
        { to: "/audit", label: "exports.audit.title" },
      ],
    },
  ],
  job_specialist: [
    HOME,
    { to: "/log", label: "logs.nav.log", end: true },
    { to: "/log/mine", label: "logs.nav.mine" },
    { to: "/reports", label: "reports.nav.reports" },
    { to: "/waves", label: "survey.navSpecialist" },
    EXCHANGES,
  ],
  case_lead: [HOME, { to: "/logs/compliance", label: "logs.compliance.title" }, EXCHANGES],
};

const isGroup = (entry: MenuEntry): entry is MenuGroup => "group" in entry;

function MainNav({ role }: { role: Role }) {
  const t = useT();
  const { pathname } = useLocation();
  const here = (item: MenuItem) => (item.end ? pathname === item.to : pathname === item.to || pathname.startsWith(`${item.to}/`));
  return (
    <nav aria-label={t("nav.main")} className="main-nav">
      <ul>
        {MENUS[role].map((entry) =>
          isGroup(entry) ? (
            <li key={entry.group}>
              {/* Keyed by the page, so an open group closes when a link in it has been followed. */}
              <details className="nav-group" key={pathname}>
                <summary className={entry.items.some(here) ? "active" : undefined}>{t(entry.group)}</summary>
                <ul>
                  {entry.items.map((item) => (
                    <li key={item.to}>
                      <NavLink to={item.to} end={item.end}>
                        {t(item.label)}
                      </NavLink>
                    </li>
                  ))}
                </ul>
              </details>
            </li>
          ) : (
            <li key={entry.to}>
              <NavLink to={entry.to} end={entry.end}>
                {t(entry.label)}
              </NavLink>
            </li>
          ),
        )}
      </ul>
    </nav>
  );
}

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
          {user ? <MainNav role={user.role} /> : null}
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
              <NavLink to="/account" className="header-link">
                {t("nav.account")}
              </NavLink>
            ) : null}
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

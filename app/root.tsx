import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useLoaderData,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { getSessionUser } from "~/auth/session.server";
import { getLocale } from "~/i18n/locale.server";
import { htmlLang } from "~/i18n/locale";
import { translator } from "~/i18n/catalog";
import { AppShell } from "~/components/AppShell";
import { NotSaved, isNotSavedPayload } from "~/components/NotSaved";
import { useNonce } from "~/utils/nonce";
import appStyles from "~/styles/app.css";
import instrumentStyles from "~/styles/instruments.css";
import logStyles from "~/styles/logs.css";
import surveyStyles from "~/styles/survey.css";
import reportStyles from "~/styles/reports.css";
import exchangeStyles from "~/styles/exchanges.css";
import exportStyles from "~/styles/exports.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: appStyles },
  { rel: "stylesheet", href: instrumentStyles },
  { rel: "stylesheet", href: logStyles },
  { rel: "stylesheet", href: surveyStyles },
  { rel: "stylesheet", href: reportStyles },
  { rel: "stylesheet", href: exchangeStyles },
  { rel: "stylesheet", href: exportStyles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Medforsker" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const [user, locale] = await Promise.all([getSessionUser(request, context), getLocale(request, context)]);
  return {
    locale,
    user: user ? { id: user.id, name: user.name, role: user.role } : null,
  };
}

function Document({ lang, children }: { lang: string; children: React.ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const { locale, user } = useLoaderData<typeof loader>();
  return (
    <Document lang={htmlLang(locale)}>
      <AppShell user={user}>
        <Outlet />
      </AppShell>
    </Document>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData<typeof loader>("root");
  const locale = data?.locale ?? "nb";
  const t = translator(locale);
  let title = t("error.generic");
  if (isRouteErrorResponse(error)) {
    if (error.status === 404) title = t("error.notFound");
    else if (error.status === 403) title = t("error.forbidden");
  }
  return (
    <Document lang={htmlLang(locale)}>
      <AppShell user={data?.user ?? null}>
        {isRouteErrorResponse(error) && isNotSavedPayload(error.data) ? (
          <NotSaved payload={error.data} />
        ) : (
          <>
            <h1>{title}</h1>
            <p>
              <a href="/">{t("error.back")}</a>
            </p>
          </>
        )}
      </AppShell>
    </Document>
  );
}

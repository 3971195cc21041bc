// The error boundary of the participant's exchange page. Its one special case: answers posted
// after the session ended come back as a 401 carrying what was typed; a login form carries it
// on, so logging in again saves them (works without JavaScript).
import { Form, isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { useT } from "~/utils/i18n";
import type { ExchangeReauth } from "./reauth.server";

function isReauth(value: unknown): value is ExchangeReauth {
  return typeof value === "object" && value !== null && (value as { exchangeReauth?: unknown }).exchangeReauth === true;
}

export function ExchangeErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  if (isRouteErrorResponse(error) && error.status === 401 && isReauth(error.data)) {
    const payload = error.data;
    return (
      <div className="narrow">
        <h1>{t("exchanges.reauth.title")}</h1>
        <p className="lead">{t("exchanges.reauth.lead")}</p>
        <Form method="post" noValidate>
          {payload.error ? (
            <div className="form-error" role="alert">
              <p>{payload.error}</p>
            </div>
          ) : null}
          {Object.entries(payload.values).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <div className="field">
            <label htmlFor="reauth-email">{t("field.email")}</label>
            <input id="reauth-email" name="email" type="email" autoComplete="username" required defaultValue={payload.email} />
          </div>
          <div className="field">
            <label htmlFor="reauth-password">{t("field.password")}</label>
            <input id="reauth-password" name="password" type="password" autoComplete="current-password" required />
          </div>
          <div className="actions">
            <button type="submit" name="intent" value="reauth">
              {t("exchanges.reauth.submit")}
            </button>
          </div>
        </Form>
      </div>
    );
  }
  let title = t("error.generic");
  if (isRouteErrorResponse(error)) {
    if (error.status === 404) title = t("error.notFound");
    else if (error.status === 403) title = t("error.forbidden");
  }
  return (
    <>
      <h1>{title}</h1>
      <p>
        <a href="/">{t("error.back")}</a>
      </p>
    </>
  );
}

// The error boundary of the report page. Its special case: a report posted after the session
// ended comes back as a 401 with what was typed, and this page logs the person in again and
// saves it (a plain form, no JavaScript needed). Other errors read as on every page.
import { Form, isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { useT } from "~/utils/i18n";
import type { ReportReauth } from "./reauth.server";

function isReauth(value: unknown): value is ReportReauth {
  return typeof value === "object" && value !== null && (value as { reportReauth?: unknown }).reportReauth === true;
}

export function ReportErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  if (isRouteErrorResponse(error) && error.status === 401 && isReauth(error.data)) {
    const payload = error.data;
    return (
      <div className="narrow">
        <h1>{t("reports.reauth.title")}</h1>
        <p className="lead">{t("reports.reauth.lead")}</p>
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
              {t("reports.reauth.submit")}
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

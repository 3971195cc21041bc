// The error boundary of the log pages. Its one special case: a form posted after the session
// ended comes back as a 401 carrying what was typed; we show a login form that carries it too,
// so logging in again saves the note (works without JavaScript).
import { Form, isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { useT } from "~/utils/i18n";
import type { ReauthPayload } from "./author.server";

function isReauth(value: unknown): value is ReauthPayload {
  return typeof value === "object" && value !== null && (value as { reauth?: unknown }).reauth === true;
}

export function Reauth({ payload }: { payload: ReauthPayload }) {
  const t = useT();
  return (
    <div className="narrow log-reauth">
      <h1>{t("logs.reauth.title")}</h1>
      <p className="lead">{t("logs.reauth.lead")}</p>
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
            {t("logs.reauth.submit")}
          </button>
        </div>
      </Form>
    </div>
  );
}

export function LogErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  if (isRouteErrorResponse(error) && error.status === 401 && isReauth(error.data)) return <Reauth payload={error.data} />;
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

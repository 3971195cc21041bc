// "Log in again and keep what you typed", shared by the log, the participant reports and the
// exchanges. A form posted after the session ended comes back as a 401 whose data carries the
// typed values (auth/reauth.server.ts); this boundary shows a login form that posts them again
// with the credentials, so the save completes without JavaScript. A write the database refused
// shows «ikke lagret» with what was typed (NotSaved); any other error reads as on every page.
import { Form, isRouteErrorResponse, useRouteError } from "@remix-run/react";
import type { MessageKey } from "~/i18n/catalog";
import { NotSaved, isNotSavedPayload } from "./NotSaved";
import { useT } from "~/utils/i18n";

/** The data of the 401 (auth/reauth.server.ts makes it). */
export interface ReauthPayload {
  readonly reauth: true;
  readonly values: Readonly<Record<string, string>>;
  readonly email: string;
  readonly error: string | null;
}

// Defined here, not in the .server module: this one also runs in the browser.
export function isReauthPayload(value: unknown): value is ReauthPayload {
  return typeof value === "object" && value !== null && (value as { reauth?: unknown }).reauth === true;
}

interface ReauthText {
  title: MessageKey;
  lead: MessageKey;
  submit: MessageKey;
}

function ReauthForm({ payload, text, className = "" }: { payload: ReauthPayload; text: ReauthText; className?: string }) {
  const t = useT();
  return (
    <div className={`narrow ${className}`.trim()}>
      <h1>{t(text.title)}</h1>
      <p className="lead">{t(text.lead)}</p>
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
            {t(text.submit)}
          </button>
        </div>
      </Form>
    </div>
  );
}

/** An error boundary that turns the 401 re-login payload into the form above, in a capability's words. */
export function makeReauthBoundary(text: ReauthText, className?: string) {
  return function ReauthBoundary() {
    const error = useRouteError();
    const t = useT();
    if (isRouteErrorResponse(error) && error.status === 401 && isReauthPayload(error.data)) {
      return <ReauthForm payload={error.data} text={text} className={className} />;
    }
    if (isRouteErrorResponse(error) && isNotSavedPayload(error.data)) return <NotSaved payload={error.data} />;
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
  };
}

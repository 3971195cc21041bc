import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useSearchParams } from "@remix-run/react";
import { authenticate, hasResearcher } from "~/accounts/accounts.server";
import { loginSchema } from "~/accounts/forms.server";
import { loginFailureInit, loginFailureText } from "~/auth/login-failure.server";
import { requireAnonymous, safeRedirect } from "~/auth/permissions.server";
import { redirectWithSession } from "~/auth/session.server";
import { FormErrors, TextField } from "~/components/Field";
import { getTranslator } from "~/i18n/locale.server";
import { useT } from "~/utils/i18n";
import { titled } from "~/utils/meta";

export const meta = titled("login.title");

// A throttled login says how long to wait (Remix passes on only the cookies of action headers).
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const wait = actionHeaders.get("Retry-After");
  return wait ? { "Retry-After": wait } : new Headers();
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAnonymous(request, context);
  if (!hasResearcher(context.db)) throw redirect("/setup");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request, context);
  const { t } = await getTranslator(request, context);
  const submission = parseWithZod(await request.formData(), { schema: loginSchema(t) });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
  }
  const outcome = await authenticate(context.db, context.limiter, {
    email: submission.value.email,
    password: submission.value.password,
    address: context.clientAddress,
  });
  if (!outcome.ok) {
    const reply = submission.reply({ formErrors: [loginFailureText(outcome, t)], hideFields: ["password"] });
    return data({ result: reply }, loginFailureInit(outcome));
  }
  return redirectWithSession(context, outcome.userId, safeRedirect(submission.value.redirectTo));
}

export default function Login() {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const [form, fields] = useForm({ lastResult: actionData?.result, id: "login" });
  return (
    <div className="narrow">
      <h1>{t("login.title")}</h1>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/"} />
        <TextField meta={fields.email} label={t("field.email")} type="email" autoComplete="username" />
        <TextField meta={fields.password} label={t("field.password")} type="password" autoComplete="current-password" />
        <div className="actions">
          <button type="submit">{t("login.submit")}</button>
        </div>
      </Form>
      <p className="muted">{t("login.noAccount")}</p>
    </div>
  );
}

import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { changePassword } from "~/accounts/accounts.server";
import { changePasswordSchema } from "~/accounts/forms.server";
import { requireUser } from "~/auth/permissions.server";
import { startSession } from "~/auth/session.server";
import { FormErrors, TextField } from "~/components/Field";
import { getTranslator } from "~/i18n/locale.server";
import { useT } from "~/utils/i18n";
import { titled } from "~/utils/meta";

export const meta = titled("account.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  return { name: user.name, email: user.email, role: user.role };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const { t } = await getTranslator(request, context);
  const submission = parseWithZod(await request.formData(), { schema: changePasswordSchema(t) });
  const hide = { hideFields: ["password", "confirm", "current"] };
  if (submission.status !== "success") return data({ result: submission.reply(hide) }, { status: 400 });
  const ok = await changePassword(context.db, user.id, submission.value.current, submission.value.password);
  if (!ok) {
    return data(
      { result: submission.reply({ ...hide, fieldErrors: { current: [t("account.wrongPassword")] } }) },
      { status: 400 },
    );
  }
  // changePassword ended every session; this one continues under a fresh id.
  const cookie = await startSession(context, user.id);
  return redirect("/account?changed=1", { headers: { "Set-Cookie": cookie } });
}

export default function Account() {
  const t = useT();
  const me = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const [form, fields] = useForm({ lastResult: actionData?.result, id: "password" });
  return (
    <>
      <h1>{t("account.title")}</h1>
      <dl className="facts">
        <dt>{t("field.name")}</dt>
        <dd>{me.name}</dd>
        <dt>{t("field.email")}</dt>
        <dd>{me.email}</dd>
        <dt>{t("account.role")}</dt>
        <dd>{t(`role.${me.role}`)}</dd>
      </dl>
      <h2>{t("account.password")}</h2>
      {params.get("changed") && !actionData ? (
        <p className="notice notice--ok" role="status">
          {t("account.passwordChanged")}
        </p>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="narrow">
        <FormErrors errors={form.errors} />
        <TextField meta={fields.current} label={t("field.passwordCurrent")} type="password" autoComplete="current-password" />
        <TextField meta={fields.password} label={t("field.passwordNew")} hint={t("field.passwordHint")} type="password" autoComplete="new-password" />
        <TextField meta={fields.confirm} label={t("field.passwordConfirm")} type="password" autoComplete="new-password" />
        <div className="actions">
          <button type="submit">{t("account.submit")}</button>
        </div>
      </Form>
    </>
  );
}

import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { createFirstResearcher, hasResearcher } from "~/accounts/accounts.server";
import { setupSchema } from "~/accounts/forms.server";
import { redirectWithSession } from "~/auth/session.server";
import { FormErrors, TextField } from "~/components/Field";
import { getTranslator } from "~/i18n/locale.server";
import { useT } from "~/utils/i18n";
import { titled } from "~/utils/meta";

export const meta = titled("setup.title");

// Open to anyone, but only while no researcher exists (checked again inside the transaction).
export async function loader({ context }: LoaderFunctionArgs) {
  if (hasResearcher(context.db)) throw redirect("/login");
  return { needsCode: context.setupCode !== null };
}

export async function action({ request, context }: ActionFunctionArgs) {
  if (hasResearcher(context.db)) throw redirect("/login");
  const { t } = await getTranslator(request, context);
  const submission = parseWithZod(await request.formData(), { schema: setupSchema(t, context.setupCode) });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password", "confirm"] }) }, { status: 400 });
  }
  const userId = await createFirstResearcher(context.db, submission.value);
  if (userId === null) throw redirect("/login");
  return redirectWithSession(context, userId, "/");
}

export default function Setup() {
  const t = useT();
  const { needsCode } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({ lastResult: actionData?.result, id: "setup" });
  return (
    <div className="narrow">
      <h1>{t("setup.title")}</h1>
      <p className="lead">{t("setup.lead")}</p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        {needsCode ? <TextField meta={fields.setupCode} label={t("setup.code")} hint={t("setup.codeHint")} autoComplete="off" /> : null}
        <TextField meta={fields.name} label={t("field.name")} autoComplete="name" />
        <TextField meta={fields.email} label={t("field.email")} type="email" autoComplete="username" />
        <TextField meta={fields.password} label={t("field.password")} hint={t("field.passwordHint")} type="password" autoComplete="new-password" />
        <TextField meta={fields.confirm} label={t("field.passwordConfirm")} type="password" autoComplete="new-password" />
        <div className="actions">
          <button type="submit">{t("setup.submit")}</button>
        </div>
      </Form>
    </div>
  );
}

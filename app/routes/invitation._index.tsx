import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { acceptInvitation, findOpenInvitation } from "~/accounts/accounts.server";
import { invitationSchema } from "~/accounts/forms.server";
import { clearInvitationCookieHeader, readInvitationToken } from "~/accounts/invitation-cookie.server";
import { startSession } from "~/auth/session.server";
import { FormErrors, TextField } from "~/components/Field";
import { getTranslator } from "~/i18n/locale.server";
import { useT } from "~/utils/i18n";
import { titled } from "~/utils/meta";

export const meta = titled("invitation.title");

// Open to anyone; what it shows depends only on the invitation token in the cookie.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const open = findOpenInvitation(context.db, await readInvitationToken(request));
  return { invitee: open ? { name: open.name, email: open.email } : null };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { t } = await getTranslator(request, context);
  const token = await readInvitationToken(request);
  const submission = parseWithZod(await request.formData(), { schema: invitationSchema(t) });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password", "confirm"] }) }, { status: 400 });
  }
  const userId = await acceptInvitation(context.db, token, submission.value.password);
  if (userId === null) throw redirect("/invitation");
  const headers = new Headers();
  headers.append("Set-Cookie", await clearInvitationCookieHeader(context.config.secureCookies));
  headers.append("Set-Cookie", await startSession(context, userId));
  return redirect("/", { headers });
}

export default function Invitation() {
  const t = useT();
  const { invitee } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({ lastResult: actionData?.result, id: "invitation" });
  if (!invitee) {
    return (
      <div className="narrow">
        <h1>{t("invitation.invalid")}</h1>
        <p>{t("invitation.invalidText")}</p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>{t("invitation.title")}</h1>
      <p className="lead">{t("invitation.lead", { name: invitee.name, email: invitee.email })}</p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <input type="email" name="username" value={invitee.email} autoComplete="username" readOnly hidden />
        <TextField meta={fields.password} label={t("field.passwordNew")} hint={t("field.passwordHint")} type="password" autoComplete="new-password" />
        <TextField meta={fields.confirm} label={t("field.passwordConfirm")} type="password" autoComplete="new-password" />
        <div className="actions">
          <button type="submit">{t("invitation.submit")}</button>
        </div>
      </Form>
    </div>
  );
}

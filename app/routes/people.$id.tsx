import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { getPerson, issueInvitation, setActive } from "~/accounts/accounts.server";
import { audit } from "~/accounts/audit.server";
import { notFound, requireResearcher } from "~/auth/permissions.server";
import { InvitationLink } from "~/components/InvitationLink";
import { useT } from "~/utils/i18n";
import { titled } from "~/utils/meta";

export const meta = titled((t, data) => data?.person?.name ?? t("people.title"));

function findPerson(context: LoaderFunctionArgs["context"], id: string | undefined) {
  const person = /^\d+$/.test(id ?? "") ? getPerson(context.db, Number(id)) : undefined;
  if (!person) throw notFound();
  return person;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const me = await requireResearcher(request, context);
  const { passwordHash, ...person } = findPerson(context, params.id);
  return { person: { ...person, invitationPending: passwordHash === null }, isMe: me.id === person.id };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const me = await requireResearcher(request, context);
  const person = findPerson(context, params.id);
  const intent = (await request.formData()).get("intent");
  if (intent === "deactivate" && person.id !== me.id) {
    setActive(context.db, person.id, false, me.id);
    return { link: null };
  }
  if (intent === "reactivate") {
    setActive(context.db, person.id, true, me.id);
    return { link: null };
  }
  if (intent === "new-link" && person.active) {
    const token = issueInvitation(context.db, person.id, me.id);
    audit(context.db, me.id, "person.link_issued", `user:${person.id}`);
    return { link: `${context.config.publicUrl}/invitation/${token}` };
  }
  throw new Response("Bad Request", { status: 400 });
}

export default function PersonPage() {
  const t = useT();
  const { person, isMe } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <h1>{person.name}</h1>
      {actionData?.link ? <InvitationLink name={person.name} link={actionData.link} /> : null}
      <dl className="facts">
        <dt>{t("field.email")}</dt>
        <dd>{person.email}</dd>
        <dt>{t("account.role")}</dt>
        <dd>{t(`role.${person.role}`)}</dd>
        <dt>{t("people.status")}</dt>
        <dd>{!person.active ? t("people.deactivated") : person.invitationPending ? t("people.pending") : t("people.active")}</dd>
      </dl>
      <div className="actions">
        {person.active ? (
          <Form method="post">
            <button type="submit" name="intent" value="new-link" className="button--secondary">
              {person.invitationPending ? t("people.newInvitation") : t("people.resetLink")}
            </button>
          </Form>
        ) : null}
        {person.active && !isMe ? (
          <Form method="post">
            <button type="submit" name="intent" value="deactivate" className="button--danger">
              {t("people.deactivate")}
            </button>
          </Form>
        ) : null}
        {!person.active ? (
          <Form method="post">
            <button type="submit" name="intent" value="reactivate">
              {t("people.reactivate")}
            </button>
          </Form>
        ) : null}
      </div>
      <p className="muted">{t("people.deactivateHint")}</p>
    </>
  );
}

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { homeworkDocumentTypes } from "../../db/schema/exchanges";
import { CheckboxField, SelectField, TextAreaField, TextField } from "~/components/Field";
import { PlanningHeader, exchangeTitle } from "~/exchanges/ExchangeParts";
import { loadQuestionsPage, questionsPageAction } from "~/exchanges/questions-page.server";
import { formatExchangeDate } from "~/exchanges/timing";
import { useLocale, useT } from "~/utils/i18n";
import { AddItemCard, CopyFromForm, EditItemDetails, type ItemFields } from "~/exchanges/ItemForms";
import { ReorderControls } from "~/exchanges/ReorderControls";
import { formatDate } from "~/i18n/dates";

export const meta: MetaFunction = () => [{ title: "Forberedelse – Medforsker" }];

export const loader = (args: LoaderFunctionArgs) => loadQuestionsPage(args);
export const action = (args: ActionFunctionArgs) => questionsPageAction(args);

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

export default function ExchangeQuestions() {
  const t = useT();
  const locale = useLocale();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const e = data.exchange;
  const copyError = actionData?.intent === "question-copy" ? actionData.copyError : null;
  return (
    <>
      <PlanningHeader exchange={e} projectTitle={data.projectTitle} saved={data.saved} />

      <section aria-labelledby="questions">
        <h2 id="questions" tabIndex={-1}>
          {t("exchanges.questions.title")}
        </h2>
        <p className="lead">{t("exchanges.questions.lead")}</p>
        <p className="muted">
          {t("exchanges.questions.version", { instrument: data.instrumentId, version: e.questionsVersion })}{" "}
          {data.answered ? t("exchanges.questions.answered", { count: data.answered }) : null}
        </p>
        {data.questions.length ? (
          <ol className="exchanges-questions">
            {data.questions.map((q, i) => (
              <li key={`${q.name}:${q.label.nb}:${q.label.en}:${q.required}:${i}`} className="card">
                <QuestionEditor question={q} first={i === 0} last={i === data.questions.length - 1} index={i + 1} />
              </li>
            ))}
          </ol>
        ) : (
          <p>{t("exchanges.questions.none")}</p>
        )}
        <AddItemCard intent="question-add" title={t("exchanges.questions.add")}>
          {(fields) => <QuestionFields fields={fields} />}
        </AddItemCard>
        <CopyFromForm
          intent="question-copy"
          label={t("exchanges.questions.copyFrom")}
          hint={t("exchanges.questions.copyHint")}
          submit={t("exchanges.questions.copySubmit")}
          options={[{ value: "template", label: t("exchanges.questions.template") }, ...data.copySources.map((s) => ({ value: s.id, label: `${exchangeTitle(t, s)} – ${formatDate(s.date, locale)}` }))]}
          error={copyError}
        />
      </section>

      <section aria-labelledby="homework">
        <h2 id="homework" tabIndex={-1}>
          {t("exchanges.homework.title")}
        </h2>
        <p className="lead">{t("exchanges.homework.lead")}</p>
        {data.homework.length ? (
          <ol className="exchanges-questions">
            {data.homework.map((h) => (
              <li key={`${h.id}:${h.title}:${h.description}:${h.documentType}:${h.deadline}`} className="card">
                <HomeworkEditor homework={h} />
              </li>
            ))}
          </ol>
        ) : (
          <p className="muted">{t("exchanges.homework.none")}</p>
        )}
        <AddItemCard intent="homework-add" title={t("exchanges.homework.add")} hidden={{ clientKey: data.homeworkKey }}>
          {(fields) => <HomeworkFields fields={fields} />}
        </AddItemCard>
      </section>
    </>
  );
}

function QuestionFields({ fields }: { fields: ItemFields }) {
  const t = useT();
  return (
    <>
      <TextAreaField meta={fields.labelNb} label={t("exchanges.questions.labelNb")} />
      <TextAreaField meta={fields.labelEn} label={t("exchanges.questions.labelEn")} />
      <CheckboxField meta={fields.required} label={t("exchanges.questions.required")} />
    </>
  );
}

function QuestionEditor({ question, first, last, index }: { question: Data["questions"][number]; first: boolean; last: boolean; index: number }) {
  const t = useT();
  const label = t("exchanges.questions.numbered", { number: index });
  return (
    <>
      <h3>
        {label} <code className="muted">{question.name}</code>
      </h3>
      <p>{question.label.nb}</p>
      <p lang="en" className="muted">
        {question.label.en}
      </p>
      {question.required ? <p className="tag">{t("exchanges.questions.required")}</p> : null}
      <EditItemDetails
        intent="question-update"
        formId={`question-${question.name}`}
        keyField="name"
        keyValue={question.name}
        label={label}
        save={t("exchanges.questions.save")}
        defaultValue={{ labelNb: question.label.nb, labelEn: question.label.en, required: question.required ? "on" : "" }}
      >
        {(fields) => <QuestionFields fields={fields} />}
      </EditItemDetails>
      <ReorderControls field="name" value={question.name} intentPrefix="question" label={label} first={first} last={last} />
    </>
  );
}

function HomeworkFields({ fields }: { fields: ItemFields }) {
  const t = useT();
  return (
    <>
      <TextField meta={fields.title} label={t("exchanges.homework.taskTitle")} />
      <TextAreaField meta={fields.description} label={t("exchanges.homework.description")} required={false} />
      <SelectField
        meta={fields.documentType}
        label={t("exchanges.homework.documentType")}
        placeholder={t("v.choose")}
        options={homeworkDocumentTypes.map((d) => ({ value: d, label: t(`exchanges.documentType.${d}`) }))}
      />
      <TextField meta={fields.deadline} label={t("exchanges.homework.deadlineField")} type="date" required={false} />
    </>
  );
}

function HomeworkEditor({ homework }: { homework: Data["homework"][number] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <h3>{homework.title}</h3>
      <p className="muted">
        {t(`exchanges.documentType.${homework.documentType}`)}
        {homework.deadline ? ` · ${t("exchanges.homework.deadline", { date: formatExchangeDate(homework.deadline, false, locale) })}` : ""}
      </p>
      <EditItemDetails
        intent="homework-update"
        formId={`homework-${homework.id}`}
        keyField="itemId"
        keyValue={homework.id}
        label={homework.title}
        save={t("exchanges.homework.save")}
        defaultValue={{ title: homework.title, description: homework.description, documentType: homework.documentType, deadline: homework.deadline ?? "" }}
      >
        {(fields) => <HomeworkFields fields={fields} />}
      </EditItemDetails>
      <Form method="post" className="actions">
        <input type="hidden" name="itemId" value={homework.id} />
        <button type="submit" name="intent" value="homework-delete" className="button--secondary" aria-label={t("exchanges.deleteLabel", { what: homework.title })}>
          {t("exchanges.delete")}
        </button>
      </Form>
    </>
  );
}

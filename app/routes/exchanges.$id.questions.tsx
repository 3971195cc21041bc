import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { homeworkDocumentTypes } from "../../db/schema/exchanges";
import { FormErrors, SelectField, TextAreaField, TextField } from "~/components/Field";
import { CheckboxField } from "~/components/Field";
import { ExchangeNav, SavedNotice, exchangeTitle } from "~/exchanges/ExchangeParts";
import { loadQuestionsPage, questionsPageAction } from "~/exchanges/questions-page.server";
import { formatExchangeDate } from "~/exchanges/timing";
import { useLocale, useT } from "~/utils/i18n";
import { ReorderControls } from "~/exchanges/ReorderControls";

export const meta: MetaFunction = () => [{ title: "Forberedelse – Medforsker" }];

export const loader = (args: LoaderFunctionArgs) => loadQuestionsPage(args);
export const action = (args: ActionFunctionArgs) => questionsPageAction(args);

type Data = ReturnType<typeof useLoaderData<typeof loader>>;
type Fields = ReturnType<typeof useForm<Record<string, string>>>[1];

export default function ExchangeQuestions() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const e = data.exchange;
  const copyError = actionData?.intent === "question-copy" ? actionData.copyError : null;
  return (
    <>
      <p className="no-print">
        <Link to="/exchanges">← {t("exchanges.list.title")}</Link>
      </p>
      <h1>{exchangeTitle(t, e)}</h1>
      <p className="muted">{data.projectTitle}</p>
      <ExchangeNav id={e.id} />
      <SavedNotice saved={data.saved} />

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
        <AddQuestion />
        <Form method="post" className="exchanges-copy">
          <div className="field">
            <label htmlFor="question-copy-from">{t("exchanges.questions.copyFrom")}</label>
            <span className="hint" id="question-copy-hint">
              {t("exchanges.questions.copyHint")}
            </span>
            <select
              id="question-copy-from"
              name="from"
              required
              aria-describedby={copyError ? "question-copy-hint question-copy-error" : "question-copy-hint"}
              aria-invalid={copyError ? true : undefined}
            >
              <option value="">{t("v.choose")}</option>
              <option value="template">{t("exchanges.questions.template")}</option>
              {data.copySources.map((s) => (
                <option key={s.id} value={s.id}>
                  {exchangeTitle(t, s)} – {s.date}
                </option>
              ))}
            </select>
            {copyError ? (
              <p className="field-error" id="question-copy-error">
                {copyError}
              </p>
            ) : null}
          </div>
          <button type="submit" name="intent" value="question-copy" className="button--secondary">
            {t("exchanges.questions.copySubmit")}
          </button>
        </Form>
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
        <AddHomework homeworkKey={data.homeworkKey} />
      </section>
    </>
  );
}

function QuestionFields({ fields }: { fields: Fields }) {
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
  const actionData = useActionData<typeof action>();
  const mine = actionData?.intent === "question-update" && actionData.name === question.name;
  const [form, fields] = useForm<Record<string, string>>({
    id: `question-${question.name}`,
    lastResult: mine ? actionData.result : undefined,
    defaultValue: { labelNb: question.label.nb, labelEn: question.label.en, required: question.required ? "on" : "" },
  });
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
      <details className="exchanges-edit" open={mine}>
        <summary>
          {t("exchanges.edit")} <span className="visually-hidden">{label}</span>
        </summary>
        <Form method="post" {...getFormProps(form)}>
          <FormErrors errors={form.errors} />
          <input type="hidden" name="name" value={question.name} />
          <QuestionFields fields={fields} />
          <button type="submit" name="intent" value="question-update">
            {t("exchanges.questions.save")}
          </button>
        </Form>
      </details>
      <ReorderControls field="name" value={question.name} intentPrefix="question" label={label} first={first} last={last} />
    </>
  );
}

function AddQuestion() {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm<Record<string, string>>({
    id: "question-add",
    lastResult: actionData?.intent === "question-add" ? actionData.result : undefined,
  });
  return (
    <section aria-labelledby="question-add-heading" className="card exchanges-add">
      <h3 id="question-add-heading">{t("exchanges.questions.add")}</h3>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <QuestionFields fields={fields} />
        <button type="submit" name="intent" value="question-add">
          {t("exchanges.questions.add")}
        </button>
      </Form>
    </section>
  );
}

function HomeworkFields({ fields }: { fields: Fields }) {
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
  const actionData = useActionData<typeof action>();
  const mine = actionData?.intent === "homework-update" && actionData.itemId === homework.id;
  const [form, fields] = useForm<Record<string, string>>({
    id: `homework-${homework.id}`,
    lastResult: mine ? actionData.result : undefined,
    defaultValue: { title: homework.title, description: homework.description, documentType: homework.documentType, deadline: homework.deadline ?? "" },
  });
  return (
    <>
      <h3>{homework.title}</h3>
      <p className="muted">
        {t(`exchanges.documentType.${homework.documentType}`)}
        {homework.deadline ? ` · ${t("exchanges.homework.deadline", { date: formatExchangeDate(homework.deadline, false, locale, t) })}` : ""}
      </p>
      <details className="exchanges-edit" open={mine}>
        <summary>
          {t("exchanges.edit")} <span className="visually-hidden">{homework.title}</span>
        </summary>
        <Form method="post" {...getFormProps(form)}>
          <FormErrors errors={form.errors} />
          <input type="hidden" name="itemId" value={homework.id} />
          <HomeworkFields fields={fields} />
          <button type="submit" name="intent" value="homework-update">
            {t("exchanges.homework.save")}
          </button>
        </Form>
      </details>
      <Form method="post" className="actions">
        <input type="hidden" name="itemId" value={homework.id} />
        <button type="submit" name="intent" value="homework-delete" className="button--secondary" aria-label={t("exchanges.deleteLabel", { what: homework.title })}>
          {t("exchanges.delete")}
        </button>
      </Form>
    </>
  );
}

function AddHomework({ homeworkKey }: { homeworkKey: string }) {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm<Record<string, string>>({
    id: "homework-add",
    lastResult: actionData?.intent === "homework-add" ? actionData.result : undefined,
  });
  return (
    <section aria-labelledby="homework-add-heading" className="card exchanges-add">
      <h3 id="homework-add-heading">{t("exchanges.homework.add")}</h3>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <input type="hidden" name="clientKey" value={homeworkKey} />
        <HomeworkFields fields={fields} />
        <button type="submit" name="intent" value="homework-add">
          {t("exchanges.homework.add")}
        </button>
      </Form>
    </section>
  );
}

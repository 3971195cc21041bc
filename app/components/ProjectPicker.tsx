// The project choice of pages that show one project at a time (exports, their review, the
// exchanges overview): a GET form, so it works without JavaScript. Only shown with two or more
// projects to choose between.
import { Form } from "@remix-run/react";

interface ProjectOption {
  readonly slug: string;
  readonly title: string;
}

/** The labelled select alone, for a filter form with more fields. */
export function ProjectSelect({ id, label, projects, value }: { id: string; label: string; projects: readonly ProjectOption[]; value: string | undefined }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name="project" defaultValue={value}>
        {projects.map((p) => (
          <option key={p.slug} value={p.slug}>
            {p.title}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A form of its own that switches the page to another project. */
export function ProjectPicker(props: { id: string; label: string; submit: string; projects: readonly ProjectOption[]; value: string | undefined }) {
  if (props.projects.length < 2) return null;
  return (
    <Form method="get" className="inline-filter no-print">
      <ProjectSelect {...props} />
      <button type="submit" className="button--secondary">
        {props.submit}
      </button>
    </Form>
  );
}

// Researchers: the example files of the import page, made from the chosen project.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireResearcher } from "~/auth/permissions.server";
import { EXAMPLE_FILES, exampleFile, type ExampleFile } from "~/imports/examples.server";
import { listProjects } from "~/projects/projects.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireResearcher(request, context);
  const file = params.file ?? "";
  if (!(file in EXAMPLE_FILES)) throw notFound();
  const slug = new URL(request.url).searchParams.get("project");
  const projects = listProjects(context.db);
  const project = (slug ? projects.find((p) => p.slug === slug) : projects[0]) ?? null;
  if (!project) throw notFound();
  const { body, type } = await exampleFile(context, project.id, file as ExampleFile);
  return new Response(body, { headers: { "Content-Type": type, "Content-Disposition": `attachment; filename="${file}"`, "Cache-Control": "no-store" } });
}

// Coding whole log notes: researchers the submitted notes of a month, job specialists their own.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { NotesView, type MemoError } from "~/coding/CodingPages";
import { loadNotesPage, notesAction } from "~/coding/pages.server";

export const meta: MetaFunction = () => [{ title: "Kode notater – Medforsker" }];
export const loader = ({ request, context }: LoaderFunctionArgs) => loadNotesPage(request, context);
export const action = ({ request, context }: ActionFunctionArgs) => notesAction(request, context);

export default function CodingNotes() {
  const result = useActionData<typeof action>() as { passageError?: { noteId: number; message: string }; memoError?: MemoError } | undefined;
  return <NotesView page={useLoaderData<typeof loader>()} passageError={result?.passageError ?? null} memoError={result?.memoError ?? null} />;
}

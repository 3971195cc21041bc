// Transcripts and notes of an exchange (/exchanges/:id/transcripts): the list, and bringing one
// in as a .txt or .docx file or as pasted text. Known names are replaced on the way in; the
// transcript stays private to the uploader until released.
import { parseWithZod } from "@conform-to/zod/v4";
import {
  data,
  MaxPartSizeExceededError,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
} from "@remix-run/node";
import { requireResearcher } from "~/auth/permissions.server";
import { getTranslator } from "~/i18n/locale.server";
import { exchangeForResearcher } from "./access.server";
import { exchangeHead, newClientKey } from "./exchanges.server";
import { transcriptFieldsSchema } from "./forms.server";
import { knownPeople, suggestReplacements } from "./pseudonyms.server";
import { MAX_DOCX_EXPANDED_BYTES, MAX_UPLOAD_BYTES, textFromFile, textFromPaste, type ImportResult } from "./transcript-import.server";
import { createTranscript, listTranscripts } from "./transcripts.server";

export async function loadTranscriptsPage({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireResearcher(request, context);
  const exchange = exchangeForResearcher(context.db, params.id);
  return {
    exchange: exchangeHead(exchange),
    transcripts: listTranscripts(context.db, exchange.id, user.id),
    clientKey: newClientKey(),
    maxMegabytes: MAX_UPLOAD_BYTES / 1024 / 1024,
    saved: new URL(request.url).searchParams.get("saved"),
  };
}

/** The posted form: multipart (with a file) from the page, or urlencoded (pasted text only). */
async function readForm(request: Request): Promise<FormData | "tooLarge"> {
  const type = request.headers.get("Content-Type") ?? "";
  if (!type.startsWith("multipart/form-data")) return request.formData();
  try {
    return await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_UPLOAD_BYTES }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return "tooLarge";
    throw error;
  }
}

export async function transcriptsPageAction({ request, context, params }: ActionFunctionArgs) {
  const user = await requireResearcher(request, context);
  const { db } = context;
  const exchange = exchangeForResearcher(db, params.id);
  const { t } = await getTranslator(request, context);
  const formData = await readForm(request);
  if (formData === "tooLarge") {
    return data({ result: { status: "error" as const, initialValue: {}, error: { file: [t("exchanges.v.fileTooLarge", { max: MAX_UPLOAD_BYTES / 1024 / 1024 })] } } }, { status: 400 });
  }
  if (formData.get("intent") !== "upload") throw new Response("Bad Request", { status: 400 });
  const submission = parseWithZod(formData, { schema: transcriptFieldsSchema(t) });
  // The file field is not part of the schema; its problems are added beside the others.
  const file = formData.get("file");
  const hasFile = file instanceof File && file.name !== "" && file.size > 0;
  const pasted = String(formData.get("text") ?? "");
  let imported: ImportResult | null = null;
  if (hasFile) imported = await textFromFile(file.name, new Uint8Array(await file.arrayBuffer()));
  else if (pasted.trim()) imported = textFromPaste(pasted);
  const fileError = !imported
    ? t("exchanges.v.fileOrText")
    : !imported.ok
      ? t(`exchanges.v.file.${imported.error}`, { max: MAX_DOCX_EXPANDED_BYTES / 1024 / 1024 })
      : null;
  if (submission.status !== "success" || fileError || !imported?.ok) {
    const reply = submission.reply({ fieldErrors: fileError ? { [hasFile || !pasted.trim() ? "file" : "text"]: [fileError] } : {} });
    return data({ result: reply }, { status: 400 });
  }
  const people = knownPeople(db, exchange.projectId);
  const id = createTranscript(
    db,
    {
      exchangeId: exchange.id,
      title: submission.value.title,
      source: imported.source,
      fileName: imported.fileName,
      text: imported.text,
      replacements: suggestReplacements(imported.text, people),
    },
    user.id,
    submission.value.clientKey,
  );
  return redirect(`/exchanges/${exchange.id}/transcripts/${id}`);
}

// Export jobs over HTTP: the export form answers with the export's page when it was quick, or with
// its job's page (/exports/jobs/:id), which refreshes itself until the job ends and then leads on
// to the export's page.
import type { Client } from "./http";

/** Follows an export form's redirect until its job has ended: the export's id, or the job page when it ended without one. */
export async function afterExportForm(client: Client, location: string, timeoutMs = 120_000): Promise<{ exportId: number } | { exportId: null; html: string }> {
  const deadline = Date.now() + timeoutMs;
  let where = location;
  while (where.startsWith("/exports/jobs/")) {
    if (Date.now() > deadline) throw new Error(`export job ${where} did not end`);
    const res = await client.request("GET", where);
    if (res.status === 302) {
      where = res.headers.get("Location")!;
      continue;
    }
    const html = await res.text();
    if (!html.includes('http-equiv="refresh"')) return { exportId: null, html };
    await new Promise((r) => setTimeout(r, 250));
  }
  const id = /^\/exports\/(\d+)$/.exec(where)?.[1];
  if (!id) throw new Error(`not an export page: ${where}`);
  return { exportId: Number(id) };
}

/** The id of the export an export form made (through its job's page if it took a while). */
export async function exportIdAfter(client: Client, location: string): Promise<number> {
  const after = await afterExportForm(client, location);
  if (after.exportId === null) throw new Error(`the export job ended without a package:\n${after.html.replace(/<script[\s\S]*?<\/script>/g, "").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ")}`);
  return after.exportId;
}

// The export worker thread (see job-queue.server.ts). It loads the server build, so it runs the
// same bundled code as the server and needs no TypeScript loader, and runs the export jobs it is
// given one at a time (exportJobRunner, app/exports/job-runner.server.ts, reached through the
// build's entry module). The jobs write their progress and outcome to the database themselves.
import fs from "node:fs";
import os from "node:os";
import { pathToFileURL } from "node:url";
import { parentPort, workerData } from "node:worker_threads";

// On 2 cores an export competes with the thread that answers everyone else; it may take longer,
// they may not wait. Linux schedules threads one by one: this thread (its id from
// /proc/thread-self) gets the lowest priority. Elsewhere the export keeps the normal one.
try {
  const threadId = Number(fs.readlinkSync("/proc/thread-self").split("/").pop());
  os.setPriority(threadId, 19);
} catch {
  /* not Linux: nothing to lower */
}

const build = await import(pathToFileURL(workerData.serverFile).href);
const runner = build.entry.module.exportJobRunner(workerData.settings);

parentPort.on("message", async (message) => {
  if (message.type === "run") {
    const outcome = await runner.run(message.jobId);
    parentPort.postMessage({ type: "ended", jobId: message.jobId, outcome });
  } else if (message.type === "close") {
    runner.close();
    parentPort.close();
  }
});
parentPort.postMessage({ type: "ready" });

// Starts the built app as `npm start` does (tsx app/server/start.ts) on a free port with its own
// SQLite file, for integration and browser tests over real HTTP.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export interface RunningServer {
  url: string;
  port: number;
  dataDir: string;
  databasePath: string;
  process: ChildProcess;
  output: () => string;
  stop: (signal?: NodeJS.Signals) => Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export function tempDataDir(prefix = "medforsker-test-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function startServer(options: { dataDir?: string; env?: Record<string, string> } = {}): Promise<RunningServer> {
  const dataDir = options.dataDir ?? tempDataDir();
  const databasePath = path.join(dataDir, "medforsker.db");
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // node with tsx's loader, not the tsx CLI: the CLI runs the server as a child of its own, so a
  // SIGKILL (crash tests) would hit only the launcher and leave the server running.
  const child = spawn(process.execPath, ["--import", "tsx", "app/server/start.ts"], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_PATH: databasePath,
      PUBLIC_URL: url,
      NODE_ENV: "production",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: false,
  });
  let output = "";
  child.stdout!.on("data", (b) => (output += b));
  child.stderr!.on("data", (b) => (output += b));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // Wait for this child's own "running" line (a probe alone could reach another process that
  // took the port first), then for the port to answer.
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${output}`);
    if (output.includes("Medforsker is running")) {
      try {
        const res = await fetch(`${url}/accessibility`, { redirect: "manual" });
        if (res.status < 500) break;
      } catch {
        /* not up yet */
      }
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`server did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    port,
    dataDir,
    databasePath,
    process: child,
    output: () => output,
    stop: async (signal = "SIGTERM") => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

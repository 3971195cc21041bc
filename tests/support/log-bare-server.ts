// The yardstick of the log-submission benchmark: a minimal node:http server that reads a
// url-encoded form and does one prepared better-sqlite3 insert per request, with the same
// durability as the app (WAL, synchronous=FULL), then answers 302 like the app does.
import { spawn, type ChildProcess } from "node:child_process";
import { freePort } from "./server";

const source = (dbPath: string, port: number) => `
import http from "node:http";
import Database from "better-sqlite3";
const db = new Database(${JSON.stringify(dbPath)});
db.pragma("journal_mode = WAL");
db.pragma("synchronous = FULL");
db.exec("create table if not exists notes (id integer primary key, client_key text not null unique, answers text not null)");
const insert = db.prepare("insert into notes (client_key, answers) values (?, ?)");
http.createServer((req, res) => {
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", () => {
    const form = new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
    const answers = JSON.stringify(Object.fromEntries(form));
    const { lastInsertRowid } = insert.run(form.get("draftKey"), answers);
    res.writeHead(302, { Location: "/log?saved=" + lastInsertRowid, "Content-Length": 0 });
    res.end();
  });
}).listen(${port}, "127.0.0.1", () => console.log("ready"));
`;

export interface BareServer {
  url: string;
  process: ChildProcess;
  stop: () => Promise<void>;
}

export async function startBareServer(dbPath: string): Promise<BareServer> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--input-type=module", "-e", source(dbPath, port)], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (b) => String(b).includes("ready") && resolve());
    child.once("exit", (code) => reject(new Error(`bare server exited (${code})`)));
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    url: `http://127.0.0.1:${port}`,
    process: child,
    stop: async () => {
      child.kill("SIGTERM");
      await exited;
    },
  };
}

// The session is looked up once per request, however many loaders and actions run: the built
// app in this process, with the session cookie's parse counted.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler, type AppLoadContext, type ServerBuild } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { users } from "../../db/schema";
import { startSession } from "../../app/auth/session.server";
import { buildPaths } from "../../app/server/build-paths";
import { readConfig } from "../../app/server/config";
import { createServices, type AppServices } from "../../app/server/services.server";
import { identities, seedDemo } from "../support/seed";

let services: AppServices;
let handler: (request: Request, context: AppLoadContext) => Promise<Response>;
let cookie = "";

beforeAll(async () => {
  const seeded = await seedDemo();
  services = createServices(readConfig({ ...process.env, DATABASE_PATH: path.join(seeded.dataDir, "medforsker.db") }));
  const build = (await import(pathToFileURL(buildPaths().serverFile).href)) as ServerBuild;
  handler = createRequestHandler(build, "production");
  const user = services.db.select({ id: users.id }).from(users).where(eq(users.email, identities.jsA)).get()!;
  cookie = (await startSession({ ...services, nonce: "", clientAddress: "" }, user.id)).split(";")[0];
}, 120_000);

afterAll(() => services?.sqlite.close());

/** A request with its own load context, as the server makes one per request; returns the lookups. */
async function lookups(request: Request): Promise<{ status: number; parses: number }> {
  let parses = 0;
  const sessionCookie = Object.create(services.sessionCookie) as AppServices["sessionCookie"];
  sessionCookie.parse = (...args) => {
    parses++;
    return services.sessionCookie.parse(...args);
  };
  const response = await handler(request, { ...services, sessionCookie, nonce: "test", clientAddress: "127.0.0.1" });
  return { status: response.status, parses };
}

it("reads the session once for a page whose root and route loaders both need the person", async () => {
  expect(await lookups(new Request("http://127.0.0.1/log", { headers: { cookie } }))).toEqual({ status: 200, parses: 1 });
  expect(await lookups(new Request("http://127.0.0.1/log.data", { headers: { cookie } }))).toEqual({ status: 200, parses: 1 });
});

// The HTTP server: static files, security middleware and the Remix request handler.
// No access log: URLs may carry one-time tokens, and nothing about visitors is kept.
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import { directRouteHandler } from "./direct-routes.server";
import { expressErrors } from "./request-errors.server";
import { guardBuild } from "./loader-data-guard.server";
import { crossSiteGuard, securityHeaders, untrustedForwardedHeaders } from "./security.server";
import { reportRefusedWrites } from "./refused-writes.server";
import type { AppServices } from "./services.server";

export function createApp(unguardedBuild: ServerBuild, services: AppServices, assetsDir: string) {
  const build = guardBuild(unguardedBuild);
  const app = express();
  app.disable("x-powered-by");
  // One reverse proxy in front: the client address is the one it appended to X-Forwarded-For,
  // never an address the client wrote there itself.
  app.set("trust proxy", services.config.trustProxy ? 1 : false);
  app.use(untrustedForwardedHeaders(services.config.trustProxy));
  app.use(securityHeaders);
  app.use(
    "/build",
    express.static(assetsDir, { immutable: true, maxAge: "1y", index: false }),
  );
  app.use(express.static(path.resolve("public"), { maxAge: "1h", index: false }));
  app.use(crossSiteGuard);
  const context = (req: express.Request, res: express.Response) => ({
    ...services,
    nonce: res.locals.nonce as string,
    clientAddress: req.ip ?? "",
  });
  app.use(directRouteHandler(build, context));
  app.all("*", createRequestHandler({ build: reportRefusedWrites(build), mode: "production", getLoadContext: context }));
  app.use(expressErrors);
  return app;
}

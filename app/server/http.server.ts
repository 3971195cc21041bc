// The HTTP server: static files, security middleware and the Remix request handler.
// No access log: URLs may carry one-time tokens, and nothing about visitors is kept.
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import { directRouteHandler } from "./direct-routes.server";
import { expressErrors } from "./request-errors.server";
import { crossSiteGuard, securityHeaders } from "./security.server";
import type { AppServices } from "./services.server";

export function createApp(build: ServerBuild, services: AppServices, assetsDir: string) {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", services.config.trustProxy);
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
  app.all("*", createRequestHandler({ build, mode: "production", getLoadContext: context }));
  app.use(expressErrors);
  return app;
}

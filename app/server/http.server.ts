// The HTTP server: static files, security middleware, body limits and the Remix request handler.
// No access log: URLs may carry one-time tokens, and nothing about visitors is kept.
import path from "node:path";
import { createRemixHeaders, createRemixRequest, sendRemixResponse } from "@remix-run/express/dist/server.js";
import { createReadableStreamFromReadable, createRequestHandler, type AppLoadContext, type ServerBuild } from "@remix-run/node";
import express from "express";
import { getLocale } from "~/i18n/locale.server";
import { bodyLimitFor, hasUndeclaredBody, limitedBody, refuseLargeBodies, sendTooLarge } from "./body-limit.server";
import { directRouteHandler } from "./direct-routes.server";
import { expressErrors } from "./request-errors.server";
import { guardBuild } from "./loader-data-guard.server";
import { crossSiteGuard, securityHeaders, untrustedForwardedHeaders } from "./security.server";
import { reportRefusedWrites } from "./refused-writes.server";
import type { AppServices } from "./services.server";

type Context = (req: express.Request, res: express.Response) => AppLoadContext;

/**
 * Remix's Express adapter (@remix-run/express createRequestHandler), with one addition: a body
 * sent without a declared length is read through a counter and cut off at its page's limit.
 */
function remixHandler(build: ServerBuild, context: Context, localeOf: (req: express.Request, res: express.Response) => Promise<"nb" | "en">) {
  const handle = createRequestHandler(build, "production");
  return async (req: express.Request, res: express.Response, next: express.NextFunction) => {
    const limit = bodyLimitFor(req.path);
    let tooLarge = false;
    try {
      let request: Request;
      if (hasUndeclaredBody(req)) {
        // createRemixRequest would start reading `req` itself: it gets a bodiless view of it.
        const head = createRemixRequest(Object.create(req, { method: { value: "GET" } }), res);
        const stop = new AbortController();
        const body = limitedBody(req, limit.bytes, () => {
          tooLarge = true;
          stop.abort();
        });
        const init = { method: req.method, body: createReadableStreamFromReadable(body), duplex: "half", signal: AbortSignal.any([head.signal, stop.signal]) };
        request = new Request(head, init as RequestInit);
      } else request = createRemixRequest(req, res);
      const response = await handle(request, context(req, res));
      if (tooLarge) return sendTooLarge(req, res, await localeOf(req, res), limit);
      await sendRemixResponse(res, response);
    } catch (error) {
      if (tooLarge) return sendTooLarge(req, res, await localeOf(req, res).catch(() => "nb" as const), limit);
      next(error);
    }
  };
}

export function createApp(unguardedBuild: ServerBuild, services: AppServices, assetsDir: string) {
  const build = guardBuild(unguardedBuild);
  const app = express();
  app.disable("x-powered-by");
  // One reverse proxy in front: the client address is the one it appended to X-Forwarded-For,
  // never an address the client wrote there itself.
  app.set("trust proxy", services.config.trustProxy ? 1 : false);
  app.use(untrustedForwardedHeaders(services.config.trustProxy));
  const context: Context = (req, res) => ({
    ...services,
    nonce: res.locals.nonce as string,
    clientAddress: req.ip ?? "",
  });
  // The person's language for pages answered before Remix (only the cookies are read).
  const localeOf = (req: express.Request, res: express.Response) => getLocale(new Request(`http://localhost${req.originalUrl}`, { headers: createRemixHeaders(req.headers) }), context(req, res));
  app.use(securityHeaders);
  app.use(
    "/build",
    express.static(assetsDir, { immutable: true, maxAge: "1y", index: false }),
  );
  app.use(express.static(path.resolve("public"), { maxAge: "1h", index: false }));
  app.use(refuseLargeBodies((req) => localeOf(req, req.res!)));
  app.use(crossSiteGuard);
  app.use(directRouteHandler(build, context));
  app.all("*", remixHandler(reportRefusedWrites(build), context, localeOf));
  app.use(expressErrors);
  return app;
}

// The employer's pages are resource routes that render whole, small documents themselves and
// need nothing of Remix's document or data plumbing; on them Remix's per-request matching over
// every route costs about as much as the page. Express calls their loader or action directly.
// The route modules are the same ones Remix serves, so behaviour does not fork.
import { createRemixRequest, sendRemixResponse } from "@remix-run/express/dist/server.js";
import type { AppLoadContext, ServerBuild } from "@remix-run/node";
import type { NextFunction, Request, Response } from "express";

type RouteFunction = (args: { request: globalThis.Request; params: Record<string, string>; context: AppLoadContext }) => Promise<unknown>;

const directRoutes: { pattern: RegExp; id: string; param?: string }[] = [
  { pattern: /^\/s\/?$/, id: "routes/s._index" },
  { pattern: /^\/s\/done\/?$/, id: "routes/s.done" },
  { pattern: /^\/s\/([^/]+)\/?$/, id: "routes/s.$token", param: "token" },
];

/** Whether Express answers this path itself (the employer's pages), without Remix. */
export const isDirectRoute = (path: string) => directRoutes.some((route) => route.pattern.test(path));

export function directRouteHandler(build: ServerBuild, context: (req: Request, res: Response) => AppLoadContext) {
  return async (req: Request, res: Response, next: NextFunction) => {
    for (const route of directRoutes) {
      const match = route.pattern.exec(req.path);
      if (!match) continue;
      const module = build.routes[route.id]?.module as { loader?: RouteFunction; action?: RouteFunction } | undefined;
      const fn = req.method === "GET" || req.method === "HEAD" ? module?.loader : req.method === "POST" ? module?.action : undefined;
      if (!fn) return next();
      let params: Record<string, string> = {};
      try {
        if (route.param) params = { [route.param]: decodeURIComponent(match[1]) };
      } catch {
        return next();
      }
      let response: unknown;
      try {
        response = await fn({ request: createRemixRequest(req, res), params, context: context(req, res) });
      } catch (thrown) {
        response = thrown;
      }
      if (response instanceof Response) return sendRemixResponse(res, response);
      // Never log the URL: it may hold a token.
      console.error(`direct route ${route.id} failed:`, response instanceof Error ? response.stack : response);
      res.status(500).type("text/plain").send("Internal Server Error");
      return;
    }
    next();
  };
}

// Remix 2 sends loader and action data to the browser with turbo-stream 2.4.1. Its decoder turns
// an own `__proto__` key of an object into that object's prototype, and rebuilds an Error by
// looking its name up as a global constructor (fixed in turbo-stream 3.2.1 and React Router 7,
// never in Remix 2; docs/decisions/remix-2-end-of-life.md). Every loader's and action's
// data passes through `checkBrowserData` on its way out: such a value is a bug on our side, and
// the request fails (500, logged) instead of sending it.
import type { ServerBuild } from "@remix-run/node";

export class UnsafeLoaderData extends Error {}

// Values turbo-stream encodes whole, without own keys to look at.
const opaque = [Date, RegExp, URL, Response, Promise] as const;

/** Throws UnsafeLoaderData when `value` holds an own `__proto__` key or an Error, anywhere. */
export function checkBrowserData(value: unknown, where: string): void {
  const seen = new Set<object>();
  const stack: { value: unknown; path: string }[] = [{ value, path: "" }];
  while (stack.length) {
    const { value: v, path } = stack.pop()!;
    if (typeof v !== "object" || v === null || seen.has(v)) continue;
    seen.add(v);
    if (v instanceof Error) throw new UnsafeLoaderData(`${where}: an Error at ${path || "the top"} would be rebuilt by name in the browser`);
    if (opaque.some((type) => v instanceof type) || ArrayBuffer.isView(v)) continue;
    if (v instanceof Map) {
      for (const [k, item] of v) stack.push({ value: k, path: `${path}<key>` }, { value: item, path: `${path}<value>` });
      continue;
    }
    if (v instanceof Set) {
      for (const item of v) stack.push({ value: item, path: `${path}<item>` });
      continue;
    }
    if (Object.prototype.hasOwnProperty.call(v, "__proto__")) {
      throw new UnsafeLoaderData(`${where}: an own "__proto__" key at ${path || "the top"} would become the object's prototype in the browser`);
    }
    for (const key of Object.keys(v)) stack.push({ value: (v as Record<string, unknown>)[key], path: `${path}.${key}` });
  }
}

type RouteFunction = (args: never) => unknown;

function checked(fn: RouteFunction, where: string): RouteFunction {
  return async (args: never) => {
    try {
      const result = await fn(args);
      checkBrowserData(result, where);
      return result;
    } catch (thrown) {
      // Thrown data (a 401 carrying the typed values, say) is sent to the browser too; a thrown
      // Error is not (Remix sends only a generic message in production).
      if (!(thrown instanceof Error)) checkBrowserData(thrown, where);
      throw thrown;
    }
  };
}

/** The build with every route's loader and action wrapped in the check; served instead of it. */
export function guardBuild(build: ServerBuild): ServerBuild {
  const routes: ServerBuild["routes"] = {};
  for (const [id, route] of Object.entries(build.routes)) {
    const module = { ...route.module };
    if (module.loader) module.loader = checked(module.loader as RouteFunction, `loader of ${id}`) as typeof module.loader;
    if (module.action) module.action = checked(module.action as RouteFunction, `action of ${id}`) as typeof module.action;
    routes[id] = { ...route, module };
  }
  return { ...build, routes };
}

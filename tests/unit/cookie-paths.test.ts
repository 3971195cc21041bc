// A cookie limited to a path is not sent to Remix's data requests: with JavaScript on, a page at
// /invitation loads and posts through /invitation.data, outside a cookie with Path=/invitation
// (so an invited person with an ordinary browser was told «Lenken virker ikke»). A cookie may
// therefore have a path other than / only when every route under that path is a resource route
// (no page component, so no script and no .data request). This finds every cookie path in app/
// and checks that.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const app = path.resolve(import.meta.dirname, "../../app");

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const file = path.join(dir, e.name);
    if (e.isDirectory()) return sources(file);
    return /\.tsx?$/.test(e.name) ? [file] : [];
  });
}

/** Every cookie path in the code: `Path=/x` in a Set-Cookie string, `path: "/x"` in createCookie options. */
function cookiePaths(): { file: string; path: string }[] {
  const found: { file: string; path: string }[] = [];
  for (const file of sources(app)) {
    const text = fs.readFileSync(file, "utf8").replace(/^\s*\/\/.*$/gm, "");
    for (const m of text.matchAll(/Path=(\/[^;"'`\s$]*)/g)) found.push({ file, path: m[1] });
    if (/createCookie\(/.test(text)) for (const m of text.matchAll(/\bpath:\s*["'](\/[^"']*)["']/g)) found.push({ file, path: m[1] });
  }
  return found;
}

/** Route files (Remix flat routes) whose URL lies under `urlPath`. */
function routesUnder(urlPath: string): string[] {
  const prefix = urlPath.replace(/^\//, "").split("/").join(".");
  return fs.readdirSync(path.join(app, "routes")).filter((f) => f.replace(/\.tsx?$/, "") === prefix || f.startsWith(`${prefix}.`) || f.startsWith(`${prefix}_`));
}

const isResourceRoute = (file: string) => !/export\s+default\b/.test(fs.readFileSync(path.join(app, "routes", file), "utf8"));

describe("cookie paths", () => {
  const paths = cookiePaths();

  it("finds the cookies (session, language, invitation, survey link)", () => {
    expect(paths.length).toBeGreaterThanOrEqual(4);
  });

  it("limit a cookie to a path only where no page under it fetches .data", () => {
    const traps = paths
      .filter((p) => p.path !== "/")
      .flatMap((p) => {
        const routes = routesUnder(p.path);
        if (!routes.length) return [`${path.relative(app, p.file)}: Path=${p.path} matches no route`];
        return routes.filter((r) => !isResourceRoute(r)).map((r) => `${path.relative(app, p.file)}: Path=${p.path} does not reach ${p.path}.data, which the page ${r} uses`);
      });
    expect(traps).toEqual([]);
  });
});

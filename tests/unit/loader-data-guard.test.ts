import type { ServerBuild } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { checkBrowserData, guardBuild, UnsafeLoaderData } from "../../app/server/loader-data-guard.server";

// Objects with an own "__proto__" key, as JSON.parse and Object.fromEntries make them from input.
const fromJson = () => JSON.parse('{"text":"hei","__proto__":{"role":"researcher"}}');
const fromEntries = () => Object.fromEntries(new URLSearchParams("a=1&__proto__=2"));

describe("checkBrowserData", () => {
  it("lets ordinary loader data through", () => {
    const nullProto = Object.assign(Object.create(null), { a: 1 });
    const ok = { user: { id: 1, name: "Aina" }, notes: [{ id: 1, answers: { dato: "2018-01-03" } }], at: new Date(), nullProto, map: new Map([["k", { v: 1 }]]), cyclic: {} as Record<string, unknown> };
    ok.cyclic.self = ok.cyclic;
    for (const value of [ok, null, undefined, 3, "text", [1, [2]], redirect("/")]) expect(() => checkBrowserData(value, "test")).not.toThrow();
  });

  it("refuses an own __proto__ key at any depth, and Errors", () => {
    for (const value of [fromJson(), { deep: [{ x: fromEntries() }] }, new Map([["k", fromJson()]]), { error: new TypeError("x") }, data({ values: fromEntries() }, { status: 401 })]) {
      expect(() => checkBrowserData(value, "test")).toThrow(UnsafeLoaderData);
    }
  });
});

describe("guardBuild", () => {
  const build = (module: Record<string, unknown>) => ({ routes: { "routes/x": { id: "routes/x", path: "x", module } } }) as unknown as ServerBuild;
  const call = (b: ServerBuild, name: "loader" | "action") => (b.routes["routes/x"].module[name] as (args: unknown) => Promise<unknown>)({});

  it("checks what every loader and action returns or throws, and keeps the rest of the module", async () => {
    const Page = () => null;
    const guarded = guardBuild(build({ default: Page, loader: async () => ({ values: fromJson() }), action: async () => { throw data({ values: fromEntries() }, { status: 401 }); } }));
    expect(guarded.routes["routes/x"].module.default).toBe(Page);
    await expect(call(guarded, "loader")).rejects.toThrow(/own "__proto__" key at \.values/);
    await expect(call(guarded, "action")).rejects.toThrow(UnsafeLoaderData);
    const fine = guardBuild(build({ loader: async () => ({ a: 1 }), action: async () => { throw redirect("/"); } }));
    await expect(call(fine, "loader")).resolves.toEqual({ a: 1 });
    await expect(call(fine, "action")).rejects.toBeInstanceOf(Response);
  });
});

// What the server logs for a request that went wrong (app/server/request-errors.server.ts).
import { describe, expect, it } from "vitest";
import { requestErrorLog, withoutAddress } from "../../app/server/request-errors.server";

const TOKEN = "q7Zk2mN9pX4rT8vW1yB6cD3";
const request = (path: string) => new Request(`http://127.0.0.1:3000${path}`);
/** The shape Remix hands handleError for its own responses (ErrorResponseImpl). */
const routeError = (status: number, statusText: string, error?: Error) => ({ status, statusText, internal: true, data: String(error), error });

describe("requestErrorLog", () => {
  it("writes nothing for what visitors get wrong", () => {
    expect(requestErrorLog(routeError(404, "Not Found", new Error(`No route matches URL "/s/${TOKEN}/x"`)), request(`/s/${TOKEN}/x`))).toBeNull();
    expect(requestErrorLog(routeError(405, "Method Not Allowed", new Error("no action")), request("/accessibility"))).toBeNull();
    expect(requestErrorLog(routeError(403, "Forbidden", new Error("Route does not match URL")), request("/?_data=x"))).toBeNull();
    const probe = new Error("Warning: Single fetch-enabled apps should not be making ?_data requests, this is likely to break in the future");
    expect(requestErrorLog(probe, request("/?_data=root"))).toBeNull();
  });

  it("writes nothing for a request the visitor gave up", () => {
    const controller = new AbortController();
    controller.abort();
    expect(requestErrorLog(new Error("boom"), new Request("http://127.0.0.1/x", { signal: controller.signal }))).toBeNull();
  });

  it("writes a real error with its stack and without the address", () => {
    const path = `/invitation/${TOKEN}?next=/s/${TOKEN}`;
    const error = new Error(`lookup failed for http://127.0.0.1:3000${path}`);
    const text = requestErrorLog(error, request(path))!;
    expect(text).toMatch(/^Error: lookup failed for <address>\n\s+at /);
    expect(text).not.toContain(TOKEN);
    const inner = requestErrorLog(routeError(500, "Internal Server Error", new Error(`bad ${path}`)), request(path))!;
    expect(inner).toMatch(/^Error: bad <address>\n\s+at /);
  });
});

describe("withoutAddress", () => {
  it("cuts the full address, the query and any employer or invitation link, and keeps the stack's file names", () => {
    expect(withoutAddress(`at /s/${TOKEN}/x and /s/${TOKEN}/x.data`, `/s/${TOKEN}/x.data`)).toBe("at /s/<token>/x and /s/<token>/x.data");
    expect(withoutAddress(`redirect to /s/${TOKEN}, then "/invitation/${TOKEN}"`, "/other")).toBe('redirect to /s/<token>, then "/invitation/<token>"');
    expect(withoutAddress("GET /log/mine?q=Kari Nordmann failed", "/log/mine?q=Kari Nordmann")).toBe("GET <address> failed");
    const stack = "Error: x\n    at loader (/work/app/logs/read.server.ts:3:1)";
    expect(withoutAddress(stack, "http://127.0.0.1:3000/logs")).toBe(stack);
  });
});

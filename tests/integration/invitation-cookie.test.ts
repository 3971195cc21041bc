// The invitation cookie over real HTTP: it reaches every address the invitation page uses (with
// JavaScript on, Remix loads and posts through /invitation.data, which a cookie for /invitation
// never reached), and it is Secure when PUBLIC_URL is https, like the session and link cookies.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../support/server";

let plain: RunningServer;
let https: RunningServer;

beforeAll(async () => {
  // One after the other: a server that finds the build stale rebuilds it, and two must not race.
  plain = await startServer();
  https = await startServer({ env: { PUBLIC_URL: "https://medforsker.example" } });
});
afterAll(async () => {
  await Promise.all([plain?.stop(), https?.stop()]);
});

async function invitationCookie(server: RunningServer): Promise<string> {
  const res = await fetch(`${server.url}/invitation/some-token`, { redirect: "manual" });
  expect(res.headers.get("Location")).toBe("/invitation");
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith("medforsker_invitation="));
  expect(cookie).toBeDefined();
  return cookie!;
}

/** RFC 6265 §5.1.4: does a cookie with this Path go with a request for `path`? */
function pathMatches(cookiePath: string, path: string): boolean {
  if (path === cookiePath) return true;
  return path.startsWith(cookiePath) && (cookiePath.endsWith("/") || path[cookiePath.length] === "/");
}

describe("the invitation cookie", () => {
  it("goes with the page, its data requests and its form posts", async () => {
    const cookie = await invitationCookie(plain);
    const path = /;\s*Path=([^;]+)/i.exec(cookie)?.[1] ?? "/";
    for (const target of ["/invitation", "/invitation.data", "/_root.data"]) expect(pathMatches(path, target), `${cookie} for ${target}`).toBe(true);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
    expect(cookie).not.toMatch(/;\s*Secure/i);
  });

  it("is Secure under an https PUBLIC_URL", async () => {
    expect(await invitationCookie(https)).toMatch(/;\s*Secure/i);
  });
});

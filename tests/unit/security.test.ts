import type { NextFunction, Request, Response } from "express";
import { describe, expect, it } from "vitest";
import { safeRedirect } from "../../app/auth/permissions.server";
import { RateLimiter, loginLimits } from "../../app/auth/rate-limit.server";
import { crossSiteGuard } from "../../app/server/security.server";

async function guard(method: string, headers: Record<string, string>, protocol = "https"): Promise<number> {
  let status = 0;
  const req = { method, protocol, get: (name: string) => headers[name] } as unknown as Request;
  let sent!: () => void;
  const done = new Promise<void>((resolve) => (sent = resolve));
  const res = {
    status(code: number) {
      status = code;
      return this;
    },
    type() {
      return this;
    },
    send() {
      sent();
      return this;
    },
  } as unknown as Response;
  crossSiteGuard(req, res, (() => {
    status = 200;
    sent();
  }) as NextFunction);
  await done;
  return status;
}

describe("cross-site guard", () => {
  const host = { Host: "medforsker.example.no" };
  it("lets same-origin and non-browser requests through", async () => {
    expect(await guard("POST", { ...host, "Sec-Fetch-Site": "same-origin", Origin: "https://medforsker.example.no" })).toBe(200);
    expect(await guard("POST", { ...host, Origin: "https://medforsker.example.no" })).toBe(200);
    expect(await guard("POST", host)).toBe(200);
    expect(await guard("GET", { ...host, "Sec-Fetch-Site": "cross-site" })).toBe(200);
  });
  it("refuses mutations from other sites", async () => {
    expect(await guard("POST", { ...host, "Sec-Fetch-Site": "cross-site" })).toBe(403);
    expect(await guard("POST", { ...host, "Sec-Fetch-Site": "same-site" })).toBe(403);
    expect(await guard("POST", { ...host, Origin: "https://evil.example" })).toBe(403);
    expect(await guard("POST", { ...host, Origin: "null" })).toBe(403);
    expect(await guard("DELETE", { ...host, Origin: "not a url" })).toBe(403);
  });
  it("compares the whole origin: scheme, host and port", async () => {
    expect(await guard("POST", { ...host, Origin: "https://medforsker.example.no" }, "http")).toBe(403);
    expect(await guard("POST", { ...host, Origin: "https://medforsker.example.no:8443" })).toBe(403);
    expect(await guard("POST", { ...host, "Sec-Fetch-Site": "same-origin", Origin: "https://other.example.no" })).toBe(403);
  });
});

describe("safeRedirect", () => {
  it("follows only same-site paths", () => {
    expect(safeRedirect("/log?month=2018-01")).toBe("/log?month=2018-01");
    expect(safeRedirect("//evil.example/")).toBe("/");
    expect(safeRedirect("/\\evil.example")).toBe("/");
    expect(safeRedirect("https://evil.example")).toBe("/");
    expect(safeRedirect(null)).toBe("/");
  });
});

describe("rate limiter", () => {
  it("blocks after the allowance and opens again after the window", () => {
    let now = 0;
    const limiter = new RateLimiter(() => now);
    const rule = { max: 3, windowMs: 1000 };
    for (let i = 0; i < 3; i++) {
      expect(limiter.isLimited("k", rule)).toBe(false);
      limiter.hit("k", rule);
    }
    expect(limiter.isLimited("k", rule)).toBe(true);
    expect(limiter.retryAfterMs("k", rule)).toBe(1000);
    expect(limiter.isLimited("other", rule)).toBe(false);
    now = 1001;
    expect(limiter.isLimited("k", rule)).toBe(false);
  });

  it("makes each attempt after the free ones wait twice as long, up to the cap, then forgets", () => {
    let now = 0;
    const limiter = new RateLimiter(() => now);
    const rule = loginLimits.perPair;
    for (let i = 0; i < rule.free; i++) {
      expect(limiter.retryAfterMs("pair", rule)).toBe(0);
      limiter.hit("pair", rule);
    }
    const waits: number[] = [];
    for (let i = 0; i < 10; i++) {
      const wait = limiter.retryAfterMs("pair", rule);
      waits.push(wait);
      now += wait;
      expect(limiter.retryAfterMs("pair", rule)).toBe(0);
      limiter.hit("pair", rule);
    }
    expect(waits.slice(0, 4)).toEqual([5_000, 10_000, 20_000, 40_000]);
    expect(Math.max(...waits)).toBe(rule.maxDelayMs);
    now += rule.forgetMs;
    expect(limiter.retryAfterMs("pair", rule)).toBe(0);
    limiter.hit("pair", rule);
    expect(limiter.retryAfterMs("pair", rule)).toBe(0);
  });
});

import type { NextFunction, Request, Response } from "express";
import { describe, expect, it } from "vitest";
import { safeRedirect } from "../../app/auth/permissions.server";
import { RateLimiter } from "../../app/auth/rate-limit.server";
import { crossSiteGuard } from "../../app/server/security.server";

function guard(method: string, headers: Record<string, string>): number {
  let status = 0;
  const req = { method, get: (name: string) => headers[name] } as unknown as Request;
  const res = {
    status(code: number) {
      status = code;
      return this;
    },
    type() {
      return this;
    },
    send() {
      return this;
    },
  } as unknown as Response;
  crossSiteGuard(req, res, (() => (status = 200)) as NextFunction);
  return status;
}

describe("cross-site guard", () => {
  const host = { Host: "medforsker.example.no" };
  it("lets same-origin and non-browser requests through", () => {
    expect(guard("POST", { ...host, "Sec-Fetch-Site": "same-origin", Origin: "https://medforsker.example.no" })).toBe(200);
    expect(guard("POST", { ...host, Origin: "https://medforsker.example.no" })).toBe(200);
    expect(guard("POST", host)).toBe(200);
    expect(guard("GET", { ...host, "Sec-Fetch-Site": "cross-site" })).toBe(200);
  });
  it("refuses mutations from other sites", () => {
    expect(guard("POST", { ...host, "Sec-Fetch-Site": "cross-site" })).toBe(403);
    expect(guard("POST", { ...host, "Sec-Fetch-Site": "same-site" })).toBe(403);
    expect(guard("POST", { ...host, Origin: "https://evil.example" })).toBe(403);
    expect(guard("POST", { ...host, Origin: "null" })).toBe(403);
    expect(guard("DELETE", { ...host, Origin: "not a url" })).toBe(403);
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
    expect(limiter.isLimited("other", rule)).toBe(false);
    now = 1001;
    expect(limiter.isLimited("k", rule)).toBe(false);
  });
});

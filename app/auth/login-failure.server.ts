// What a refused login says: wrong credentials, or how long to wait before the next try.
import type { LoginResult } from "~/accounts/accounts.server";
import type { TFunction } from "~/i18n/catalog";

export type LoginFailure = Exclude<LoginResult, { ok: true }>;

/** «5 s», «15 min»: unit symbols read the same in bokmål and English and need no plural. */
export function waitText(seconds: number): string {
  return seconds < 60 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`;
}

export function loginFailureText(failure: LoginFailure, t: TFunction): string {
  if (failure.reason === "invalid") return t("login.invalid");
  return t("login.limited", { wait: waitText(failure.retryAfterSeconds) });
}

/** 429 with Retry-After for a wait, 400 for wrong credentials. */
export function loginFailureInit(failure: LoginFailure): ResponseInit {
  if (failure.reason === "invalid") return { status: 400 };
  return { status: 429, headers: { "Retry-After": String(failure.retryAfterSeconds) } };
}

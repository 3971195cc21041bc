// The interface text of every page, one catalogue per area. Each area exports `nb` and an `en`
// typed as `Messages<typeof nb>`, so tsc refuses an English catalogue that lacks a key.
import { formatMessage, type MessageParams } from "./format";
import type { Locale } from "./locale";
import * as common from "./areas/common";
import * as instruments from "./areas/instruments";
import * as accounts from "./areas/accounts";
import * as admin from "./areas/admin";
import * as legal from "./areas/legal";
import * as logs from "./areas/logs";
import * as survey from "./areas/survey";
import * as reports from "./areas/reports";
import * as exchanges from "./areas/exchanges";
import * as exportsArea from "./areas/exports";
import * as audit from "./areas/audit";
import * as importsArea from "./areas/imports";
import * as coding from "./areas/coding";

export type Messages<T> = { [K in keyof T]: string };

const nb = {
  ...common.nb,
  ...instruments.nb,
  ...accounts.nb,
  ...admin.nb,
  ...legal.nb,
  ...survey.nb,
  ...logs.nb,
  ...reports.nb,
  ...exchanges.nb,
  ...exportsArea.nb,
  ...audit.nb,
  ...importsArea.nb,
  ...coding.nb,
};
const en: Messages<typeof nb> = {
  ...common.en,
  ...instruments.en,
  ...accounts.en,
  ...admin.en,
  ...legal.en,
  ...survey.en,
  ...logs.en,
  ...reports.en,
  ...exchanges.en,
  ...exportsArea.en,
  ...audit.en,
  ...importsArea.en,
  ...coding.en,
};

export type MessageKey = keyof typeof nb;
export const catalogs: Record<Locale, Record<MessageKey, string>> = { nb, en };

export type TFunction = (key: MessageKey, params?: MessageParams) => string;

export function translator(locale: Locale): TFunction {
  const messages = catalogs[locale];
  return (key, params) => formatMessage(messages[key] ?? key, locale, params);
}

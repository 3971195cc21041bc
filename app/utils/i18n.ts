// Client-and-server hooks for interface text: the locale comes from the root loader.
import { useRouteLoaderData } from "@remix-run/react";
import { translator, type TFunction } from "~/i18n/catalog";
import { defaultLocale, type Locale } from "~/i18n/locale";
import type { loader as rootLoader } from "~/root";

export function useLocale(): Locale {
  const data = useRouteLoaderData<typeof rootLoader>("root");
  return data?.locale ?? defaultLocale;
}

export function useT(): TFunction {
  return translator(useLocale());
}

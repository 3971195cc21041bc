// The CSP nonce of the current response, made per request by the server and passed to
// <Scripts>, <ScrollRestoration> and any <style> element we render. On the client it is "".
import { createContext, useContext, type ReactNode } from "react";

const NonceContext = createContext("");

export function NonceProvider({ value, children }: { value: string; children: ReactNode }) {
  return <NonceContext.Provider value={value}>{children}</NonceContext.Provider>;
}

export function useNonce(): string {
  return useContext(NonceContext);
}

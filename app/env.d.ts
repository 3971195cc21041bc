/// <reference types="@remix-run/node" />
/// <reference types="@remix-run/dev" />
import type { AppServices } from "./server/services.server";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
  interface AppLoadContext extends AppServices {
    /** CSP nonce of this response. */
    nonce: string;
    /** The client's address (for rate limits); never stored. */
    clientAddress: string;
  }
}
declare module "@remix-run/server-runtime" {
  interface Future {
    v3_singleFetch: true;
  }
}

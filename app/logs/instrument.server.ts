// The compiled log-entry instrument from the codebook, with its shape computed once.
import type { AppLoadContext } from "@remix-run/node";
import { toFormInstrument, type FormInstrument } from "~/instruments/types";
import { LOG_INSTRUMENT_ID, logShape, type LogShape } from "./instrument";

export interface LogInstrument {
  readonly form: FormInstrument;
  readonly shape: LogShape;
}

const cache = new WeakMap<object, LogInstrument>();

/** The latest version of log-entry; stored notes keep the version they were written under. */
export function logInstrument(context: Pick<AppLoadContext, "codebook">): LogInstrument {
  const compiled = context.codebook.get(LOG_INSTRUMENT_ID);
  if (!compiled) throw new Error(`The instrument ${LOG_INSTRUMENT_ID} is missing from surveys/`);
  let hit = cache.get(compiled);
  if (!hit) {
    const form = toFormInstrument(compiled);
    hit = { form, shape: logShape(form) };
    cache.set(compiled, hit);
  }
  return hit;
}

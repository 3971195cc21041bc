// The server half of the item-type registry (architecture pattern 2). The mapped type makes a
// new ItemType fail to compile until it has a server module here and a component in
// registry.tsx.
import type { ItemType } from "../types";
import type { ItemServer } from "./common.server";
import { countsServer } from "./counts.server";
import { dateServer } from "./date.server";
import { integerServer } from "./integer.server";
import { longTextServer } from "./long_text.server";
import { matrixServer } from "./matrix.server";
import { monthServer } from "./month.server";
import { multipleChoiceServer } from "./multiple_choice.server";
import { seStepServer } from "./se_step.server";
import { shortTextServer } from "./short_text.server";
import { singleChoiceServer } from "./single_choice.server";

export type ItemServerRegistry = { readonly [T in ItemType]: ItemServer<T> };

export const itemServers: ItemServerRegistry = {
  short_text: shortTextServer,
  long_text: longTextServer,
  date: dateServer,
  month: monthServer,
  integer: integerServer,
  single_choice: singleChoiceServer,
  multiple_choice: multipleChoiceServer,
  matrix: matrixServer,
  counts: countsServer,
  se_step: seStepServer,
};

/** The server module of an item's type, typed for that item. */
export function serverFor<T extends ItemType>(type: T): ItemServer<T> {
  return itemServers[type] as ItemServer<T>;
}

// The browser half of the item-type registry (architecture pattern 2): one field component
// per item type. The mapped type makes a new ItemType fail to compile until it has a
// component here and a server module in registry.server.ts. No zod, no server imports.
import type { ComponentType } from "react";
import type { ItemType } from "../types";
import { CountsField } from "./counts";
import { DateField } from "./date";
import type { ItemFieldProps } from "./field-kit";
import { IntegerField } from "./integer";
import { LongTextField } from "./long_text";
import { MatrixField } from "./matrix";
import { MonthField } from "./month";
import { MultipleChoiceField } from "./multiple_choice";
import { SeStepField } from "./se_step";
import { ShortTextField } from "./short_text";
import { SingleChoiceField } from "./single_choice";

export type ItemComponentRegistry = { readonly [T in ItemType]: ComponentType<ItemFieldProps<T>> };

export const itemComponents: ItemComponentRegistry = {
  short_text: ShortTextField,
  long_text: LongTextField,
  date: DateField,
  month: MonthField,
  integer: IntegerField,
  single_choice: SingleChoiceField,
  multiple_choice: MultipleChoiceField,
  matrix: MatrixField,
  counts: CountsField,
  se_step: SeStepField,
};

/** The field component of an item's type, typed for that item. */
export function componentFor<T extends ItemType>(type: T): ComponentType<ItemFieldProps<T>> {
  return itemComponents[type] as ComponentType<ItemFieldProps<T>>;
}

// The five steps of the SE five-stage process (instruments.md §2.1, Figur 1), the fixed
// options of every `se_step` item. Codes are the step numbers.
import type { CompiledOption } from "./types";

export const SE_STEPS: readonly CompiledOption[] = Object.freeze([
  { code: 1, label: { nb: "Trinn 1: Innledende kontakt og samarbeidsavtale", en: "Step 1: Initial contact and cooperation agreement" } },
  { code: 2, label: { nb: "Trinn 2: Yrkeskartlegging og karriereplanlegging", en: "Step 2: Vocational profiling and career planning" } },
  { code: 3, label: { nb: "Trinn 3: Å finne jobb", en: "Step 3: Finding a job" } },
  { code: 4, label: { nb: "Trinn 4: Samarbeid med arbeidsgiver", en: "Step 4: Cooperation with the employer" } },
  { code: 5, label: { nb: "Trinn 5: Opplæring og trening på og utenom arbeidsplass", en: "Step 5: Training and support on and off the job" } },
].map((option) => Object.freeze({ ...option, label: Object.freeze(option.label) })));

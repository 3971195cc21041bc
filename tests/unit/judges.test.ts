// .ci/run installs the judges from Debian before `npm test`; its list must be the one the tests use.
import fs from "node:fs";
import { expect, test } from "vitest";
import { JUDGES } from "../support/judges";

test(".ci/run installs exactly the Debian packages of tests/support/judges.ts", () => {
  const line = /^JUDGE_PACKAGES="([^"]*)"$/m.exec(fs.readFileSync(".ci/run", "utf8"));
  expect(line, "JUDGE_PACKAGES line in .ci/run").not.toBeNull();
  const ci = line![1].split(/\s+/).filter(Boolean).sort();
  const judges = Object.values(JUDGES).flatMap((j) => j.packages).sort();
  expect(ci).toEqual(judges);
});

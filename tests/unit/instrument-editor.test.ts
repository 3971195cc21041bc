// The instrument editor's round trip (issue 14): every definition in surveys/ read into the
// editor's model — each item as its form fields and back, the whole written out as YAML by the
// editor — compiles to exactly what the file compiles to. So nothing a file can express is lost in
// the editor, and nothing the editor writes is refused at start. And the editor's operations.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compileDefinitionText } from "../../app/instruments/compile.server";
import { definitionText, parseDefinitionText } from "../../app/instruments/definition-yaml.server";
import { addItem, fieldsToItem, itemToFields, joinLine, moveItem, removeItem, replaceItem, splitLine } from "../../app/instruments/editor";
import { SURVEYS } from "../support/instrument-v2";

const files = readdirSync(SURVEYS, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => readdirSync(path.join(SURVEYS, d.name)).filter((f) => /\.ya?ml$/.test(f)).map((f) => path.join(SURVEYS, d.name, f)));

const compiled = (text: string) => {
  const result = compileDefinitionText(text, "x.yaml");
  if (!result.instrument) throw new Error(result.problems.map((p) => `${p.item}: ${p.problem}`).join("\n"));
  const { source: _source, ...rest } = result.instrument;
  return rest;
};

describe("the round trip through the editor", () => {
  it("covers every file in surveys/", () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
  });

  for (const file of files) {
    it(`${path.relative(SURVEYS, file)}: every item through its form fields and back, the whole through the editor's YAML`, () => {
      const text = readFileSync(file, "utf8");
      const def = parseDefinitionText(text)!;
      expect(def).not.toBeNull();
      let rebuilt = def;
      for (const item of def.sections.flatMap((s) => s.items)) {
        const { item: back, problems } = fieldsToItem(itemToFields(item));
        expect(problems).toEqual([]);
        expect(back).toEqual(item);
        rebuilt = replaceItem(rebuilt, item.name, back!);
      }
      const written = definitionText(rebuilt);
      expect(parseDefinitionText(written)).toEqual(def);
      expect(compiled(written)).toEqual(compiled(text));
    });
  }
});

describe("lines of a list", () => {
  it("keep a bar and a backslash inside a cell", () => {
    const cells = ["1", "Ja | kanskje", "C:\\mappe", ""];
    expect(splitLine(joinLine(cells)).slice(0, 3)).toEqual(cells.slice(0, 3));
  });
});

describe("the operations", () => {
  const def = parseDefinitionText(readFileSync(path.join(SURVEYS, "log-entry/v1.yaml"), "utf8"))!;
  const names = (d: typeof def) => d.sections.flatMap((s) => s.items.map((i) => i.name));

  it("moves an item up and down, and not past the ends", () => {
    const first = names(def);
    expect(names(moveItem(def, first[1], -1)).slice(0, 2)).toEqual([first[1], first[0]]);
    expect(names(moveItem(def, first[0], -1))).toEqual(first);
    expect(names(moveItem(moveItem(def, first[0], 1), first[0], -1))).toEqual(first);
    // The original is left as it was.
    expect(names(def)).toEqual(first);
  });

  it("adds an item of every type that compiles, and removes one", () => {
    let d = def;
    for (const type of ["short_text", "long_text", "integer", "date", "month", "single_choice", "multiple_choice", "matrix", "counts"] as const) {
      d = addItem(d, 0, type, `ny_${type}`, { nb: `Ny ${type}`, en: `New ${type}` });
    }
    const result = compileDefinitionText(definitionText(d), "x.yaml");
    expect(result.problems).toEqual([]);
    expect(names(removeItem(d, "ny_date"))).not.toContain("ny_date");
  });
});

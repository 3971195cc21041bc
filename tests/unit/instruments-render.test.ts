// The generic renderer, rendered to static markup: matrix statements are fieldsets with
// legends, every input has a label, help and errors are linked, values are refilled, and
// conditional items carry the classes the no-JavaScript CSS needs.
import { readFileSync } from "node:fs";
import path from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { InstrumentFields, type InstrumentFieldsProps } from "../../app/instruments/InstrumentForm";
import { loadCodebook } from "../../app/instruments/codebook.server";
import { MAX_CONDITIONS, toFormInstrument, type CompiledInstrument } from "../../app/instruments/types";
import { parseInstrumentForm } from "../../app/instruments/validate.server";

const root = path.resolve(import.meta.dirname, "../..");
const codebook = loadCodebook(path.join(root, "surveys"));

// ---------------------------------------------------------------------------------------
// A tiny HTML reader for React's static markup (well-formed, attributes always quoted).

interface El {
  tag: string;
  attrs: Record<string, string>;
  children: El[];
  text: string;
  parent: El | null;
}

const VOID = new Set(["input", "br", "hr", "img", "meta", "link"]);

function decode(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

function parse(html: string): El {
  const doc: El = { tag: "#root", attrs: {}, children: [], text: "", parent: null };
  let current = doc;
  const token = /<(\/?)([a-zA-Z0-9]+)((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*(\/?)>|([^<]+)/g;
  let m: RegExpExecArray | null;
  while ((m = token.exec(html))) {
    if (m[5] !== undefined) {
      for (let el: El | null = current; el; el = el.parent) el.text += decode(m[5]);
      continue;
    }
    const [, closing, tag, rawAttrs] = m;
    if (closing) {
      expect(current.tag, `closing </${tag}>`).toBe(tag);
      current = current.parent!;
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of rawAttrs.matchAll(/([^\s=]+)(?:="([^"]*)")?/g)) attrs[a[1].toLowerCase()] = decode(a[2] ?? "");
    const el: El = { tag, attrs, children: [], text: "", parent: current };
    current.children.push(el);
    if (!VOID.has(tag) && !m[4]) current = el;
  }
  expect(current).toBe(doc);
  return doc;
}

function all(el: El, predicate: (e: El) => boolean, out: El[] = []): El[] {
  for (const child of el.children) {
    if (predicate(child)) out.push(child);
    all(child, predicate, out);
  }
  return out;
}

const byTag = (el: El, ...tags: string[]) => all(el, (e) => tags.includes(e.tag));
const classes = (el: El) => (el.attrs.class ?? "").split(/\s+/);

function render(props: Partial<InstrumentFieldsProps> & { instrument: InstrumentFieldsProps["instrument"] }) {
  const html = renderToStaticMarkup(createElement(InstrumentFields, { locale: "nb", ...props }));
  return { html, doc: parse(html) };
}

/** Every form control has exactly one <label for>, ids are unique, aria-describedby resolves. */
function expectAccessibleControls(doc: El) {
  const ids = all(doc, (e) => e.attrs.id !== undefined).map((e) => e.attrs.id);
  expect(new Set(ids).size, "ids are unique").toBe(ids.length);
  const labels = byTag(doc, "label");
  const controls = byTag(doc, "input", "select", "textarea");
  expect(controls.length).toBeGreaterThan(0);
  for (const control of controls) {
    const id = control.attrs.id;
    expect(id, `${control.tag} name=${control.attrs.name} has an id`).toBeTruthy();
    const forIt = labels.filter((l) => l.attrs.for === id);
    expect(forIt, `label for ${id}`).toHaveLength(1);
    expect(forIt[0].text.trim().length, `label text for ${id}`).toBeGreaterThan(0);
  }
  for (const el of all(doc, (e) => e.attrs["aria-describedby"] !== undefined)) {
    for (const ref of el.attrs["aria-describedby"].split(" ")) expect(ids, `aria-describedby ${ref}`).toContain(ref);
  }
  for (const el of all(doc, (e) => e.attrs["aria-labelledby"] !== undefined)) {
    expect(ids).toContain(el.attrs["aria-labelledby"]);
  }
  for (const fieldset of byTag(doc, "fieldset")) {
    expect(fieldset.children[0]?.tag, "a fieldset starts with its legend").toBe("legend");
    expect(fieldset.children[0].text.trim().length).toBeGreaterThan(0);
  }
  expect(byTag(doc, "form"), "no <form>: pages add it").toHaveLength(0);
  expect(all(doc, (e) => e.attrs.style !== undefined), "no inline styles (CSP)").toHaveLength(0);
}

// ---------------------------------------------------------------------------------------

describe("InstrumentFields", () => {
  it.each(["nb", "en"] as const)("renders every instrument accessibly (%s)", (locale) => {
    for (const instrument of codebook.list()) {
      const { doc } = render({ instrument: toFormInstrument(instrument), locale });
      expectAccessibleControls(doc);
      // Each section is a <section> headed by an <h2>.
      const sections = byTag(doc, "section");
      expect(sections).toHaveLength(instrument.sections.length);
      sections.forEach((section, i) => {
        const heading = section.children.find((c) => c.tag === "h2")!;
        expect(heading.text).toBe(instrument.sections[i].title[locale]);
        expect(section.attrs["aria-labelledby"]).toBe(heading.attrs.id);
      });
      // Every variable has a control named after its field.
      const names = new Set(byTag(doc, "input", "select", "textarea").map((c) => c.attrs.name));
      for (const v of instrument.variables) expect(names.has(v.field), v.field).toBe(true);
    }
  });

  it("employer survey: each matrix statement is a fieldset with a legend and a real radio group", () => {
    const survey = codebook.get("employer-survey")!;
    const { doc } = render({ instrument: survey });
    const rows = all(doc, (e) => e.tag === "fieldset" && classes(e).includes("inst-matrix-row"));
    expect(rows).toHaveLength(11 + 16 + 5);
    const statements = survey.variables.filter((v) => v.item.type === "matrix");
    rows.forEach((row, i) => {
      const legend = row.children[0];
      expect(legend.tag).toBe("legend");
      const item = survey.sections.flatMap((s) => s.items).find((it) => it.name === statements[i].item.name)!;
      expect(item.type === "matrix" && legend.text).toBe(item.type === "matrix" && item.statements.find((s) => s.variable === statements[i].name)!.label.nb);
      const radios = byTag(row, "input");
      expect(radios.map((r) => [r.attrs.type, r.attrs.name, r.attrs.value])).toEqual([
        ["radio", statements[i].field, "1"],
        ["radio", statements[i].field, "2"],
        ["radio", statements[i].field, "3"],
      ]);
      expect(radios.every((r) => r.attrs.required !== undefined)).toBe(true);
      expect(byTag(row, "label").map((l) => l.text)).toEqual(["Ja", "Nei", "Nei, men kunne vært viktig"]);
    });
    // The matrix question is a heading that labels the group; the stem is shown.
    const groups = all(doc, (e) => classes(e).includes("inst-matrix"));
    expect(groups).toHaveLength(3);
    expect(groups[1].attrs.role).toBe("group");
    expect(byTag(groups[1], "h3")[0].text).toBe(
      "På hvilken måte var jobbspesialisten viktig for at kandidaten fikk fortsette i bedriften?",
    );
    expect(groups[1].text).toContain("Jobbspesialisten har ...");
    // Counts: one labelled number input per option, with HTML constraints.
    const counts = all(doc, (e) => e.tag === "input" && e.attrs.name?.startsWith("ans_"));
    expect(counts).toHaveLength(5);
    for (const c of counts) {
      expect(c.attrs).toMatchObject({ type: "number", min: "0", max: "999", inputmode: "numeric" });
    }
  });

  it("HTML constraints come from the definition", () => {
    const { doc } = render({ instrument: codebook.get("participant-report")! });
    const byName = (name: string) => all(doc, (e) => e.attrs.name === name);
    expect(byName("alder_overtatt")[0].attrs).toMatchObject({ type: "number", min: "15", max: "80", required: "" });
    expect(byName("antall_barn")[0].attrs.required).toBeUndefined();
    expect(byName("henvisning")[0]).toMatchObject({ tag: "textarea", attrs: expect.objectContaining({ maxlength: "4000" }) });
    expect(byName("stilling")[0].attrs).toMatchObject({ type: "text", maxlength: "200" });
    const country = byName("hjemland")[0];
    expect(country.tag).toBe("select");
    expect(country.attrs.required).toBe("");
    const options = byTag(country, "option");
    expect(options[0].attrs.value).toBe("");
    expect(options.length).toBeGreaterThan(240);
    expect(options.find((o) => o.attrs.value === "578")?.text).toBe("Norge");
    // Sorted by the Norwegian names.
    const names = options.slice(1).map((o) => o.text);
    expect(names).toEqual([...names].sort(new Intl.Collator("nb-NO").compare));
    // Conditional items are never `required` in HTML: hidden, they would block the submit.
    for (const name of ["kontrakt", "stillingsprosent", "bransje", "etteroppfolging", "bransje_annet"]) {
      for (const control of byName(name)) expect(control.attrs.required, name).toBeUndefined();
    }
    const { doc: logDoc } = render({ instrument: codebook.get("log-entry")! });
    expect(all(logDoc, (e) => e.attrs.name === "dato")[0].attrs).toMatchObject({ type: "date", required: "" });
  });

  it("help texts are linked with aria-describedby; the instrument help is shown", () => {
    const { doc, html } = render({ instrument: codebook.get("log-entry")! });
    expect(html).toContain("regelmessig loggføring: gjerne korte, men daglige notater.");
    const intro = all(doc, (e) => classes(e).includes("inst-intro"))[0];
    expect(byTag(intro, "li")).toHaveLength(7);
    const step = all(doc, (e) => e.tag === "fieldset" && e.text.includes("Trinn i SE"))[0];
    const helpId = step.attrs["aria-describedby"];
    expect(all(doc, (e) => e.attrs.id === helpId)[0].text).toContain("Hvilket trinn i femtrinnsprosessen");
    expect(byTag(step, "label").map((l) => l.text)).toEqual([
      "Trinn 1: Innledende kontakt og samarbeidsavtale",
      "Trinn 2: Yrkeskartlegging og karriereplanlegging",
      "Trinn 3: Å finne jobb",
      "Trinn 4: Samarbeid med arbeidsgiver",
      "Trinn 5: Opplæring og trening på og utenom arbeidsplass",
    ]);
    // Optional fields say so.
    const optional = all(doc, (e) => e.tag === "label" && e.text.startsWith("Ev. hva fungerte?"))[0];
    expect(optional.text).toContain("(valgfritt)");
  });

  it("after a rejected submit: errors next to their fields, linked and flagged, values refilled", () => {
    const instrument = codebook.get("participant-report")!;
    const data = new FormData();
    data.set("hjemland", "760");
    data.set("kjonn", "2");
    data.set("alder_overtatt", "200");
    data.set("status", "6");
    data.set("henvisning", "Trengte <tett> oppfølging & språk");
    const lastResult = parseInstrumentForm(instrument, data, "en");
    expect(lastResult.status).toBe("error");
    const { doc } = render({ instrument: toFormInstrument(instrument), locale: "en", lastResult: JSON.parse(JSON.stringify(lastResult)) });
    expectAccessibleControls(doc);

    const age = all(doc, (e) => e.attrs.name === "alder_overtatt")[0];
    expect(age.attrs.value).toBe("200");
    expect(age.attrs["aria-invalid"]).toBe("true");
    const describedBy = age.attrs["aria-describedby"].split(" ");
    const error = all(doc, (e) => describedBy.includes(e.attrs.id) && classes(e).includes("inst-error"))[0];
    expect(error.text).toBe("The number cannot be greater than 80");
    // The error sits in the same field block as its input.
    expect(error.parent).toBe(age.parent);

    const country = all(doc, (e) => e.attrs.name === "hjemland")[0];
    expect(byTag(country, "option").find((o) => o.attrs.selected !== undefined)?.attrs.value).toBe("760");
    const gender = all(doc, (e) => e.attrs.name === "kjonn" && e.attrs.checked !== undefined);
    expect(gender.map((g) => g.attrs.value)).toEqual(["2"]);
    expect(all(doc, (e) => e.attrs.name === "henvisning")[0].text).toBe("Trengte <tett> oppfølging & språk");

    // Radio group errors: on the fieldset (aria-describedby) and every radio (aria-invalid).
    const contract = all(doc, (e) => e.tag === "fieldset" && byTag(e, "input").some((i) => i.attrs.name === "kontrakt"))[0];
    const contractError = all(contract, (e) => classes(e).includes("inst-error"))[0];
    expect(contractError.text).toBe("Choose one of the answers");
    expect(contract.attrs["aria-describedby"]).toContain(contractError.attrs.id);
    expect(byTag(contract, "input").every((i) => i.attrs["aria-invalid"] === "true")).toBe(true);
  });

  it("refills from stored answers when there is no submission", () => {
    const instrument = codebook.get("employer-survey")!;
    const { doc } = render({
      instrument,
      defaultAnswers: { q1_mangfold: 3, ans_direkte: 4, q2_andre_maater: "Veldig viktig" },
    });
    const checked = all(doc, (e) => e.attrs.name === "q1_mangfold" && e.attrs.checked !== undefined);
    expect(checked.map((c) => c.attrs.value)).toEqual(["3"]);
    expect(all(doc, (e) => e.attrs.name === "ans_direkte")[0].attrs.value).toBe("4");
    expect(all(doc, (e) => e.attrs.name === "q2_andre_maater")[0].text).toBe("Veldig viktig");
  });

  it("conditional items carry the classes the no-JavaScript CSS rules use", () => {
    const report = codebook.get("participant-report")!;
    const { doc } = render({ instrument: report });
    const outcome = byTag(doc, "section").find((s) => s.text.includes("Måloppnåelse"))!;
    expect(classes(outcome)).toEqual(expect.arrayContaining(["inst-conditional", "inst-when-1"]));
    // The statuses that count as "in work" reveal it; the others do not.
    const revealing = all(doc, (e) => e.attrs.name === "status" && classes(e).includes("inst-reveals-1"));
    expect(revealing.map((r) => r.attrs.value)).toEqual(["2", "6", "7", "8"]);
    const other = all(doc, (e) => classes(e).includes("inst-when-2"))[0];
    expect(other.attrs["data-item"]).toBe("bransje_annet");
    const annet = all(doc, (e) => e.tag === "option" && classes(e).includes("inst-reveals-2"));
    expect(annet.map((o) => o.attrs.value)).toEqual(["90"]);

    // instruments.css has a rule for every condition index an instrument may use.
    const css = readFileSync(path.join(root, "app/styles/instruments.css"), "utf8");
    for (let k = 1; k <= MAX_CONDITIONS; k++) {
      expect(css).toContain(`.inst-fields:not(:has(.inst-reveals-${k}:checked)) .inst-when-${k} { display: none; }`);
    }
  });

  it("idPrefix keeps two forms on one page apart", () => {
    const instrument = codebook.get("log-entry")! as CompiledInstrument;
    const a = render({ instrument, idPrefix: "a-" }).doc;
    const b = render({ instrument, idPrefix: "b-" }).doc;
    const idsA = all(a, (e) => e.attrs.id !== undefined).map((e) => e.attrs.id);
    const idsB = new Set(all(b, (e) => e.attrs.id !== undefined).map((e) => e.attrs.id));
    expect(idsA.every((id) => id.startsWith("a-") && !idsB.has(id))).toBe(true);
  });
});

describe("the browser bundle stays free of zod and server code", () => {
  it("the renderer's import graph has no zod and no .server module", () => {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = readFileSync(file, "utf8");
      for (const m of source.matchAll(/(?:import|export)[^;]*?from\s+"([^"]+)"/g)) {
        const spec = m[1];
        expect(spec, `${path.relative(root, file)} imports ${spec}`).not.toMatch(/^zod|\.server$|@conform-to\/zod/);
        if (spec.startsWith(".")) {
          const base = path.resolve(path.dirname(file), spec);
          const candidates = [`${base}.tsx`, `${base}.ts`, path.join(base, "index.ts")];
          const next = candidates.find((c) => {
            try {
              readFileSync(c);
              return true;
            } catch {
              return false;
            }
          });
          expect(next, `resolve ${spec} from ${file}`).toBeTruthy();
          visit(next!);
        }
      }
    };
    visit(path.join(root, "app/instruments/InstrumentForm.tsx"));
    visit(path.join(root, "app/instruments/types.ts"));
    expect(seen.size).toBeGreaterThan(10);
  });
});

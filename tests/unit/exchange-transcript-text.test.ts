// Transcript text: normalisation, speaker turns, code-point offsets, name replacement, passages.
import { describe, expect, it } from "vitest";
import {
  applyReplacements,
  codePointLength,
  findPassage,
  namesInText,
  normaliseText,
  parseTurns,
  sliceCodePoints,
  speakerAt,
  toCodePointOffset,
} from "../../app/exchanges/transcript-text";

describe("normaliseText", () => {
  it("makes NFC, LF-only text without BOM, control characters, trailing spaces or runs of blank lines", () => {
    const raw = "\uFEFFJS1: Hei\u00A0 \r\nForsker: Ble\u0301 det bra?\rJS2:\u0007 ja\n\n\n\nslutt  \n\n";
    expect(normaliseText(raw)).toBe("JS1: Hei\nForsker: Blé det bra?\nJS2: ja\n\nslutt");
    expect(normaliseText(raw).includes("\r")).toBe(false);
    expect(normaliseText("e\u0301")).toBe("\u00E9");
  });
});

describe("code points", () => {
  it("counts astral characters once and converts offsets both ways", () => {
    const text = "Aø😀b";
    expect(text.length).toBe(5);
    expect(codePointLength(text)).toBe(4);
    expect(toCodePointOffset(text, 4)).toBe(3);
    expect(sliceCodePoints(text, 2, 3)).toBe("😀");
    expect(sliceCodePoints(text, 3, 4)).toBe("b");
  });
});

describe("speaker labels", () => {
  it("recognises role labels, numbered labels, bracketed pseudonyms and time stamps", () => {
    expect(speakerAt("JS3: hei")?.speaker).toBe("JS3");
    expect(speakerAt("Forsker: hei")?.speaker).toBe("Forsker");
    expect(speakerAt("Leder 2: hei")?.speaker).toBe("Leder 2");
    expect(speakerAt("[jobbspesialist]: hei")?.speaker).toBe("[jobbspesialist]");
    expect(speakerAt("[00:12:31] JS3: hei")?.speaker).toBe("JS3");
    expect(speakerAt("JS3:")?.speaker).toBe("JS3");
  });
  it("does not take times, lower-case words or long sentences for labels", () => {
    expect(speakerAt("Kl. 10:30 startet vi")).toBeNull();
    expect(speakerAt("vi sa: dette går bra")).toBeNull();
    expect(speakerAt("Da vi kom fram til arbeidsgiveren sa hun: nei")).toBeNull();
  });
});

describe("parseTurns", () => {
  it("splits at labels, keeps multi-paragraph turns and reports code-point offsets of what was said", () => {
    const text = normaliseText("Forsker: Hva skjedde? 😀\nJS1: Vi møtte arbeidsgiveren.\n\nDet gikk bra.\nJS2: Enig.");
    const turns = parseTurns(text);
    expect(turns.map((t) => t.speaker)).toEqual(["Forsker", "JS1", "JS2"]);
    expect(turns.map((t) => sliceCodePoints(text, t.start, t.end))).toEqual(["Hva skjedde? 😀", "Vi møtte arbeidsgiveren.\n\nDet gikk bra.", "Enig."]);
    // After the emoji the code-point offsets are one less than the UTF-16 indexes.
    expect(turns[1].start).toBe(text.indexOf("Vi møtte") - 1);
  });
  it("makes one unlabelled turn per paragraph of notes, and of text before the first label", () => {
    const text = normaliseText("Notater fra dagen.\nTo linjer.\n\nAndre avsnitt.\n\nJS1: Så snakket vi.");
    const turns = parseTurns(text);
    expect(turns.map((t) => [t.speaker, sliceCodePoints(text, t.start, t.end)])).toEqual([
      [null, "Notater fra dagen.\nTo linjer."],
      [null, "Andre avsnitt."],
      ["JS1", "Så snakket vi."],
    ]);
  });
  it("drops a label with nothing said", () => {
    expect(parseTurns("JS1:\nJS2: hei").map((t) => t.speaker)).toEqual(["JS2"]);
  });
});

describe("applyReplacements", () => {
  const people = [
    { from: "Aina Demosen", to: "[jobbspesialist]" },
    { from: "Aina", to: "[jobbspesialist]" },
    { from: "Dag", to: "[forsker]" },
  ];
  it("replaces whole words, longest first, also before a genitive s", () => {
    expect(applyReplacements("Aina Demosen og Aina. Ainas plan.", people)).toBe("[jobbspesialist] og [jobbspesialist]. [jobbspesialist]s plan.");
  });
  it("is case-sensitive and leaves parts of words alone (the name Dag is also the word dag)", () => {
    expect(applyReplacements("I dag sa Dag: Dagene går. Ainafjord.", people)).toBe("I dag sa [forsker]: Dagene går. Ainafjord.");
  });
  it("always starts from the original, so the result depends only on the list", () => {
    const original = "Aina ringte.";
    const once = applyReplacements(original, people);
    expect(applyReplacements(original, [...people, { from: "ringte", to: "skrev" }])).toBe("[jobbspesialist] skrev.");
    expect(applyReplacements(original, [])).toBe(original);
    expect(once).toBe("[jobbspesialist] ringte.");
  });
  it("finds which names are in a text", () => {
    expect(namesInText("Dag og Aina", ["Aina", "Bjarne", "Dag"])).toEqual(["Aina", "Dag"]);
    expect(namesInText("i dag", ["Dag"])).toEqual([]);
  });
});

describe("findPassage", () => {
  const text = normaliseText("JS1: Tillit først. Så språk.\nJS2: Tillit først, ja.");
  it("gives the code-point span of a passage that occurs once", () => {
    const span = findPassage(text, "Så språk.");
    expect(span).not.toBeNull();
    expect(span !== "ambiguous" && span && sliceCodePoints(text, span.start, span.end)).toBe("Så språk.");
  });
  it("refuses a passage that is missing or occurs twice", () => {
    expect(findPassage(text, "finnes ikke")).toBeNull();
    expect(findPassage(text, "Tillit først")).toBe("ambiguous");
  });
});

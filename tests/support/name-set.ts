// The labelled name sentences (tests/fixtures/names/sentences.txt) and how a detector is measured
// on them: recall of the marked names, and the share of ordinary capitalised words redacted.
import { readFileSync } from "node:fs";

export interface LabelledSentence {
  readonly text: string;
  /** The marked names, as offsets in `text`. */
  readonly names: readonly { start: number; end: number; text: string }[];
}

export function readNameSet(): LabelledSentence[] {
  const raw = readFileSync(new URL("../fixtures/names/sentences.txt", import.meta.url), "utf8");
  return raw
    .split("\n")
    .filter((line) => line.trim() && !line.startsWith("#"))
    .map((line) => {
      const names: { start: number; end: number; text: string }[] = [];
      let text = "";
      let rest = line;
      for (;;) {
        const open = rest.indexOf("[[");
        if (open < 0) break;
        const close = rest.indexOf("]]", open);
        if (close < 0) throw new Error(`Unclosed [[ in: ${line}`);
        text += rest.slice(0, open);
        const name = rest.slice(open + 2, close);
        names.push({ start: text.length, end: text.length + name.length, text: name });
        text += name;
        rest = rest.slice(close + 2);
      }
      return { text: (text + rest).normalize("NFC"), names };
    });
}

const WORD = /\p{L}[\p{L}\p{M}]*(?:['’-]\p{L}[\p{L}\p{M}]*)*/gu;

export interface NameScore {
  names: number;
  caught: number;
  missed: string[];
  ordinaryCapitalised: number;
  wronglyRedacted: string[];
  /** Lower-case ordinary words redacted (reported, not a target). */
  lowerRedacted: string[];
}

/** Scores spans a detector redacted: a name counts as caught when all its letters are redacted. */
export function scoreNames(sentences: readonly LabelledSentence[], redact: (text: string) => readonly { start: number; end: number }[]): NameScore {
  const score: NameScore = { names: 0, caught: 0, missed: [], ordinaryCapitalised: 0, wronglyRedacted: [], lowerRedacted: [] };
  for (const s of sentences) {
    const spans = redact(s.text);
    const covered = (i: number) => spans.some((r) => r.start <= i && i < r.end);
    for (const n of s.names) {
      score.names++;
      let all = true;
      for (let i = n.start; i < n.end; i++) if (/\p{L}/u.test(s.text[i]) && !covered(i)) all = false;
      if (all) score.caught++;
      else score.missed.push(n.text);
    }
    for (const m of s.text.matchAll(WORD)) {
      const start = m.index;
      const end = start + m[0].length;
      if (s.names.some((n) => n.start < end && start < n.end)) continue;
      let hit = false;
      for (let i = start; i < end; i++) if (covered(i)) hit = true;
      if (/^\p{Lu}/u.test(m[0])) {
        score.ordinaryCapitalised++;
        if (hit) score.wronglyRedacted.push(`${m[0]} («${s.text.slice(0, 50)}»)`);
      } else if (hit) score.lowerRedacted.push(`${m[0]} («${s.text.slice(0, 50)}»)`);
    }
  }
  return score;
}

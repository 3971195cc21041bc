// React 18.3.1's streaming renderer (react-dom/server, renderToPipeableStream, which every page
// uses) fills 2048-byte buffers; when a character of two or three UTF-8 bytes did not fit at the
// end of one, it sent the whole buffer anyway, so the page carried NUL bytes where «å», «ø» or «–»
// met the boundary (facebook/react#31134). patches/react-dom+18.3.1.patch sends only the bytes
// written. This test fails without the patch.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { PassThrough } from "node:stream";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";

type Server = typeof import("react-dom/server");
const require = createRequire(import.meta.url);
const cjs = (file: string) => require(join(dirname(require.resolve("react-dom/package.json")), "cjs", file)) as Server;
// Both builds: the server runs the production one, tests and development the other.
const builds: Record<string, Server> = {
  production: cjs("react-dom-server.node.production.min.js"),
  development: cjs("react-dom-server.node.development.js"),
};

function stream({ renderToPipeableStream }: Server, element: React.ReactElement): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const out = new PassThrough();
    out.on("data", (c: Buffer) => chunks.push(c));
    out.on("end", () => resolve(Buffer.concat(chunks)));
    const { pipe } = renderToPipeableStream(element, { onAllReady: () => pipe(out), onError: reject });
  });
}

describe("the streaming renderer", () => {
  it.each(Object.keys(builds))("%s build: never sends NUL bytes when a multi-byte character meets its buffer boundary", async (build) => {
    // Paragraphs of every length from 1 to 60 ASCII characters, each followed by a Norwegian
    // word, move the multi-byte characters across every position of the 2048-byte buffers.
    const paragraphs = Array.from({ length: 400 }, (_, i) => createElement("p", { key: i }, `${"x".repeat(1 + (i % 60))}`, i % 2 ? "nivå – ørret" : "“…”"));
    const element = createElement("main", null, paragraphs);
    const bytes = await stream(builds[build], element);
    expect(bytes.indexOf(0)).toBe(-1);
    expect(bytes.toString("utf8")).toBe(renderToString(element));
  });
});

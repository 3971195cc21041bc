// The package writer: a zip that unzip tools and fflate read back, stored and deflated entries,
// files streamed in and patched in place, SHA-256 of each file (on a worker thread for large
// ones) and CRC-32 from zlib.
import crypto from "node:crypto";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { unzipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { PackageWriter, fileStem, hashFileOnWorker } from "../../app/exports/package.server";

const dir = mkdtempSync(path.join(os.tmpdir(), "export-package-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sha = (b: Uint8Array) => crypto.createHash("sha256").update(b).digest("hex");

describe("the package writer", () => {
  it("writes a zip with stored and deflated entries and the SHA-256 of each file", async () => {
    // 9 MB of varied bytes: over the size hashed on a worker thread.
    const big = crypto.randomBytes(9 * 1024 * 1024);
    const bigFile = path.join(dir, "data.sav");
    writeFileSync(bigFile, big);
    const small = "Kodebok: æøå ÆØÅ\n".repeat(1000);
    const zipFile = path.join(dir, "package.zip");
    const writer = await PackageWriter.create(zipFile, new Date(Date.UTC(2026, 0, 2, 3, 4, 5)));
    const packedBig = await writer.addFile("data.sav", bigFile);
    const packedText = await writer.addText("kodebok.md", small);
    const { bytes } = await writer.close();

    expect(packedBig).toEqual({ path: "data.sav", bytes: big.length, sha256: sha(big) });
    expect(packedText.sha256).toBe(sha(Buffer.from(small)));
    const zip = readFileSync(zipFile);
    expect(zip.length).toBe(bytes);
    const entries = unzipSync(zip);
    expect(sha(entries["data.sav"])).toBe(sha(big));
    expect(new TextDecoder().decode(entries["kodebok.md"])).toBe(small);
    // The .sav is stored (already compressed), the text deflated.
    expect(zip.length).toBeGreaterThan(big.length);
    expect(zip.length).toBeLessThan(big.length + small.length / 2);
    // unzip (Info-ZIP) checks every CRC-32.
    const test = spawnSync("unzip", ["-t", zipFile], { encoding: "utf8" });
    expect(test.status, test.stdout + test.stderr).toBe(0);
    expect(test.stdout).toContain("No errors detected");
  });

  it("streams a file into the zip, rewrites bytes of it, and hashes it as it finally is", async () => {
    const zipFile = path.join(dir, "streamed.zip");
    const writer = await PackageWriter.create(zipFile);
    await writer.addText("first.txt", "før\n");
    const entry = writer.openStream("data.sav");
    const parts = [crypto.randomBytes(5 * 1024 * 1024), Buffer.from("RESERVED-PLACE"), crypto.randomBytes(20 * 1024 * 1024)];
    for (const part of parts) await entry.write(part);
    await expect(writer.addText("too-early.txt", "x")).rejects.toThrow(/still open/);
    const final = Buffer.concat(parts);
    const at = final.indexOf("RESERVED-PLACE");
    await entry.patch(at, Buffer.from("written-after!"));
    final.write("written-after!", at);
    await expect(entry.patch(final.length - 2, Buffer.from("xyz"))).rejects.toThrow(/out of range/);
    const packed = await entry.close();
    expect(packed).toEqual({ path: "data.sav", bytes: final.length, sha256: sha(final) });
    await writer.addText("after.txt", "etter\n");
    await writer.close();

    const entries = unzipSync(readFileSync(zipFile));
    expect(Object.keys(entries)).toEqual(["first.txt", "data.sav", "after.txt"]);
    expect(sha(entries["data.sav"])).toBe(sha(final));
    const test = spawnSync("unzip", ["-t", zipFile], { encoding: "utf8" });
    expect(test.status, test.stdout + test.stderr).toBe(0);
    expect(test.stdout).toContain("No errors detected");
  });

  it("hashes a file on a worker thread like the main thread does", async () => {
    const file = path.join(dir, "x.bin");
    const bytes = crypto.randomBytes(1_000_003);
    writeFileSync(file, bytes);
    expect(await hashFileOnWorker(file)).toBe(sha(bytes));
    await expect(hashFileOnWorker(path.join(dir, "missing"))).rejects.toThrow();
  });

  it("deletes a half-written package when aborted", async () => {
    const zipFile = path.join(dir, "aborted.zip");
    const writer = await PackageWriter.create(zipFile);
    await writer.addText("a.txt", "a");
    await writer.abort();
    expect(() => readFileSync(zipFile)).toThrow();
  });

  it("makes file names of ASCII letters, digits and dashes", () => {
    expect(fileStem("afi-2017", "Spørreundersøkelse blant arbeidsgivere", "JS-4K7Q2M9X")).toBe("afi-2017-sporreundersokelse-blant-arbeidsgivere-js-4k7q2m9x");
    expect(fileStem("Ærlig på Åsane")).toBe("aerlig-pa-asane");
  });
});

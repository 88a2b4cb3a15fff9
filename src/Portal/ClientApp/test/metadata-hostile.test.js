// Hostile, truncated and garbage files for the metadata readers and cleaners: each must end (a result or the
// "unchecked" answer), never throw anything but a handled error, never grow its input by more than the orientation
// segment, and never inflate past its bound. The test runner's timeout only catches a hang; nothing here times work.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { deflateSync, unzipSync, zipSync } from "fflate";
import { inspectBytes } from "../src/metadata.js";

const sample = (name) => new Uint8Array(readFileSync(new URL(`./fixtures/metadata/${name}`, import.meta.url)));
const NAMES = ["photo.jpg", "image.png", "document.pdf", "document.docx"];

/** A deterministic pseudo-random byte source (xorshift32), so a failure can be replayed. */
function bytes(seed, length) {
  let x = seed >>> 0 || 1;
  return Uint8Array.from({ length }, () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x & 0xff;
  });
}

async function endsWell(input, label) {
  const r = await inspectBytes(input);
  assert.ok(["found", "none", "cannot-clean", "unchecked"].includes(r.status), label);
  if (r.cleaned) assert.ok(r.cleaned.length <= input.length + 26, `${label}: the cleaned copy is not larger`);
  return r;
}

test("inspectBytes: every truncation of every sample ends with an answer", { timeout: 120_000 }, async () => {
  for (const name of NAMES) {
    const whole = sample(name);
    for (let n = 0; n < whole.length; n += 7) await endsWell(whole.subarray(0, n), `${name} cut at ${n}`);
  }
});

test("inspectBytes: samples with bytes flipped at random end with an answer", { timeout: 120_000 }, async () => {
  for (const name of NAMES) {
    const whole = sample(name);
    for (let seed = 1; seed <= 150; seed++) {
      const damaged = whole.slice();
      const noise = bytes(seed, 8);
      for (let k = 0; k < 4; k++) damaged[(noise[k] * 7919 + seed * 104729) % damaged.length] = noise[k + 4];
      await endsWell(damaged, `${name} damaged with seed ${seed}`);
    }
  }
});

test("inspectBytes: garbage behind each file kind's magic bytes ends with an answer", { timeout: 120_000 }, async () => {
  const magics = [[0xff, 0xd8, 0xff], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [..."%PDF-1.7\n"].map((c) => c.charCodeAt(0)), [0x50, 0x4b, 3, 4], [0, 0, 0, 0x18, ..."ftypheic"].map((c) => (typeof c === "string" ? c.charCodeAt(0) : c)), [0x49, 0x49, 0x2a, 0]];
  for (const magic of magics) {
    for (let seed = 1; seed <= 40; seed++) await endsWell(Uint8Array.from([...magic, ...bytes(seed, 64 + seed * 50)]), `magic ${magic[0]} seed ${seed}`);
  }
});

test("inspectBytes: an Office docProps part that inflates past 1 MiB (a zip bomb) is not inflated, and not checked", async () => {
  const docx = sample("document.docx");
  const files = unzipSync(docx);
  files["docProps/core.xml"] = new Uint8Array(64 << 20); // 64 MiB of zeros, about 64 KiB compressed
  const bomb = zipSync(files, { level: 9 });
  assert.ok(bomb.length < 1 << 20);
  const r = await endsWell(bomb, "bomb");
  assert.equal(r.status, "unchecked");
  assert.equal(r.reason, "malformed");
});

test("inspectBytes: a PNG text chunk that inflates past its bound is not inflated, and not checked", async () => {
  const png = sample("image.png");
  const text = [..."Comment\0\0"].map((c) => c.charCodeAt(0));
  const data = Uint8Array.from([...text, ...zlib(new Uint8Array(8 << 20))]);
  const chunk = new Uint8Array(12 + data.length);
  new DataView(chunk.buffer).setUint32(0, data.length);
  chunk.set([..."zTXt"].map((c) => c.charCodeAt(0)), 4);
  chunk.set(data, 8);
  const r = await endsWell(Uint8Array.from([...png.subarray(0, 33), ...chunk, ...png.subarray(33)]), "zTXt bomb");
  assert.equal(r.status, "unchecked");
});

test("inspectBytes: a PDF of deeply nested dictionaries or a lying stream length ends without a stack overflow", async () => {
  const deep = new TextEncoder().encode(`%PDF-1.4\n1 0 obj\n${"<< /A ".repeat(100_000)}\ntrailer << /Info 1 0 R >>`);
  assert.equal((await endsWell(deep, "deep")).status, "unchecked");
  const lying = new TextEncoder().encode("%PDF-1.4\n1 0 obj\n<< /Type /Metadata /Length 99999999 >>\nstream\nx\nendstream\nendobj\n");
  assert.equal((await endsWell(lying, "lying")).status, "unchecked");
});

test("inspectBytes: an encrypted PDF is reported as not checked, not cleaned", async () => {
  const pdf = new TextEncoder().encode("%PDF-1.4\ntrailer << /Root 1 0 R /Encrypt 5 0 R /Info 2 0 R >>\n");
  const r = await endsWell(pdf, "encrypted");
  assert.deepEqual([r.status, r.reason, r.cleaned], ["unchecked", "encrypted", null]);
});

function zlib(data) {
  // fflate's zlibSync would do; deflate plus a zlib header and any checksum is enough for a bomb.
  return Uint8Array.from([0x78, 0x9c, ...deflateSync(data), 0, 0, 0, 0]);
}

import { test } from "node:test";
import assert from "node:assert/strict";
import { attachmentEntryNames, containerLength, containerStream, ustarHeader } from "../src/container.js";
import { buildMessage, buildReport, documentBytes } from "../src/report.js";
import { fixture, fromBase64 } from "./csharp-fixture.js";

async function collect(stream) {
  const parts = [];
  for await (const p of stream) parts.push(p);
  return new Uint8Array(Buffer.concat(parts));
}

/** The document bytes C# wrote (the first entry's data), so the comparison covers the tar layer exactly. */
function documentOf(container) {
  const size = parseInt(new TextDecoder().decode(container.subarray(124, 135)), 8);
  const name = new TextDecoder().decode(container.subarray(0, 100)).replace(/\0+$/, "");
  return { name, bytes: container.slice(512, 512 + size) };
}

for (const c of fixture.containers) {
  test(`containerStream: byte-identical to C#'s SubmissionWriter — ${c.label}`, async () => {
    const expected = fromBase64(c.container);
    const doc = documentOf(expected);
    const files = c.names.map((name, i) => ({ name, blob: new Blob([fromBase64(c.contents[i])]) }));
    const { stream, length } = containerStream(doc.name, doc.bytes, files);
    assert.equal(length, c.length);
    assert.deepEqual(attachmentEntryNames(files), c.entryNames);
    const actual = await collect(stream);
    assert.equal(actual.length, expected.length);
    assert.ok(Buffer.from(actual).equals(Buffer.from(expected)), "container bytes differ from C#'s");
  });
}

// v3 documents: the browser's report.json / message.json hold what C# writes for the same answers, key for key in the
// same order (C# escapes non-ASCII as \uXXXX where JSON.stringify does not: re-serialising C#'s bytes evens that out).
for (const c of fixture.containers.filter((x) => x.label.startsWith("v3 "))) {
  test(`buildReport/buildMessage: v3 document byte-identical to C#'s — ${c.label}`, () => {
    const files = c.names.map((name, i) => ({ name, size: fromBase64(c.contents[i]).length, copy: c.copies[i] }));
    const facts = { files, ...c.facts, language: "en" };
    const channels = c.label.startsWith("v3 report") ? ["osc", "crcl", "congress"].map((id) => ["internalReporting.channels", id]) : [];
    const doc = c.label.startsWith("v3 message")
      ? buildMessage("follow-up text", facts)
      : buildReport([["categories", "arrest-quotas"], ...channels, ["description", "A description"]], facts);
    const expected = documentOf(fromBase64(c.container)).bytes;
    assert.equal(new TextDecoder().decode(documentBytes(doc)), JSON.stringify(JSON.parse(new TextDecoder().decode(expected))));
  });
}

test("containerLength: counts headers, block padding, end of archive and PADMÉ", () => {
  assert.deepEqual(containerLength(10, []), { archiveLength: 2048, length: 2048 });
  assert.deepEqual(containerLength(10, [0, 1]), { archiveLength: 3584, length: 3584 });
  assert.deepEqual(containerLength(10, [5000]), { archiveLength: 7680, length: 7680 });
  assert.deepEqual(containerLength(10, [70_000]), { archiveLength: 72704, length: 73728 });
});

test("ustarHeader: refuses names over 100 bytes and sizes past 11 octal digits", () => {
  assert.throws(() => ustarHeader("x".repeat(101), 1), RangeError);
  assert.throws(() => ustarHeader("", 1), RangeError);
  assert.throws(() => ustarHeader("a", 8 ** 11), RangeError);
});

test("containerStream: a file that is shorter than its declared size fails the stream", async () => {
  const lying = { size: 10, stream: () => new Blob([new Uint8Array(5)]).stream() };
  const { stream } = containerStream("report.json", new Uint8Array(2), [{ name: "a", blob: lying }]);
  await assert.rejects(collect(stream), /changed/);
});

test("containerStream: unknown document names are refused", () => {
  assert.throws(() => containerStream("evil.json", new Uint8Array(1), []), RangeError);
});

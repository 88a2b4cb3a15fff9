import { test } from "node:test";
import assert from "node:assert/strict";
import { entryName, sanitizeFileName, utf8Length, MAX_NAME_BYTES } from "../src/safe-name.js";
import { fixture } from "./csharp-fixture.js";

test("sanitizeFileName: equals C#'s SafeFileName.Sanitize on every fixture name", () => {
  for (const { input, output } of fixture.safeNames) {
    assert.equal(sanitizeFileName(input), output, JSON.stringify(input));
  }
});

test("sanitizeFileName: a lone surrogate becomes U+FFFD, as .NET's EnumerateRunes does", () => {
  assert.equal(sanitizeFileName("\uD800lone.txt"), "\uFFFDlone.txt");
  assert.equal(sanitizeFileName("a\uDC00"), "a\uFFFD");
});

test("sanitizeFileName: results are never empty and fit the ustar name field", () => {
  for (const s of ["", "...", "🙂".repeat(100), "é".repeat(300) + ".x", "a/b\\c", " . "]) {
    const safe = sanitizeFileName(s);
    assert.ok(safe.length > 0 && utf8Length(safe) <= MAX_NAME_BYTES, JSON.stringify(s));
  }
});

test("entryName: numbers attachments 001–999", () => {
  assert.equal(entryName(1, "a.pdf"), "files/001-a.pdf");
  assert.equal(entryName(999, "z"), "files/999-z");
  assert.throws(() => entryName(0, "a"), RangeError);
  assert.throws(() => entryName(1000, "a"), RangeError);
});

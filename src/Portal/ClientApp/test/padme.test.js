import { test } from "node:test";
import assert from "node:assert/strict";
import { paddedLength } from "../src/padme.js";
import { fixture } from "./csharp-fixture.js";

test("paddedLength: equals C#'s Padme.PaddedLength on every fixture length", () => {
  for (const { length, padded } of fixture.padme) {
    if (Number(length) > Number.MAX_SAFE_INTEGER) continue;
    const expected = BigInt(padded);
    if (expected > BigInt(Number.MAX_SAFE_INTEGER)) {
      assert.throws(() => paddedLength(Number(length)), RangeError);
    } else {
      assert.equal(paddedLength(Number(length)), Number(expected), `length ${length}`);
    }
  }
});

test("paddedLength: never shrinks and stays within 12 % overhead", () => {
  for (let n = 0; n < 100_000; n += 97) {
    const p = paddedLength(n);
    assert.ok(p >= n && p <= n * 1.12 + 1, `length ${n} → ${p}`);
  }
});

test("paddedLength: negative, fractional or unsafe input throws", () => {
  assert.throws(() => paddedLength(-1), RangeError);
  assert.throws(() => paddedLength(1.5), RangeError);
  assert.throws(() => paddedLength(2 ** 53), RangeError);
});

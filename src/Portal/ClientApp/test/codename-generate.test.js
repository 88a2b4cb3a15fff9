import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { generateCodename, parseWordlist, uniformIndex, CODENAME_WORDS } from "../src/codename-generate.js";
import { normalizeCodename } from "../src/codename.js";

const words = parseWordlist(readFileSync(new URL("../../../Crypto/Codenames/eff_large_wordlist.txt", import.meta.url), "utf8"));

test("parseWordlist: the shipped list has 7,776 distinct words; a damaged list is refused", () => {
  assert.equal(words.length, 7776);
  assert.throws(() => parseWordlist(words.slice(1).join("\n")), /damaged/);
  assert.throws(() => parseWordlist([...words.slice(1), words[0].toUpperCase()].join("\n")), /damaged/);
});

test("generateCodename: 8 wordlist words, already normalised, different each time", () => {
  const a = generateCodename(words);
  const b = generateCodename(words);
  assert.equal(a.split(" ").length, CODENAME_WORDS);
  assert.ok(a.split(" ").every((w) => words.includes(w)));
  assert.equal(normalizeCodename(a), a);
  assert.notEqual(a, b);
});

test("uniformIndex: rejects the biased top of the 32-bit range", () => {
  const limit = Math.floor(2 ** 32 / 7776) * 7776;
  const values = [limit, 2 ** 32 - 1, limit - 1];
  const random = (a) => {
    a[0] = values.shift();
    return a;
  };
  assert.equal(uniformIndex(7776, random), (limit - 1) % 7776);
  assert.equal(values.length, 0);
});

test("uniformIndex: every index is reachable and roughly uniform", () => {
  const counts = new Array(6).fill(0);
  for (let i = 0; i < 60_000; i++) counts[uniformIndex(6, (a) => crypto.getRandomValues(a))]++;
  for (const c of counts) assert.ok(c > 9_000 && c < 11_000, String(counts));
});

test("codenameProblem: says how many words were typed, or which one is not in the list, and nothing else", async () => {
  const { codenameProblem } = await import("../src/codename-generate.js");
  const valid = "abacus abdomen abdominal abide abiding ability ablaze able";
  assert.equal(codenameProblem(valid, words), null);
  assert.equal(codenameProblem(`  ${valid.toUpperCase().replaceAll(" ", "\t ")} `, words), null);
  assert.deepEqual(codenameProblem("abacus abdomen abdominal abide abiding ability ablaze", words), { problem: "count", count: 7 });
  assert.deepEqual(codenameProblem("", words), { problem: "count", count: 0 });
  assert.deepEqual(codenameProblem("abacus abdomen ZZQXV abide abiding ability ablaze able", words), { problem: "word", word: "zzqxv" });
  // The Kelvin sign lower-cases to "k" in JavaScript; C# refuses non-ASCII words, so must this.
  assert.deepEqual(codenameProblem("abacus abdomen abdominal abide abiding ability ablaze \u212Anee", words), { problem: "word", word: "\u212Anee".toLowerCase() });
  assert.equal(codenameProblem(`abacus abdomen ${"x".repeat(40)} abide abiding ability ablaze able`, words).word, `${"x".repeat(20)}…`);
});

test("codename errors: both languages name the count or the word, never anything else typed", async () => {
  const { messages } = await import("../src/messages.js");
  const { errorText } = await import("../src/ui.js");
  for (const lang of ["en", "es"]) {
    const t = messages(lang);
    assert.match(errorText(t, { code: "codename", problem: "count", count: 7 }), /\b7\b/);
    assert.match(errorText(t, { code: "codename", problem: "word", word: "zzqxv" }), /zzqxv/);
    assert.notEqual(errorText(t, { code: "codename", problem: "word", word: "zzqxv" }), t.errors.internal);
  }
});

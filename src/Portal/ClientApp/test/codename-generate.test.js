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

// The proof-of-work solver: the midstate searcher (plain JavaScript, one compression per try) and the crypto.subtle
// searcher find the same, smallest nonce, and node's own SHA-256 agrees, including nonces past 2^32.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash, randomBytes } from "node:crypto";
import { midstateFirst, solve } from "../src/pow.js";

const zeros = (hash) => {
  let bits = 0;
  for (const b of hash) {
    if (b !== 0) return bits + Math.clz32(b) - 24;
    bits += 8;
  }
  return bits;
};
const hashOf = (token, nonce) => {
  const be = Buffer.alloc(8);
  be.writeBigUInt64BE(BigInt(nonce));
  return createHash("sha256").update(Buffer.concat([token, be])).digest();
};

test("pow: both searchers and the automatic choice find the smallest satisfying nonce", async () => {
  for (let k = 0; k < 20; k++) {
    const token = randomBytes(66);
    const t = token.toString("base64url");
    const found = await Promise.all(["midstate", "subtle", "auto"].map((m) => solve(t, 9, () => {}, m)));
    assert.equal(new Set(found).size, 1, `${found}`);
    const nonce = Number(found[0]);
    assert.ok(zeros(hashOf(token, nonce)) >= 9);
    for (let n = 0; n < nonce; n++) assert.ok(zeros(hashOf(token, n)) < 9, `${n} satisfies too`);
  }
});

test("pow: the midstate searcher agrees with node's SHA-256 past 2^32 and 2^40", () => {
  const token = randomBytes(66);
  for (const from of [2 ** 32 - 300, 2 ** 40 + 7, 2 ** 52]) {
    const nonce = midstateFirst(token, 6, from, from + 10_000);
    assert.ok(nonce >= from);
    assert.ok(zeros(hashOf(token, nonce)) >= 6);
    for (let n = from; n < nonce; n++) assert.ok(zeros(hashOf(token, n)) < 6);
  }
});

test("pow: refuses a token that is not 66 bytes and an out-of-range difficulty", async () => {
  await assert.rejects(solve(randomBytes(65).toString("base64url"), 8), /malformed/);
  await assert.rejects(solve(randomBytes(66).toString("base64url"), 41), /difficulty/);
});

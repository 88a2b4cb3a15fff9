// The vectors shared with the C# tests (tests/Crypto.Tests/TestVectors/codenames.json, written by the C# side):
// both implementations must derive exactly these values. Fields: codename, seed, mailboxToken, mailboxId
// (hex), replyRecipient (age1pq1…).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { bytesToHex } from "@noble/hashes/utils.js";
import { deriveSeed, deriveSourceKeysFromSeed } from "../src/codename.js";

const VECTORS = fileURLToPath(new URL("../../../../tests/Crypto.Tests/TestVectors/codenames.json", import.meta.url));

test("codenames.json: every shared vector derives identically in JavaScript", async () => {
  const vectors = JSON.parse(readFileSync(VECTORS, "utf8"));
  assert.ok(Array.isArray(vectors) && vectors.length > 0, "codenames.json holds no vectors");
  for (const v of vectors) {
    const seed = deriveSeed(v.codename);
    const keys = await deriveSourceKeysFromSeed(seed);
    assert.equal(bytesToHex(seed), v.seed, `seed of ${v.codename}`);
    assert.equal(bytesToHex(keys.mailboxToken), v.mailboxToken, `mailboxToken of ${v.codename}`);
    assert.equal(keys.mailboxId, v.mailboxId, `mailboxId of ${v.codename}`);
    assert.equal(keys.replyRecipient, v.replyRecipient, `replyRecipient of ${v.codename}`);
  }
});

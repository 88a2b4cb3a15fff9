// The vectors shared with the C# tests (tests/Crypto.Tests/TestVectors/codenames.json, cross-checked there with
// Python): both implementations must derive exactly these values. The file is {description, vectors: [{input,
// codename, seed, mailboxToken, mailboxId, replySeed, replyRecipient,
// caseKey, caseProof}]}, byte strings in lower-case hex.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { hkdf } from "@noble/hashes/hkdf.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import { deriveSeed, deriveSourceKeysFromSeed, normalizeCodename } from "../src/codename.js";

const VECTORS = fileURLToPath(new URL("../../../../tests/Crypto.Tests/TestVectors/codenames.json", import.meta.url));
const vectors = existsSync(VECTORS) ? JSON.parse(readFileSync(VECTORS, "utf8")).vectors : undefined;

test("codenames.json: is present and holds vectors", () => {
  assert.ok(vectors !== undefined, `missing ${VECTORS} (it comes with the C# codename tests)`);
  assert.ok(Array.isArray(vectors) && vectors.length > 0, "codenames.json holds no vectors");
});

for (const v of vectors ?? []) {
  test(`codenames.json: "${v.input.trim().slice(0, 24)}…" derives identically in JavaScript`, async () => {
    const seed = deriveSeed(v.input);
    const keys = await deriveSourceKeysFromSeed(seed);
    const replySeed = hkdf(sha256, seed, new Uint8Array(0), utf8ToBytes("whistlesubmit/v1/reply"), 32);

    assert.equal(normalizeCodename(v.input), v.codename);
    assert.equal(bytesToHex(seed), v.seed);
    assert.equal(bytesToHex(keys.mailboxToken), v.mailboxToken);
    assert.equal(keys.mailboxId, v.mailboxId);
    assert.equal(bytesToHex(replySeed), v.replySeed);
    assert.equal(keys.replyRecipient, v.replyRecipient);
    assert.equal(keys.caseKey, v.caseKey);
    assert.equal(bytesToHex(sha256(Buffer.from(keys.caseKey, "hex"))), v.caseProof);
  });
}

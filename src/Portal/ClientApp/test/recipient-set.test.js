// The worker's recipient-set check (protocol v2 section 3): only a set signed by the team key in /js/team.js is used.
import { test } from "node:test";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import assert from "node:assert/strict";
import { ed25519 } from "@noble/curves/ed25519.js";
import { ml_dsa65 } from "@noble/post-quantum/ml-dsa.js";
import { randomBytes, utf8ToBytes } from "@noble/hashes/utils.js";
import { base64urlnopad } from "@scure/base";
import { RecipientSetError, verifiedRecipients } from "../src/recipient-set.js";
import { TEAM_KEY_PREFIX, teamFingerprint } from "../src/signed.js";

const PQ = `age1pq1${"q".repeat(1950)}`;
const PQ2 = `age1pq1${"p".repeat(1950)}`;

function team() {
  const edSeed = randomBytes(32);
  const ml = ml_dsa65.keygen(randomBytes(32));
  const bytes = new Uint8Array([...ed25519.getPublicKey(edSeed), ...ml.publicKey]);
  const sign = (type, payload) => {
    const message = new Uint8Array([...utf8ToBytes(`whistlesubmit/v2/sign/${type}\0`), ...payload]);
    return new Uint8Array([...ed25519.sign(message, edSeed), ...ml_dsa65.sign(message, ml.secretKey)]);
  };
  const envelope = (type, payloadText, signedPayload = payloadText) => {
    const payload = utf8ToBytes(payloadText);
    const sig = sign(type, utf8ToBytes(signedPayload));
    return JSON.stringify({ v: 2, type, key: teamFingerprint(bytes), payload: base64urlnopad.encode(payload), sig: base64urlnopad.encode(sig) });
  };
  return { text: TEAM_KEY_PREFIX + base64urlnopad.encode(bytes), envelope };
}

const honest = team();
const payload = (recipients) => JSON.stringify({ v: 2, issued: "2026-12-07", recipients });

test("a set signed by the team key gives its recipients", () => {
  assert.deepEqual(verifiedRecipients(honest.envelope("recipient-set", payload([PQ])), honest.text), [PQ]);
});

test("an extra recipient with the signature left is refused", () => {
  const tampered = honest.envelope("recipient-set", payload([PQ, PQ2]), payload([PQ]));
  assert.throws(() => verifiedRecipients(tampered, honest.text), (e) => e instanceof RecipientSetError && e.reason === "bad-signature");
});

test("a set signed by another team key is refused", () => {
  const other = team();
  assert.throws(() => verifiedRecipients(other.envelope("recipient-set", payload([PQ])), honest.text), (e) => e.reason === "other-key");
});

test("another document type, a missing key and a bare list are refused", () => {
  assert.throws(() => verifiedRecipients(honest.envelope("reply", payload([PQ])), honest.text), (e) => e.reason === "wrong-type");
  assert.throws(() => verifiedRecipients(honest.envelope("recipient-set", payload([PQ])), undefined), (e) => e.reason === "no-team-key");
  assert.throws(() => verifiedRecipients([PQ], honest.text), (e) => e instanceof RecipientSetError);
});

test("a signed payload that is not a valid set is refused", () => {
  for (const bad of [
    payload([]),
    payload([PQ, PQ]),
    payload(["age1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq"]),
    JSON.stringify({ v: 1, issued: "2026-12-07", recipients: [PQ] }),
    JSON.stringify({ v: 2, issued: "2026-12-07", recipients: [PQ], extra: 1 }),
  ]) {
    assert.throws(() => verifiedRecipients(honest.envelope("recipient-set", bad), honest.text), (e) => e.reason === "not-a-set", bad.slice(0, 60));
  }
});

// The same vector the C# RecipientSetTests opens: the recipient-set envelope of signed.json, signed with key "a".
const VECTORS = fileURLToPath(new URL("../../../../tests/Crypto.Tests/TestVectors/signed.json", import.meta.url));
test("signed.json's recipient-set vector verifies and gives its recipients", { skip: !existsSync(VECTORS) }, () => {
  const vectors = JSON.parse(readFileSync(VECTORS, "utf8"));
  const vector = vectors.valid.find((v) => v.name === "recipient-set");
  const key = vectors.keys.find((k) => k.name === "a").publicKey;
  assert.deepEqual(verifiedRecipients(vector.envelope, key), JSON.parse(vector.payloadText).recipients);
  assert.throws(() => verifiedRecipients(vector.envelope, vectors.keys.find((k) => k.name === "b").publicKey), (e) => e.reason === "other-key");
});

// Codename derivation (docs/FORMATS.md#codename-derivation). Expected seeds and tokens below were computed
// independently with Python's hashlib.scrypt and hmac (RFC 5869 HKDF by hand), not with this code.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Decrypter, Encrypter, identityToRecipient } from "age-encryption";
import { bech32 } from "@scure/base";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";
import {
  deriveSeed,
  deriveSourceKeys,
  deriveSourceKeysFromSeed,
  encodeHybridIdentity,
  normalizeCodename,
} from "../src/codename.js";

const PYTHON_VECTORS = [
  {
    codename: "abacus abdomen abdominal abide abiding ability ablaze able",
    seed: "c1b2fc43035ba509d10e405f125d3114339c8386c940a93d46ffe7a67d8bfa26",
    mailboxToken: "5a655c78af09a0a0a53590fe7ebfa1e140df08a7eefcc6af064b58850fdee1f6",
    mailboxId: "0d55a056e28e9586677fadfef201044683caead82410cac516d143ed2db8c858",
  },
  {
    codename: "zoom zone zoologist zoology zesty zero yo-yo zipfile",
    seed: "7231d088301f528066514d8382b8be1ba749449afab6e84df05b159c4fff9567",
    mailboxToken: "27b139aa13cfba6be8020dee1a383ff51aac241c550dcc28e2ea8c2db36bca44",
    mailboxId: "acf0040c9db9c382636d3ad0fdfcf944ef43898ca26457ab9b3a86075f9e11ba",
  },
];

test("normalizeCodename: mixed case and runs of whitespace become lower-case words joined by one space", () => {
  assert.equal(normalizeCodename("  Apple\tBANANA \n cherry  "), "apple banana cherry");
  assert.equal(normalizeCodename("yo-yo zone"), "yo-yo zone");
});

test("normalizeCodename: empty or blank input throws", () => {
  assert.throws(() => normalizeCodename(""), RangeError);
  assert.throws(() => normalizeCodename(" \t\n"), RangeError);
  assert.throws(() => normalizeCodename(undefined), TypeError);
});

for (const v of PYTHON_VECTORS) {
  test(`deriveSourceKeys: matches Python's scrypt/HKDF for "${v.codename.slice(0, 20)}…"`, async () => {
    const keys = await deriveSourceKeys(v.codename);
    assert.equal(bytesToHex(deriveSeed(v.codename)), v.seed);
    assert.equal(bytesToHex(keys.mailboxToken), v.mailboxToken);
    assert.equal(keys.mailboxId, v.mailboxId);
  });
}

test("deriveSourceKeys: differently written forms of one codename give the same keys", async () => {
  const a = await deriveSourceKeys(PYTHON_VECTORS[0].codename);
  const b = await deriveSourceKeys(`  ${PYTHON_VECTORS[0].codename.toUpperCase().replaceAll(" ", "  \t")}\n`);
  assert.deepEqual(b, a);
});

test("deriveSourceKeys: mailbox id is hex SHA-256 of the token", async () => {
  const keys = await deriveSourceKeys("apple banana cherry");
  assert.equal(keys.mailboxId, bytesToHex(sha256(keys.mailboxToken)));
  assert.match(keys.mailboxId, /^[0-9a-f]{64}$/);
});

test("deriveSourceKeys: reply identity is an age PQ identity whose recipient is replyRecipient", async () => {
  const keys = await deriveSourceKeys("apple banana cherry");
  assert.match(keys.replyIdentity, /^AGE-SECRET-KEY-PQ-1[0-9A-Z]+$/);
  assert.match(keys.replyRecipient, /^age1pq1[0-9a-z]+$/);
  assert.equal(await identityToRecipient(keys.replyIdentity), keys.replyRecipient);
});

test("deriveSourceKeys: a reply encrypted to replyRecipient decrypts with replyIdentity", async () => {
  const keys = await deriveSourceKeys("apple banana cherry");
  const e = new Encrypter();
  e.addRecipient(keys.replyRecipient);
  const ciphertext = await e.encrypt("a reply");
  const d = new Decrypter();
  d.addIdentity(keys.replyIdentity);
  assert.equal(await d.decrypt(ciphertext, "text"), "a reply");
});

test("encodeHybridIdentity: bech32 of the 32-byte seed under AGE-SECRET-KEY-PQ-, upper case", () => {
  const seed = Uint8Array.from({ length: 32 }, (_, i) => i);
  const identity = encodeHybridIdentity(seed);
  assert.equal(identity, identity.toUpperCase());
  const decoded = bech32.decodeToBytes(identity);
  assert.equal(decoded.prefix.toUpperCase(), "AGE-SECRET-KEY-PQ-");
  assert.deepEqual(decoded.bytes, seed);
});

test("deriveSourceKeysFromSeed: wrong seed length throws", async () => {
  await assert.rejects(deriveSourceKeysFromSeed(new Uint8Array(31)), RangeError);
});

// tests/Crypto.Tests/TestVectors/signed.json (built by the C# tests, which check it too): signed.js must accept and
// refuse exactly as WhistleSubmit.Crypto.Signing does, and @noble's key generation and deterministic ML-DSA signing
// must reproduce BouncyCastle's keys and signatures from the same seeds.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { ed25519 } from "@noble/curves/ed25519.js";
import { ml_dsa65 } from "@noble/post-quantum/ml-dsa.js";
import { bytesToHex, hexToBytes, utf8ToBytes } from "@noble/hashes/utils.js";
import {
  MAX_ENVELOPE_BYTES,
  SignedDocumentError,
  formatFingerprint,
  openSigned,
  parseTeamKey,
  teamFingerprint,
  verifyTeamSignature,
} from "../src/signed.js";

const VECTORS = fileURLToPath(new URL("../../../../tests/Crypto.Tests/TestVectors/signed.json", import.meta.url));
const vectors = existsSync(VECTORS) ? JSON.parse(readFileSync(VECTORS, "utf8")) : undefined;
const trusted = vectors && parseTeamKey(vectors.keys[0].publicKey);

const fromBase64Url = (s) => new Uint8Array(Buffer.from(s, "base64url"));

test("signed.json: is present and holds vectors", () => {
  assert.ok(vectors !== undefined, `missing ${VECTORS} (it comes with the C# signing tests)`);
  assert.equal(vectors.maxBytes, MAX_ENVELOPE_BYTES);
  assert.ok(vectors.valid.length >= 3 && vectors.invalid.length > 30);
});

for (const k of vectors?.keys ?? []) {
  test(`signed.json: key ${k.name} from its seeds with @noble gives the published key and fingerprint`, () => {
    const ed = ed25519.getPublicKey(hexToBytes(k.ed25519Seed));
    const ml = ml_dsa65.keygen(hexToBytes(k.mlDsaSeed)).publicKey;
    const key = parseTeamKey(k.publicKey);

    assert.equal(bytesToHex(key.bytes), bytesToHex(ed) + bytesToHex(ml));
    assert.equal(key.fingerprint, k.fingerprint);
    assert.equal(teamFingerprint(key.bytes), k.fingerprint);
    assert.equal(formatFingerprint(key.fingerprint), k.displayFingerprint);
    const secret = fromBase64Url(k.secretText.slice("WHISTLESUBMIT-TEAM-SECRET-V2:".length));
    assert.equal(bytesToHex(secret), k.ed25519Seed + k.mlDsaSeed);
  });
}

for (const k of vectors?.invalidPublicKeys ?? []) {
  test(`signed.json: public key "${k.name}" is refused`, () => {
    assert.throws(() => parseTeamKey(k.text), TypeError);
  });
}

for (const v of vectors?.valid ?? []) {
  test(`signed.json: valid "${v.name}" opens to its payload`, () => {
    const payload = openSigned(v.envelope, trusted, v.expectedType);
    assert.equal(new TextDecoder().decode(payload), v.payloadText);
    // The same from the UTF-8 bytes, and with the key given as text.
    assert.deepEqual(openSigned(utf8ToBytes(v.envelope), vectors.keys[0].publicKey, v.expectedType), payload);
  });

  if (v.deterministic) {
    test(`signed.json: valid "${v.name}" is reproduced by @noble's deterministic signing`, () => {
      const k = vectors.keys[0];
      const message = utf8ToBytes(`whistlesubmit/v2/sign/${v.expectedType}\0${v.payloadText}`);
      const ed = ed25519.sign(message, hexToBytes(k.ed25519Seed));
      const ml = ml_dsa65.sign(message, ml_dsa65.keygen(hexToBytes(k.mlDsaSeed)).secretKey, { extraEntropy: false });
      const sig = fromBase64Url(JSON.parse(v.envelope).sig);

      assert.equal(bytesToHex(sig), bytesToHex(ed) + bytesToHex(ml));
      assert.ok(verifyTeamSignature(trusted, v.expectedType, utf8ToBytes(v.payloadText), sig));
    });
  }
}

for (const c of vectors?.invalid ?? []) {
  test(`signed.json: invalid "${c.name}" is refused as ${c.reason}`, () => {
    const input = c.envelopeHex !== undefined ? hexToBytes(c.envelopeHex) : c.envelope;
    assert.throws(
      () => openSigned(input, trusted, c.expectedType),
      (e) => e instanceof SignedDocumentError && e.reason === c.reason && e.keyFingerprint === c.keyFingerprint,
    );
  });
}

test("openSigned: the size limit is checked first, in characters and in bytes", () => {
  const envelope = vectors.valid[0].envelope;
  const atLimit = envelope + " ".repeat(MAX_ENVELOPE_BYTES - envelope.length);
  const expected = vectors.valid[0].expectedType;

  assert.equal(new TextDecoder().decode(openSigned(atLimit, trusted, expected)), vectors.valid[0].payloadText);
  assert.throws(() => openSigned(`${atLimit} `, trusted, expected), (e) => e.reason === "not-an-envelope");
  assert.throws(() => openSigned(utf8ToBytes(`${atLimit} `), trusted, expected), (e) => e.reason === "not-an-envelope");
});

test("openSigned: another team key's message names its fingerprint for people", () => {
  const other = vectors.invalid.find((c) => c.reason === "other-key");
  assert.throws(
    () => openSigned(other.envelope, trusted, other.expectedType),
    (e) => e.message.includes(formatFingerprint(other.keyFingerprint)),
  );
});

test("openSigned: an invalid expected type is a programming error", () => {
  assert.throws(() => openSigned(vectors.valid[0].envelope, trusted, "Reply"), TypeError);
});

test("signed.js: bundles for the browser as the pages are built (worker.js and mailbox.js will import it)", async () => {
  const result = await build({
    absWorkingDir: fileURLToPath(new URL("..", import.meta.url)),
    stdin: { contents: 'import { openSigned } from "./src/signed.js"; self.openSigned = openSigned;', resolveDir: "." },
    bundle: true,
    minify: true,
    format: "iife",
    target: ["es2022"],
    platform: "browser",
    write: false,
    logLevel: "silent",
  });
  assert.equal(result.errors.length, 0);
  assert.ok(result.outputFiles[0].contents.length > 1000);
});

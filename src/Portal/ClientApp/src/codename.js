// Codename and source keys: docs/FORMATS.md#codename-derivation.
// Must stay byte-for-byte identical to WhistleSubmit.Crypto.Codenames.SourceKeys (C#);
// tests/Crypto.Tests/TestVectors/codenames.json pins both.
import { scrypt } from "@noble/hashes/scrypt.js";
import { hkdf } from "@noble/hashes/hkdf.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import { bech32 } from "@scure/base";
import { identityToRecipient } from "age-encryption";

const SEED_SALT = "whistlesubmit/v1/codename";
const MAILBOX_INFO = "whistlesubmit/v1/mailbox";
const REPLY_INFO = "whistlesubmit/v1/reply";
// Protocol v2: the secret carried inside every report and follow-up that proves it comes from this codename's holder.
const CASE_INFO = "whistlesubmit/v2/case";
// N=2^15, r=8, p=1: ≈ 260 ms in a browser, once per visit (docs/DEVELOPMENT.md#age-encryption-in-the-browser).
const SCRYPT_PARAMS = { N: 2 ** 15, r: 8, p: 1, dkLen: 32 };

/**
 * Lower-case words joined by single spaces, so that "Apple  banana\n" and "apple banana" are the same codename.
 * @param {string} codename
 * @returns {string}
 */
export function normalizeCodename(codename) {
  if (typeof codename !== "string") throw new TypeError("codename must be a string");
  const words = codename.trim().split(/\s+/).filter((w) => w.length > 0);
  if (words.length === 0) throw new RangeError("codename is empty");
  return words.map((w) => w.toLowerCase()).join(" ");
}

/** @param {Uint8Array} seed @param {string} info */
function expand(seed, info) {
  // Empty salt: the seed is already uniformly random scrypt output.
  return hkdf(sha256, seed, new Uint8Array(0), utf8ToBytes(info), 32);
}

/**
 * The 32-byte scrypt seed every source key comes from.
 * @param {string} codename
 * @returns {Uint8Array}
 */
export function deriveSeed(codename) {
  return scrypt(utf8ToBytes(normalizeCodename(codename)), utf8ToBytes(SEED_SALT), SCRYPT_PARAMS);
}

/**
 * Encodes a 32-byte mlkem768x25519 seed as an age identity, exactly as age-encryption's generateHybridIdentity does.
 * @param {Uint8Array} seed32
 * @returns {string} AGE-SECRET-KEY-PQ-1…
 */
export function encodeHybridIdentity(seed32) {
  if (!(seed32 instanceof Uint8Array) || seed32.length !== 32) throw new RangeError("seed must be 32 bytes");
  return bech32.encodeFromBytes("AGE-SECRET-KEY-PQ-", seed32).toUpperCase();
}

/**
 * Derives the source's mailbox credentials and reply key pair from a codename.
 * @param {string} codename
 * @returns {Promise<SourceKeys>}
 */
export async function deriveSourceKeys(codename) {
  const seed = deriveSeed(codename);
  try {
    return await deriveSourceKeysFromSeed(seed);
  } finally {
    seed.fill(0);
  }
}

/**
 * @typedef {{mailboxToken: Uint8Array, mailboxId: string, caseKey: string, replyIdentity: string, replyRecipient: string}} SourceKeys
 * caseKey is lower-case hex: it goes only into report.json / message.json v2, encrypted to the reviewers.
 */

/**
 * The HKDF half of {@link deriveSourceKeys}, for callers that already hold the scrypt seed.
 * @param {Uint8Array} seed 32 bytes from {@link deriveSeed}
 * @returns {Promise<SourceKeys>}
 */
export async function deriveSourceKeysFromSeed(seed) {
  if (!(seed instanceof Uint8Array) || seed.length !== 32) throw new RangeError("seed must be 32 bytes");
  const mailboxToken = expand(seed, MAILBOX_INFO);
  const caseKeyBytes = expand(seed, CASE_INFO);
  const caseKey = bytesToHex(caseKeyBytes);
  caseKeyBytes.fill(0);
  const replySeed = expand(seed, REPLY_INFO);
  const replyIdentity = encodeHybridIdentity(replySeed);
  replySeed.fill(0);
  // The server stores only this hash, so a database leak does not hand out mailbox access.
  const mailboxId = bytesToHex(sha256(mailboxToken));
  const replyRecipient = await identityToRecipient(replyIdentity);
  return { mailboxToken, mailboxId, caseKey, replyIdentity, replyRecipient };
}

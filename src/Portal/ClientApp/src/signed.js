// Team signatures and signed documents, verification only: docs/FORMATS.md#team-signature and #signed-document.
// Must accept and refuse exactly what WhistleSubmit.Crypto.Signing (C#) does; tests/Crypto.Tests/TestVectors/signed.json
// pins both. A document is valid only if BOTH the Ed25519 and the ML-DSA-65 signature verify.
import { ed25519 } from "@noble/curves/ed25519.js";
import { ml_dsa65 } from "@noble/post-quantum/ml-dsa.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";

export const TEAM_KEY_PREFIX = "whistlesubmit-team-v2:";
export const MAX_ENVELOPE_BYTES = 24 * 1024 * 1024;

const ED25519_LENGTH = 32;
const ML_DSA_LENGTH = 1952;
const KEY_LENGTH = ED25519_LENGTH + ML_DSA_LENGTH;
const ED25519_SIGNATURE_LENGTH = 64;
const SIGNATURE_LENGTH = ED25519_SIGNATURE_LENGTH + 3309;
const DOMAIN = "whistlesubmit/v2/sign/";
const TYPE = /^[a-z0-9-]{1,64}$/;
const FINGERPRINT = /^[0-9a-f]{32}$/;
const FIELDS = ["v", "type", "key", "payload", "sig"];

/** A refused signed document; `reason` is one of not-an-envelope, wrong-type, other-key, bad-signature. */
export class SignedDocumentError extends Error {
  /** @param {string} reason @param {string} message @param {string} [keyFingerprint] */
  constructor(reason, message, keyFingerprint) {
    super(message);
    this.name = "SignedDocumentError";
    this.reason = reason;
    // Only for other-key: the fingerprint the envelope names (public; shows which key signed it).
    this.keyFingerprint = keyFingerprint;
  }
}

/**
 * First 32 hex digits of SHA-256 over the 1,984 key bytes P (the JSON form; formatFingerprint groups it for people).
 * @param {Uint8Array} bytes
 * @returns {string}
 */
export function teamFingerprint(bytes) {
  if (!(bytes instanceof Uint8Array) || bytes.length !== KEY_LENGTH) throw new TypeError("a team key is 1984 bytes");
  return bytesToHex(sha256(bytes)).slice(0, 32);
}

/** "3f2a9b10…" → "3f2a 9b10 …", as recipient fingerprints are shown. @param {string} hex */
export function formatFingerprint(hex) {
  return hex.match(/.{1,4}/g).join(" ");
}

/**
 * Parses `whistlesubmit-team-v2:` + base64url (no padding, canonical) of P.
 * @param {string} text
 * @returns {{ text: string, bytes: Uint8Array, fingerprint: string }}
 */
export function parseTeamKey(text) {
  const bytes =
    typeof text === "string" && text.startsWith(TEAM_KEY_PREFIX) ? decodeBase64Url(text.slice(TEAM_KEY_PREFIX.length)) : null;
  if (bytes === null || bytes.length !== KEY_LENGTH || !isEd25519Point(bytes.subarray(0, ED25519_LENGTH))) {
    throw new TypeError("Malformed team public key.");
  }
  return { text, bytes, fingerprint: teamFingerprint(bytes) };
}

// A canonical encoding of a point on the curve (RFC 8032 decoding), as BouncyCastle requires when it reads the key.
function isEd25519Point(bytes) {
  try {
    ed25519.Point.fromBytes(bytes, false);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether `signature` is a valid team signature of `payload` as `type` under `teamKey`: both halves must verify.
 * @param {{ bytes: Uint8Array }} teamKey
 * @param {string} type
 * @param {Uint8Array} payload
 * @param {Uint8Array} signature
 */
export function verifyTeamSignature(teamKey, type, payload, signature) {
  if (!TYPE.test(type)) throw new TypeError("a document type is [a-z0-9-]{1,64}");
  if (signature.length !== SIGNATURE_LENGTH) return false;
  const message = signingInput(type, payload);
  const edKey = teamKey.bytes.subarray(0, ED25519_LENGTH);
  const mlKey = teamKey.bytes.subarray(ED25519_LENGTH);
  // RFC 8032 rules (zip215: false), as BouncyCastle applies them on the console.
  const edValid = ed25519.verify(signature.subarray(0, ED25519_SIGNATURE_LENGTH), message, edKey, { zip215: false });
  const mlValid = ml_dsa65.verify(signature.subarray(ED25519_SIGNATURE_LENGTH), message, mlKey);
  return edValid && mlValid;
}

/**
 * The payload of a signed document of `expectedType` signed by `teamKey`, or throws SignedDocumentError.
 * @param {string | Uint8Array} json the envelope as text, or as its UTF-8 bytes
 * @param {{ bytes: Uint8Array, fingerprint: string } | string} teamKey a parseTeamKey result, or the key's text
 * @param {string} expectedType
 * @returns {Uint8Array}
 */
export function openSigned(json, teamKey, expectedType) {
  const key = typeof teamKey === "string" ? parseTeamKey(teamKey) : teamKey;
  if (!TYPE.test(expectedType)) throw new TypeError("a document type is [a-z0-9-]{1,64}");
  const fields = parseEnvelope(json);
  if (fields === null) throw new SignedDocumentError("not-an-envelope", "The document is not a signed envelope.");
  if (fields.type !== expectedType) {
    throw new SignedDocumentError("wrong-type", "The signed document is not of the expected type.");
  }
  if (fields.key !== key.fingerprint) {
    throw new SignedDocumentError(
      "other-key",
      `The document is signed by another team key ${formatFingerprint(fields.key)}.`,
      fields.key,
    );
  }
  if (!verifyTeamSignature(key, fields.type, fields.payload, fields.sig)) {
    throw new SignedDocumentError("bad-signature", "The team signature does not verify.");
  }
  return fields.payload;
}

/** M' = "whistlesubmit/v2/sign/" ‖ type ‖ 0x00 ‖ payload (type and prefix are ASCII). */
function signingInput(type, payload) {
  const head = DOMAIN + type;
  const message = new Uint8Array(head.length + 1 + payload.length);
  for (let i = 0; i < head.length; i++) message[i] = head.charCodeAt(i);
  message.set(payload, head.length + 1);
  return message;
}

/**
 * The envelope's fields, or null. Size first, then a strict reader for this one shape: an object of exactly the five
 * properties, each once, in any order, JSON whitespace only, strings without escapes, v exactly the token 2. Every
 * legal value is ASCII, so any other character (a BOM included) is refused, as the C# reader refuses it.
 */
function parseEnvelope(json) {
  let text = json;
  if (json instanceof Uint8Array) {
    if (json.length > MAX_ENVELOPE_BYTES) return null;
    try {
      text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(json);
    } catch {
      return null;
    }
  }
  // A UTF-16 length over the limit means more UTF-8 bytes than the limit; after that every accepted character is ASCII.
  if (typeof text !== "string" || text.length > MAX_ENVELOPE_BYTES) return null;

  const raw = readObject(text);
  if (raw === null || FIELDS.some((f) => !(f in raw))) return null;
  if (raw.v !== "2" || !TYPE.test(raw.type) || !FINGERPRINT.test(raw.key)) return null;
  const payload = decodeBase64Url(raw.payload);
  const sig = decodeBase64Url(raw.sig);
  if (payload === null || sig === null || sig.length !== SIGNATURE_LENGTH) return null;
  return { type: raw.type, key: raw.key, payload, sig };
}

/** {name: raw value} for a flat object of strings and the number token 2, or null. */
function readObject(text) {
  let i = 0;
  const skip = () => {
    while (i < text.length && " \t\n\r".includes(text[i])) i++;
  };
  const readString = () => {
    if (text[i] !== '"') return null;
    const end = text.indexOf('"', i + 1);
    if (end < 0) return null;
    const s = text.slice(i + 1, end);
    // No escapes, no control characters, ASCII only.
    if (!/^[\x20-\x21\x23-\x5b\x5d-\x7e]*$/.test(s)) return null;
    i = end + 1;
    return s;
  };
  const out = Object.create(null);
  skip();
  if (text[i++] !== "{") return null;
  skip();
  for (;;) {
    const name = readString();
    if (name === null || !FIELDS.includes(name) || name in out) return null;
    skip();
    if (text[i++] !== ":") return null;
    skip();
    let value;
    if (name === "v") {
      const m = /^[0-9eE.+-]+/.exec(text.slice(i, i + 32));
      if (m === null) return null;
      value = m[0];
      i += value.length;
    } else {
      value = readString();
      if (value === null) return null;
    }
    out[name] = value;
    skip();
    const c = text[i++];
    if (c === "}") break;
    if (c !== ",") return null;
    skip();
  }
  skip();
  return i === text.length ? out : null;
}

/** Canonical base64url without padding → bytes, or null (wrong alphabet, padding, or non-zero unused bits). */
function decodeBase64Url(s) {
  if (typeof s !== "string" || s.length % 4 === 1 || !/^[A-Za-z0-9_-]*$/.test(s)) return null;
  const rest = s.length % 4;
  if (rest !== 0) {
    const last = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".indexOf(s[s.length - 1]);
    if ((last & (rest === 2 ? 0x0f : 0x03)) !== 0) return null;
  }
  const binary = atob(s.replace(/-/g, "+").replace(/_/g, "/"));
  const bytes = new Uint8Array(binary.length);
  for (let j = 0; j < binary.length; j++) bytes[j] = binary.charCodeAt(j);
  return bytes;
}

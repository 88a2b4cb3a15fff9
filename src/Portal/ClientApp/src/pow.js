// Proof of work (WhistleSubmit.Crypto.ProofOfWork): find a nonce such that SHA-256(token bytes || nonce as 8 bytes
// big-endian) has `bits` leading zero bits; the nonce goes back in canonical decimal. SHA-256 comes from
// crypto.subtle (native, and available in workers); digests are issued in batches because each one is a promise.

const BATCH = 512;

/** base64url without padding → bytes (the challenge token is 88 characters = 66 bytes). */
export function base64UrlDecode(s) {
  if (!/^[A-Za-z0-9_-]*$/.test(s)) throw new Error("malformed challenge token");
  const b64 = s.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((s.length + 3) % 4);
  return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
}

/** Leading zero bits of a hash. */
export function leadingZeroBits(hash) {
  let bits = 0;
  for (const b of hash) {
    if (b !== 0) return bits + Math.clz32(b) - 24;
    bits += 8;
  }
  return bits;
}

/**
 * Finds the smallest satisfying nonce (as C#'s ProofOfWorkSolver does, so both agree on test tokens).
 * @param {string} token base64url challenge
 * @param {number} bits difficulty
 * @param {(tried: number) => void} [onProgress] called after each batch, so the page can show that it is working
 * @returns {Promise<string>} the nonce in canonical decimal
 */
export async function solve(token, bits, onProgress = () => {}) {
  if (!Number.isInteger(bits) || bits < 1 || bits > 40) throw new Error("unexpected proof-of-work difficulty");
  const tokenBytes = base64UrlDecode(token);
  const inputs = Array.from({ length: BATCH }, () => {
    const a = new Uint8Array(tokenBytes.length + 8);
    a.set(tokenBytes);
    return a;
  });
  for (let base = 0; base < Number.MAX_SAFE_INTEGER; base += BATCH) {
    const digests = inputs.map((input, i) => {
      const view = new DataView(input.buffer, tokenBytes.length, 8);
      const nonce = base + i;
      view.setUint32(0, Math.floor(nonce / 2 ** 32));
      view.setUint32(4, nonce >>> 0);
      return crypto.subtle.digest("SHA-256", input);
    });
    const hashes = await Promise.all(digests);
    for (let i = 0; i < BATCH; i++) {
      if (leadingZeroBits(new Uint8Array(hashes[i])) >= bits) return String(base + i);
    }
    onProgress(base + BATCH);
  }
  throw new Error("no proof-of-work nonce found");
}

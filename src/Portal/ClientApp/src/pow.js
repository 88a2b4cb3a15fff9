// Proof of work (WhistleSubmit.Crypto.ProofOfWork): find a nonce such that SHA-256(token bytes || nonce as 8 bytes
// big-endian) has `bits` leading zero bits; the nonce goes back in canonical decimal.
//
// The token is 66 bytes, so the 74-byte input is two SHA-256 blocks and the first one never changes: its state is
// computed once (the "midstate") and each try costs one compression of the second block, in plain JavaScript with no
// promise per hash. With the JIT that is about ten times crypto.subtle.digest's rate (each digest is a promise and a
// copy); without it (Tor Browser's "Safer") crypto.subtle is the faster one, so the solver times both on the first
// nonces (real work, in order) and keeps the faster. Either way the smallest satisfying nonce is found, as C#'s
// ProofOfWorkSolver finds it, so both agree on test tokens.

const K = Int32Array.from([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01,
  0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc,
  0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
  0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08,
  0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
const IV = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
const TOKEN_BYTES = 66;
const SUBTLE_BATCH = 512;
const PROGRESS_EVERY = 1 << 14;

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

/** One SHA-256 compression of the 16 words in W[0..15] (W is 64 long) onto `state`, into `out`. */
function compress(state, W, out) {
  for (let i = 16; i < 64; i++) {
    const w15 = W[i - 15];
    const w2 = W[i - 2];
    const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
    const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
    W[i] = (W[i - 16] + s0 + W[i - 7] + s1) | 0;
  }
  let a = state[0], b = state[1], c = state[2], d = state[3], e = state[4], f = state[5], g = state[6], h = state[7];
  for (let i = 0; i < 64; i++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (h + S1 + ((e & f) ^ (~e & g)) + K[i] + W[i]) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
  }
  out[0] = (state[0] + a) | 0; out[1] = (state[1] + b) | 0; out[2] = (state[2] + c) | 0; out[3] = (state[3] + d) | 0;
  out[4] = (state[4] + e) | 0; out[5] = (state[5] + f) | 0; out[6] = (state[6] + g) | 0; out[7] = (state[7] + h) | 0;
}

/** The plain-JavaScript searcher: the midstate of the token's first 64 bytes, then one compression per nonce. */
function midstateSearcher(tokenBytes, bits) {
  const W = new Int32Array(64);
  const mid = Int32Array.from(IV);
  const view = new DataView(tokenBytes.buffer, tokenBytes.byteOffset, tokenBytes.length);
  for (let i = 0; i < 16; i++) W[i] = view.getInt32(i * 4);
  compress(mid, W, mid);
  const t0 = tokenBytes[64];
  const t1 = tokenBytes[65];
  const out = new Int32Array(8);
  /** The first satisfying nonce in [from, to), or -1. */
  return (from, to) => {
    for (let nonce = from; nonce < to; nonce++) {
      const hi = Math.floor(nonce / 2 ** 32);
      const lo = nonce >>> 0;
      // Block 2: token[64..66], the nonce (8 bytes big-endian), 0x80, zeros, and the length: 74 × 8 = 592 bits.
      W[0] = (t0 << 24) | (t1 << 16) | (hi >>> 16);
      W[1] = (hi << 16) | (lo >>> 16);
      W[2] = (lo << 16) | 0x8000;
      W.fill(0, 3, 15);
      W[15] = 592;
      compress(mid, W, out);
      const zeros = out[0] === 0 ? 32 + Math.clz32(out[1]) : Math.clz32(out[0]);
      if (zeros >= bits) return nonce;
    }
    return -1;
  };
}

/** The first nonce in [from, to) with `bits` leading zero bits by the midstate searcher, or -1 (for tests). */
export function midstateFirst(tokenBytes, bits, from, to) {
  return midstateSearcher(tokenBytes, bits)(from, to);
}

/** The crypto.subtle searcher, in batches of promises. */
function subtleSearcher(tokenBytes, bits) {
  const inputs = Array.from({ length: SUBTLE_BATCH }, () => {
    const a = new Uint8Array(TOKEN_BYTES + 8);
    a.set(tokenBytes);
    return a;
  });
  return async (from, to) => {
    for (let base = from; base < to; base += SUBTLE_BATCH) {
      const n = Math.min(SUBTLE_BATCH, to - base);
      const digests = inputs.slice(0, n).map((input, i) => {
        const view = new DataView(input.buffer, TOKEN_BYTES, 8);
        view.setUint32(0, Math.floor((base + i) / 2 ** 32));
        view.setUint32(4, (base + i) >>> 0);
        return crypto.subtle.digest("SHA-256", input);
      });
      const hashes = await Promise.all(digests);
      for (let i = 0; i < n; i++) if (leadingZeroBits(new Uint8Array(hashes[i])) >= bits) return base + i;
    }
    return -1;
  };
}

/**
 * Finds the smallest satisfying nonce.
 * @param {string} token base64url challenge
 * @param {number} bits difficulty
 * @param {(tried: number) => void} [onProgress] called every few thousand tries, so the page can show it is working
 * @param {"auto"|"midstate"|"subtle"} [method] which searcher; "auto" times both on the first nonces
 * @returns {Promise<string>} the nonce in canonical decimal
 */
export async function solve(token, bits, onProgress = () => {}, method = "auto") {
  if (!Number.isInteger(bits) || bits < 1 || bits > 40) throw new Error("unexpected proof-of-work difficulty");
  const tokenBytes = base64UrlDecode(token);
  if (tokenBytes.length !== TOKEN_BYTES) throw new Error("malformed challenge token");
  const midstate = midstateSearcher(tokenBytes, bits);
  const subtle = subtleSearcher(tokenBytes, bits);
  let next = 0;
  /** Searches [next, next + count) with `search`; the seconds it took, or the nonce found. */
  const run = async (search, count) => {
    const started = performance.now();
    const found = await search(next, next + count);
    next += count;
    return { found, seconds: (performance.now() - started) / 1000 };
  };
  let search = method === "subtle" ? subtle : midstate;
  if (method === "auto") {
    const js = await run(midstate, 2048);
    if (js.found >= 0) return String(js.found);
    const native = await run(subtle, 2 * SUBTLE_BATCH);
    if (native.found >= 0) return String(native.found);
    search = native.seconds / (2 * SUBTLE_BATCH) < js.seconds / 2048 ? subtle : midstate;
  }
  while (next < Number.MAX_SAFE_INTEGER) {
    const { found } = await run(search, PROGRESS_EVERY);
    if (found >= 0) return String(found);
    onProgress(next);
  }
  throw new Error("no proof-of-work nonce found");
}

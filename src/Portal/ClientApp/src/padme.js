// PADMÉ length padding (Nikitin et al., "Reducing Metadata Leakage from Encrypted Files and Communication with PURBs",
// PETS 2019, section 4). Port of WhistleSubmit.Crypto.Padding.Padme (C#); test/padme.test.js pins both to the same values.

/**
 * The PADMÉ length for a plaintext of `length` bytes (≥ length).
 * BigInt inside: containers pass 2^32 bytes, beyond JavaScript's 32-bit bitwise operators.
 * @param {number} length a non-negative safe integer
 * @returns {number}
 */
export function paddedLength(length) {
  if (!Number.isSafeInteger(length) || length < 0) throw new RangeError("length must be a non-negative safe integer");
  // log2 of 0 and 1 is undefined or 0: the paper's formula gives L itself.
  if (length < 2) return length;
  const big = BigInt(length);
  const e = big.toString(2).length - 1; // floor(log2 L)
  const s = e.toString(2).length; // floor(log2 E) + 1
  const mask = (1n << BigInt(e - s)) - 1n;
  const padded = (big + mask) & ~mask;
  if (padded > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError("the padded length is not a safe integer");
  return Number(padded);
}

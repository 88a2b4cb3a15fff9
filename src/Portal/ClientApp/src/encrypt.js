// Streaming age encryption of the container to every configured reviewer recipient (docs/FORMATS.md#age-encryption).
// age-encryption does not refuse to mix post-quantum and classic recipients (docs/DEVELOPMENT.md#age-encryption-in-the-browser): we do, because a file
// readable with an X25519 key alone loses the post-quantum protection the reviewers' keys exist for.
import { Encrypter } from "age-encryption";

const PQ = /^age1pq1[02-9ac-hj-np-z]+$/;
const X25519 = /^age1[02-9ac-hj-np-z]{58}$/;

/**
 * Checks the recipients from GET /api/config: at least one, all mlkem768x25519 or all X25519.
 * @param {unknown} recipients
 * @returns {string[]}
 */
export function checkRecipients(recipients) {
  if (!Array.isArray(recipients) || recipients.length === 0) throw new Error("the portal lists no reviewer recipient");
  if (recipients.every((r) => typeof r === "string" && PQ.test(r))) return recipients;
  if (recipients.every((r) => typeof r === "string" && X25519.test(r))) return recipients;
  throw new Error("the portal's reviewer recipients are not all post-quantum or all X25519; refusing to mix them");
}

/**
 * Encrypts a plaintext stream of known length.
 * @param {string[]} recipients
 * @param {ReadableStream<Uint8Array>} plaintext
 * @param {number} plaintextLength
 * @returns {Promise<{stream: ReadableStream<Uint8Array>, size: number}>} size is the exact ciphertext length
 */
export async function encryptStream(recipients, plaintext, plaintextLength) {
  const encrypter = new Encrypter();
  for (const r of checkRecipients(recipients)) encrypter.addRecipient(r);
  const stream = await encrypter.encrypt(plaintext);
  return { stream, size: stream.size(plaintextLength) };
}

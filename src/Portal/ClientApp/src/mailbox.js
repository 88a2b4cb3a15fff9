// The source's mailbox, in the browser: keys come from the codename here and only the mailbox token (never the
// codename or the reply identity) goes to the server, in X-Mailbox-Token. Replies are age files encrypted to the
// source's reply recipient; they are decrypted here and returned as text for the page to show (never as HTML).
import { Decrypter } from "age-encryption";
import { bytesToHex } from "@noble/hashes/utils.js";

export class MailboxNotFound extends Error {
  constructor() {
    super("no mailbox for this codename");
    this.name = "MailboxNotFound";
  }
}

const headers = (keys) => ({ "X-Mailbox-Token": bytesToHex(keys.mailboxToken) });
const requestOptions = { credentials: "omit", referrerPolicy: "no-referrer", cache: "no-store" };

function fromBase64(s) {
  return Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
}

/**
 * GET /api/mailbox/replies and decrypt each with the reply identity. A reply that fails to decrypt or is not UTF-8
 * is reported as unreadable rather than hiding the others.
 * @param {string} api the API root, e.g. "/api"
 * @param {import("./codename.js").SourceKeys} keys
 * @param {typeof fetch} [fetchImpl]
 * @returns {Promise<{id: string, day: string, text: string|null}[]>}
 */
export async function fetchReplies(api, keys, fetchImpl = fetch) {
  const response = await fetchImpl(`${api}/mailbox/replies`, { ...requestOptions, headers: headers(keys) });
  if (response.status === 404) throw new MailboxNotFound();
  if (!response.ok) throw new Error("mailbox request failed");
  const { replies } = await response.json();
  const decrypter = new Decrypter();
  decrypter.addIdentity(keys.replyIdentity);
  const utf8 = new TextDecoder("utf-8", { fatal: true });
  const out = [];
  for (const r of replies) {
    let text = null;
    try {
      text = utf8.decode(await decrypter.decrypt(fromBase64(r.ciphertext)));
    } catch {
      text = null;
    }
    out.push({ id: String(r.id), day: String(r.day), text });
  }
  if (out.length > 0) {
    // Marking read is a courtesy for retention; failing it must not hide the replies just decrypted.
    await fetchImpl(`${api}/mailbox/read`, { ...requestOptions, method: "POST", headers: headers(keys) }).catch(() => {});
  }
  return out;
}

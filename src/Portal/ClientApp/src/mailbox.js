// The source's mailbox, in the browser: keys come from the codename here and only the mailbox token (never the
// codename or the reply identity) goes to the server, in X-Mailbox-Token. Replies are age files encrypted to the
// source's reply recipient; they are decrypted here and returned as text for the page to show (never as HTML).
// Anyone can encrypt to the reply recipient (it is in the report the server stores), so a reply is shown only if it is
// a version 2 reply signed with the reviewers' team key (pinned in /js/team.js, whose hash is published) and
// addressed to this very mailbox; anything else is reported as unverified and its text is never shown.
import { Decrypter } from "age-encryption";
import { bytesToHex } from "@noble/hashes/utils.js";
import { openSigned, parseTeamKey } from "./signed.js";
import { openConsentRequest, openStatus } from "./mailbox-items.js";

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

const REPLY_FIELDS = ["day", "id", "mailboxId", "text", "v"];
const HEX64 = /^[0-9a-f]{64}$/;
const HEX32 = /^[0-9a-f]{32}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The reply in a decrypted plaintext if it is a version 2 reply signed by `teamKey` for `mailboxId`, else null.
 * Strict as the C# reader (SignedReply): exactly the five fields, v 2, canonical hex.
 * @param {Uint8Array} plaintext
 * @param {{ bytes: Uint8Array, fingerprint: string } | null} teamKey
 * @param {string} mailboxId
 * @returns {{ day: string, text: string } | null}
 */
export function verifyReply(plaintext, teamKey, mailboxId) {
  if (teamKey === null) return null;
  try {
    const payload = openSigned(plaintext, teamKey, "reply");
    const reply = JSON.parse(new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(payload));
    const fields = reply !== null && typeof reply === "object" && !Array.isArray(reply) ? Object.keys(reply).sort() : [];
    const ok =
      fields.join() === REPLY_FIELDS.join() &&
      reply.v === 2 &&
      typeof reply.mailboxId === "string" && HEX64.test(reply.mailboxId) && reply.mailboxId === mailboxId &&
      typeof reply.id === "string" && HEX32.test(reply.id) &&
      typeof reply.day === "string" && DAY.test(reply.day) &&
      typeof reply.text === "string" && reply.text.trim() !== "";
    return ok ? { day: reply.day, text: reply.text } : null;
  } catch {
    return null;
  }
}

/**
 * What a decrypted mailbox item is, by its envelope's type: a reply, a case status or a consent request, each
 * verified by its own strict reader; anything else is "unverified". The day is the signed one when there is one.
 */
export function verifyItem(plaintext, teamKey, mailboxId, storedDay) {
  const unverified = { kind: "reply", day: storedDay, text: null, status: "unverified" };
  const reply = verifyReply(plaintext, teamKey, mailboxId);
  if (reply) return { kind: "reply", day: reply.day, text: reply.text, status: "verified" };
  if (teamKey === null) return unverified;
  try {
    const s = openStatus(plaintext, teamKey, mailboxId);
    return s ? { kind: "status", day: s.day, text: null, status: "verified", caseStatus: s } : unverified;
  } catch (e) {
    if (e?.reason !== "wrong-type") return unverified;
  }
  try {
    const c = openConsentRequest(plaintext, teamKey, mailboxId);
    return c ? { kind: "consent-request", day: c.day, text: null, status: "verified", request: c } : unverified;
  } catch {
    return unverified;
  }
}

/**
 * The pinned team key, or null if it is missing or malformed. In the worker, /js/team.js (served with the bundle's
 * scripts, its hash published with theirs) sets self.whistleTeamKey; it is loaded here if nothing loaded it yet.
 */
function pinnedTeamKey(text) {
  try {
    if (text === undefined && typeof importScripts === "function") {
      importScripts("/js/team.js");
      text = globalThis.whistleTeamKey;
    }
    return parseTeamKey(text);
  } catch {
    return null;
  }
}

/**
 * GET /api/mailbox/replies and decrypt each with the reply identity, then check its team signature and mailbox id.
 * status: "verified" (text is the reviewers'), "unverified" (decrypted but not signed by the team for this mailbox:
 * text is null and the page shows a warning), "unreadable" (did not decrypt). One bad reply never hides the others.
 * @param {string} api the API root, e.g. "/api"
 * @param {import("./codename.js").SourceKeys} keys
 * @param {typeof fetch} [fetchImpl]
 * @param {string} [teamKeyText] the team public key's text; by default the one /js/team.js pinned
 * kind: "reply", or for verified items also "status" (with caseStatus) and "consent-request" (with request).
 * @returns {Promise<{id: string, kind: string, day: string, text: string|null, status: "verified"|"unverified"|"unreadable"}[]>}
 */
export async function fetchReplies(api, keys, fetchImpl = fetch, teamKeyText = globalThis.whistleTeamKey) {
  const response = await fetchImpl(`${api}/mailbox/replies`, { ...requestOptions, headers: headers(keys) });
  if (response.status === 404) throw new MailboxNotFound();
  if (!response.ok) throw new Error("mailbox request failed");
  const { replies } = await response.json();
  const decrypter = new Decrypter();
  decrypter.addIdentity(keys.replyIdentity);
  const teamKey = pinnedTeamKey(teamKeyText);
  const out = [];
  for (const r of replies) {
    let plaintext;
    try {
      plaintext = await decrypter.decrypt(fromBase64(r.ciphertext));
    } catch {
      out.push({ id: String(r.id), kind: "reply", day: String(r.day), text: null, status: "unreadable" });
      continue;
    }
    out.push({ id: String(r.id), ...verifyItem(plaintext, teamKey, keys.mailboxId, String(r.day)) });
  }
  if (out.length > 0) {
    // Marking read is a courtesy for retention; failing it must not hide the replies just decrypted.
    await fetchImpl(`${api}/mailbox/read`, { ...requestOptions, method: "POST", headers: headers(keys) }).catch(() => {});
  }
  return out;
}

// Signed mailbox items other than replies (issues 18 and 19): case statuses and consent requests. Like replies they
// are age files to the source's reply key whose plaintext is a signed envelope; each is shown only if it verifies
// under the pinned team key and names this mailbox, with the same strict rules as the C# readers (SignedCaseStatus,
// SignedConsentRequest in src/Crypto/Replies). Vectors: tests/Crypto.Tests/TestVectors/mailbox-items.json.
import { openSigned } from "./signed.js";

export const STATUSES = ["received", "under-review", "referred", "closed"];
export const DESTINATIONS = ["osc", "oig", "congress", "lawyer", "press"];
const HEX64 = /^[0-9a-f]{64}$/;
const HEX32 = /^[0-9a-f]{32}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
// Control, format, surrogate and line/paragraph separator characters, as SignedCaseStatus.IsValidReferredTo refuses.
const NOT_ONE_LINE = /[\p{Cc}\p{Cf}\p{Cs}\u2028\u2029]/u;

function payloadObject(plaintext, teamKey, type) {
  const payload = openSigned(plaintext, teamKey, type);
  const value = JSON.parse(new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(payload));
  if (value === null || typeof value !== "object" || Array.isArray(value)) throw new Error("malformed");
  return value;
}

function isDay(s) {
  if (typeof s !== "string" || !DAY.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function head(o, mailboxId) {
  return o.v === 1 &&
    typeof o.mailboxId === "string" && HEX64.test(o.mailboxId) && o.mailboxId === mailboxId &&
    typeof o.id === "string" && HEX32.test(o.id) && isDay(o.day);
}

/**
 * The case status in a decrypted plaintext, or null: a signed `case-status` v1 for `mailboxId`.
 * Throws the SignedDocumentError of openSigned (so the caller can tell a wrong type from a forgery).
 * @returns {{ id: string, day: string, seq: number, status: string, referredTo: string|null } | null}
 */
export function openStatus(plaintext, teamKey, mailboxId) {
  const o = payloadObject(plaintext, teamKey, "case-status");
  const fields = Object.keys(o).sort().join();
  const ok = (fields === "day,id,mailboxId,seq,status,v" || fields === "day,id,mailboxId,referredTo,seq,status,v") &&
    head(o, mailboxId) &&
    Number.isInteger(o.seq) && o.seq >= 1 && o.seq <= 2147483647 &&
    STATUSES.includes(o.status) &&
    (o.referredTo === undefined || (o.status === "referred" && typeof o.referredTo === "string" && o.referredTo.trim() === o.referredTo &&
      o.referredTo !== "" && o.referredTo.length <= 200 && !NOT_ONE_LINE.test(o.referredTo)));
  return ok ? { id: o.id, day: o.day, seq: o.seq, status: o.status, referredTo: o.referredTo ?? null } : null;
}

/**
 * The consent request in a decrypted plaintext, or null: a signed `consent-request` v1 for `mailboxId`, destinations
 * distinct and in canonical order. Throws the SignedDocumentError of openSigned.
 * @returns {{ id: string, day: string, destinations: string[] } | null}
 */
export function openConsentRequest(plaintext, teamKey, mailboxId) {
  const o = payloadObject(plaintext, teamKey, "consent-request");
  const ok = Object.keys(o).sort().join() === "day,destinations,id,mailboxId,v" && head(o, mailboxId) &&
    Array.isArray(o.destinations) && o.destinations.length >= 1 &&
    o.destinations.every((d, i) => DESTINATIONS.includes(d) && (i === 0 || DESTINATIONS.indexOf(d) > DESTINATIONS.indexOf(o.destinations[i - 1])));
  return ok ? { id: o.id, day: o.day, destinations: [...o.destinations] } : null;
}

export { newestStatus } from "./status-order.js";

/**
 * consent.json v1, fields in the order C# writes them (so the container is byte for byte the same).
 * @param {string} request the consent request's id
 * @param {Record<string, "yes"|"no">} answers by destination id
 */
export function buildConsent(request, answers, { caseKey, mailboxId, language }) {
  if (!HEX64.test(caseKey ?? "") || !HEX64.test(mailboxId ?? "") || !HEX32.test(request ?? "")) throw new Error("bad consent answer ids");
  const list = DESTINATIONS.filter((d) => answers[d] === "yes" || answers[d] === "no").map((d) => ({ destination: d, answer: answers[d] }));
  if (list.length === 0) throw new Error("no answer");
  return { v: 1, caseKey, mailboxId, request, answers: list, client: { language: language === "es" ? "es" : "en", encryptedBy: "browser" } };
}

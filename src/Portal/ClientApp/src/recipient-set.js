// The reviewers' signed recipient set (protocol v2, docs/FORMATS.md#recipient-set): the worker encrypts only to the
// recipients of a set that verifies under the team key from /js/team.js, whose hash is published with the bundle's.
// A portal that adds, swaps or re-signs a recipient is refused here, before anything is encrypted or sent.
import { openSigned } from "./signed.js";

export const RECIPIENT_SET_TYPE = "recipient-set";
export const MAX_RECIPIENTS = 64;
const PQ = /^age1pq1[02-9ac-hj-np-z]+$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const FIELDS = ["v", "issued", "recipients"];

/** The set could not be trusted; `reason` is a signed.js reason, or "no-team-key" / "not-a-set". */
export class RecipientSetError extends Error {
  /** @param {string} reason */
  constructor(reason) {
    super("the reviewers' recipient set is not signed by the team key");
    this.name = "RecipientSetError";
    this.reason = reason;
  }
}

/**
 * The recipients of `envelopeText` if it is a recipient set signed by `teamKeyText`; otherwise throws RecipientSetError.
 * @param {unknown} envelopeText the envelope JSON text from /api/config
 * @param {unknown} teamKeyText self.whistleTeamKey, from /js/team.js
 * @returns {string[]}
 */
export function verifiedRecipients(envelopeText, teamKeyText) {
  if (typeof teamKeyText !== "string") throw new RecipientSetError("no-team-key");
  if (typeof envelopeText !== "string") throw new RecipientSetError("not-an-envelope");
  let payload;
  try {
    payload = openSigned(envelopeText, teamKeyText, RECIPIENT_SET_TYPE);
  } catch (e) {
    throw new RecipientSetError(e?.reason ?? "no-team-key");
  }
  const set = parsePayload(payload);
  if (set === null) throw new RecipientSetError("not-a-set");
  return set.recipients;
}

/** Strict: exactly v, issued and recipients; v 2; 1–64 distinct lower-case age1pq1 recipients. Null if not. */
function parsePayload(bytes) {
  let value;
  try {
    value = JSON.parse(new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes));
  } catch {
    return null;
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) return null;
  const keys = Object.keys(value);
  if (keys.length !== FIELDS.length || !FIELDS.every((f) => keys.includes(f))) return null;
  const { v, issued, recipients } = value;
  if (v !== 2 || typeof issued !== "string" || !DAY.test(issued)) return null;
  if (!Array.isArray(recipients) || recipients.length < 1 || recipients.length > MAX_RECIPIENTS) return null;
  if (!recipients.every((r) => typeof r === "string" && PQ.test(r))) return null;
  if (new Set(recipients).size !== recipients.length) return null;
  return { issued, recipients };
}

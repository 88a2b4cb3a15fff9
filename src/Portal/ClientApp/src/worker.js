// The Web Worker that does the heavy work off the page's thread (docs/DEVELOPMENT.md#age-encryption-in-the-browser: Blob.stream() slices block ≈ 30 ms
// each, scrypt ≈ 260 ms): codename generation and key derivation, container building, streaming age encryption,
// proof of work and the chunked upload, decrypting mailbox replies, and reading and cleaning the chosen files' hidden
// metadata (metadata.js). The page sends one request and gets
// progress messages back; the codename crosses back to the page only to be shown once.
import { words } from "./wordlist.js";
import { codenameProblem, generateCodename } from "./codename-generate.js";
import { deriveSourceKeys } from "./codename.js";
import { buildMessage, buildReport, documentBytes, ReportError } from "./report.js";
import { containerStream } from "./container.js";
import { encryptStream, checkRecipients } from "./encrypt.js";
import { upload, UploadError } from "./upload.js";
import { fetchReplies } from "./mailbox.js";
import { buildConsent } from "./mailbox-items.js";
import { bytesToHex } from "@noble/hashes/utils.js";
import { RecipientSetError, verifiedRecipients } from "./recipient-set.js";
import { inspectBlob } from "./metadata.js";

const post = (message) => self.postMessage(message);

/**
 * The team public key, from /js/team.js (the script whose sha384 is published with portal.js's and worker.js's):
 * loaded once, inside the worker, so the page cannot hand the worker another key.
 */
function teamKey() {
  if (self.whistleTeamKey === undefined) {
    try {
      importScripts("/js/team.js");
    } catch {
      throw new RecipientSetError("no-team-key");
    }
  }
  return self.whistleTeamKey;
}

/**
 * GET /api/config: the signed recipient set and the total size limit. Encrypts only to a set the reviewers signed
 * with the team key (protocol v2 section 3); anything else is refused before a byte is encrypted or sent.
 */
async function portalConfig(api) {
  const response = await fetch(`${api}/config`, { credentials: "omit", cache: "no-store" });
  if (!response.ok) throw new UploadError("config", response.status);
  const config = await response.json();
  const recipients = verifiedRecipients(config.recipientSet, teamKey());
  return { recipients: checkRecipients(recipients), maxTotalBytes: Number(config.maxTotalBytes) };
}

/**
 * Builds, encrypts and uploads one container.
 * @param {string} api the API root, e.g. "/api"
 * @param {"submission"|"followup"} kind
 * @param {Uint8Array} mailboxToken
 * @param {"report.json"|"message.json"} documentName
 * @param {object} doc
 * @param {{name: string, blob: Blob}[]} files the attachments as chosen (cleaned copies and originals)
 * @param {{recipients: string[], maxTotalBytes: number}} config recipients already verified (portalConfig)
 */
async function send(api, kind, mailboxToken, documentName, doc, files, config) {
  const plaintext = containerStream(documentName, documentBytes(doc), files.map((f) => ({ name: f.name, blob: f.blob })));
  if (Number.isFinite(config.maxTotalBytes) && plaintext.length > config.maxTotalBytes) {
    await plaintext.stream.cancel();
    throw new UploadError("size", 413);
  }
  const { stream, size } = await encryptStream(config.recipients, plaintext.stream, plaintext.length);
  return upload({ api, kind, mailboxToken: bytesToHex(mailboxToken), ciphertext: stream, size, onProgress: (p) => post({ type: "progress", ...p }) });
}

/**
 * The page's list of attachments: [{name, blob, copy}], copy "cleaned" or "original" (the chooser, metadata-ui.js).
 * Sizes are the blobs' own, so the document states exactly what the container holds.
 */
function chosen(attachments) {
  if (!Array.isArray(attachments) || attachments.some((a) => typeof a?.name !== "string" || !(a.blob instanceof Blob))) throw new Error("bad attachments");
  return attachments.map((a) => ({ name: a.name, blob: a.blob, size: a.blob.size, copy: a.copy }));
}

/** Reads each chosen file in turn (one in memory at a time) and answers with what it holds and a cleaned copy. */
async function inspect({ files }) {
  const results = [];
  for (const [i, file] of files.entries()) {
    post({ type: "progress", phase: "inspect", done: i, total: files.length });
    const r = await inspectBlob(file);
    results.push({ ...r, cleaned: r.cleaned ? new Blob([r.cleaned], { type: file.type }) : null });
  }
  return { type: "inspected", results };
}

async function submit({ api, entries, attachments, language }) {
  const files = chosen(attachments);
  const config = await portalConfig(api);
  post({ type: "progress", phase: "keys" });
  const codename = generateCodename(words);
  const keys = await deriveSourceKeys(codename);
  const report = buildReport(entries, { files, caseKey: keys.caseKey, mailboxId: keys.mailboxId, replyRecipient: keys.replyRecipient, language });
  const receipt = await send(api, "submission", keys.mailboxToken, "report.json", report, files, config);
  return { type: "submitted", codename, receipt };
}

async function followup({ api, codename, text, attachments, language }) {
  const files = chosen(attachments);
  const config = await portalConfig(api);
  post({ type: "progress", phase: "keys" });
  const keys = await deriveSourceKeys(codename);
  const message = buildMessage(text, { files, caseKey: keys.caseKey, mailboxId: keys.mailboxId, language });
  const receipt = await send(api, "followup", keys.mailboxToken, "message.json", message, files, config);
  return { type: "sent", receipt };
}

/** A consent answer (consent.json), sent like a follow-up: the portal cannot tell one from the other. */
async function consent({ api, codename, request, answers, language }) {
  const config = await portalConfig(api);
  post({ type: "progress", phase: "keys" });
  const keys = await deriveSourceKeys(codename);
  const doc = buildConsent(request, answers, { caseKey: keys.caseKey, mailboxId: keys.mailboxId, language });
  const receipt = await send(api, "followup", keys.mailboxToken, "consent.json", doc, [], config);
  return { type: "sent", receipt };
}

/** A typed codename that cannot be one: said before any key derivation or request. */
class CodenameError extends Error {
  constructor(detail) {
    super("not a codename");
    this.detail = detail;
  }
}

async function mailbox({ api, codename }) {
  const problem = codenameProblem(codename, words);
  if (problem) throw new CodenameError(problem);
  post({ type: "progress", phase: "keys" });
  const keys = await deriveSourceKeys(codename);
  post({ type: "progress", phase: "replies" });
  return { type: "replies", replies: await fetchReplies(api, keys) };
}

const handlers = { submit, followup, mailbox, consent, inspect };

self.onmessage = async ({ data }) => {
  try {
    const handler = handlers[data?.type];
    // Same-origin absolute paths only: the worker must never be pointed at another host.
    if (!handler || typeof data.api !== "string" || !/^(\/[a-z0-9_-]+)+$/i.test(data.api)) throw new Error("unknown request");
    post(await handler(data));
  } catch (e) {
    // Only a category crosses back: error text could echo what the source typed.
    if (e instanceof ReportError) post({ type: "error", code: "field", field: e.field, reason: e.code });
    else if (e instanceof UploadError) post({ type: "error", code: "upload", step: e.step, status: e.status });
    // The one exception: the source's own mistyped word goes back to the page that holds it, to be shown to them.
    else if (e instanceof CodenameError) post({ type: "error", code: "codename", ...e.detail });
    else if (e?.name === "MailboxNotFound") post({ type: "error", code: "mailbox" });
    // The set's reason (public: it names what the portal got wrong, nothing the source typed).
    else if (e instanceof RecipientSetError) post({ type: "error", code: "recipients", reason: e.reason });
    else post({ type: "error", code: "internal" });
  }
};

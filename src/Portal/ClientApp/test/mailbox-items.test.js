// tests/Crypto.Tests/TestVectors/mailbox-items.json, the C# reader's vectors, read by the browser's code: signed case
// statuses and consent requests (each refusal), which status is newest, and the consent.json container byte for byte.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { Readable } from "node:stream";
import { buildConsent, newestStatus, openConsentRequest, openStatus } from "../src/mailbox-items.js";
import { verifyItem } from "../src/mailbox.js";
import { containerStream } from "../src/container.js";
import { documentBytes } from "../src/report.js";
import { parseTeamKey } from "../src/signed.js";

const vectors = JSON.parse(readFileSync(new URL("../../../../tests/Crypto.Tests/TestVectors/mailbox-items.json", import.meta.url), "utf8"));
const key = parseTeamKey(vectors.trustedKey);
const bytes = (s) => new TextEncoder().encode(s);

// A refusal is a signed-document reason, or "malformed" from the payload checks (the module's own Error("malformed"),
// invalid UTF-8 or JSON); anything else (a TypeError from a bug) is rethrown, so a broken reader cannot pass a vector.
function outcome(open, c) {
  try {
    return open(bytes(c.plaintext), key, c.mailboxId) === null ? "malformed" : "ok";
  } catch (e) {
    if (e?.reason) return e.reason;
    if (e instanceof SyntaxError || (e instanceof TypeError && /encoded data was not valid/i.test(e.message)) || e?.message === "malformed") {
      return "malformed";
    }
    throw e;
  }
}

// The C# reader says other-mailbox where the JS one just finds no item for this mailbox (null): both refuse.
const expected = (c) => (c.outcome === "other-mailbox" ? "malformed" : c.outcome);

test("case statuses: every vector gives its outcome", () => {
  for (const c of vectors.statuses) assert.equal(outcome(openStatus, c), expected(c), c.name);
});

test("consent requests: every vector gives its outcome", () => {
  for (const c of vectors.consentRequests) assert.equal(outcome(openConsentRequest, c), expected(c), c.name);
});

test("newest status of each set is the expected one", () => {
  for (const c of vectors.newest) {
    const verified = c.plaintexts.map((p) => verifyItem(bytes(p), key, vectors.mailboxId, "2000-01-01")).filter((i) => i.kind === "status");
    assert.equal(newestStatus(verified.map((i) => i.caseStatus))?.id, c.newestId, c.name);
  }
});

test("a mailbox item of each kind is classified by its signed type", () => {
  assert.equal(verifyItem(bytes(vectors.statuses[1].plaintext), key, vectors.mailboxId, "x").caseStatus.referredTo, "an Inspector General’s office");
  assert.deepEqual(verifyItem(bytes(vectors.consentRequests[0].plaintext), key, vectors.mailboxId, "x").request.destinations, ["osc", "oig", "press"]);
  assert.equal(verifyItem(bytes(vectors.statuses[3].plaintext), key, vectors.mailboxId, "1999-01-01").status, "unverified");
});

test("consent answer: the browser writes the container C# writes, byte for byte", async () => {
  const v = vectors.consentAnswer;
  const doc = buildConsent(v.request, v.answers, { caseKey: v.caseKey, mailboxId: vectors.mailboxId, language: v.language });
  assert.equal(new TextDecoder().decode(documentBytes(doc)), v.document);
  const { stream, length } = containerStream("consent.json", documentBytes(doc), []);
  const chunks = [];
  for await (const chunk of Readable.fromWeb(stream)) chunks.push(chunk);
  const written = Buffer.concat(chunks);
  assert.equal(written.length, length);
  assert.equal(written.toString("base64"), v.container);
});

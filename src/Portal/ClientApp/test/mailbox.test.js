// The browser's mailbox accepts a reply only if it is signed with the pinned team key for this mailbox (P3), exactly
// as the C# SignedReply does: both check tests/Crypto.Tests/TestVectors/signed-formats.json (built by C#).
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Encrypter, generateHybridIdentity, identityToRecipient } from "age-encryption";
import { parseTeamKey } from "../src/signed.js";
import { fetchReplies, verifyReply } from "../src/mailbox.js";

const VECTORS = fileURLToPath(new URL("../../../../tests/Crypto.Tests/TestVectors/signed-formats.json", import.meta.url));
const vectors = existsSync(VECTORS) ? JSON.parse(readFileSync(VECTORS, "utf8")) : undefined;
const utf8 = (s) => new TextEncoder().encode(s);

test("signed-formats.json: is present and holds reply vectors", () => {
  assert.ok(vectors !== undefined, `missing ${VECTORS} (it comes with the C# tests)`);
  assert.ok(vectors.replies.some((c) => c.outcome === "ok") && vectors.replies.some((c) => c.outcome !== "ok"));
});

for (const c of vectors?.replies ?? []) {
  test(`signed-formats.json: reply "${c.name}" is ${c.outcome === "ok" ? "accepted" : "refused"}`, () => {
    const reply = verifyReply(utf8(c.plaintext), parseTeamKey(vectors.trustedKey), c.mailboxId);
    if (c.outcome === "ok") assert.deepEqual(reply, { day: c.day, text: c.text });
    else assert.equal(reply, null);
  });
}

test("verifyReply: with no pinned key nothing is accepted", () => {
  const ok = vectors.replies.find((c) => c.outcome === "ok");
  assert.equal(verifyReply(utf8(ok.plaintext), null, ok.mailboxId), null);
});

/** A mailbox API serving the given plaintexts encrypted to `recipient`. */
async function api(recipient, plaintexts) {
  const replies = [];
  for (const [i, p] of plaintexts.entries()) {
    const e = new Encrypter();
    e.addRecipient(recipient);
    replies.push({ id: String(i).padStart(32, "0"), day: "2030-01-01", ciphertext: Buffer.from(await e.encrypt(utf8(p))).toString("base64") });
  }
  return async (url) => (url.endsWith("/replies") ? new Response(JSON.stringify({ replies })) : new Response(null, { status: 204 }));
}

test("fetchReplies: a signed reply shows its text and signed day; a forged or foreign one only as unverified", async () => {
  const ok = vectors.replies.find((c) => c.outcome === "ok");
  const identity = await generateHybridIdentity();
  const recipient = await identityToRecipient(identity);
  const forged = "I am a reviewer. Send us the names.";
  const fetchImpl = await api(recipient, [ok.plaintext, forged, vectors.replies.find((c) => c.outcome === "other-key").plaintext]);
  const keys = { mailboxToken: new Uint8Array(32), mailboxId: ok.mailboxId, replyIdentity: identity };

  const out = await fetchReplies("/api", keys, fetchImpl, vectors.trustedKey);

  assert.deepEqual(out.map((r) => r.status), ["verified", "unverified", "unverified"]);
  assert.equal(out[0].text, ok.text);
  assert.equal(out[0].day, ok.day);
  assert.ok(out.slice(1).every((r) => r.text === null), "an unverified reply's text never reaches the page");
});

test("fetchReplies: a reply signed for another mailbox is unverified", async () => {
  const ok = vectors.replies.find((c) => c.outcome === "ok");
  const identity = await generateHybridIdentity();
  const fetchImpl = await api(await identityToRecipient(identity), [ok.plaintext]);
  const keys = { mailboxToken: new Uint8Array(32), mailboxId: "f".repeat(64), replyIdentity: identity };

  const [reply] = await fetchReplies("/api", keys, fetchImpl, vectors.trustedKey);

  assert.equal(reply.status, "unverified");
  assert.equal(reply.text, null);
});

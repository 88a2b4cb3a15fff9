import { test } from "node:test";
import assert from "node:assert/strict";
import { Decrypter, generateHybridIdentity, generateX25519Identity, identityToRecipient } from "age-encryption";
import { checkRecipients, encryptStream } from "../src/encrypt.js";
import { containerStream } from "../src/container.js";

async function bytes(stream) {
  const parts = [];
  for await (const p of stream) parts.push(p);
  return new Uint8Array(Buffer.concat(parts));
}

test("checkRecipients: refuses an empty list and any mix of post-quantum and X25519", async () => {
  const pq = await identityToRecipient(await generateHybridIdentity());
  const x = await identityToRecipient(await generateX25519Identity());
  assert.deepEqual(checkRecipients([pq, pq]), [pq, pq]);
  assert.deepEqual(checkRecipients([x]), [x]);
  assert.throws(() => checkRecipients([]), /no reviewer/);
  assert.throws(() => checkRecipients([pq, x]), /mix/);
  assert.throws(() => checkRecipients(["age1tag1xyz"]), /mix/);
});

test("encryptStream: declares the exact ciphertext size up front and decrypts to the container for every recipient", async () => {
  const ids = [await generateHybridIdentity(), await generateHybridIdentity()];
  const recipients = await Promise.all(ids.map(identityToRecipient));
  const file = new Uint8Array(200_000).map((_, i) => i % 13);
  const doc = new TextEncoder().encode('{"v":1}');
  const plain = containerStream("report.json", doc, [{ name: "x.bin", blob: new Blob([file]) }]);
  const expected = await bytes(containerStream("report.json", doc, [{ name: "x.bin", blob: new Blob([file]) }]).stream);
  const { stream, size } = await encryptStream(recipients, plain.stream, plain.length);
  const ciphertext = await bytes(stream);
  assert.equal(ciphertext.length, size);
  for (const id of ids) {
    const d = new Decrypter();
    d.addIdentity(id);
    assert.ok(Buffer.from(await d.decrypt(ciphertext)).equals(Buffer.from(expected)));
  }
});

// The upload client against a scripted in-memory server: ordering, chunk sizes, and resuming after lost requests
// and lost acknowledgements without ever re-producing ciphertext.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { upload, UploadError } from "../src/upload.js";

const TOKEN = Buffer.alloc(66, 7).toString("base64url");
const CHUNK = (i) => `PUT /api/uploads/${"a".repeat(32)}/chunks/${i}`;

/** A minimal server speaking the protocol of docs/PORTAL.md#upload-api; `faults` decide what goes wrong on which request. */
function fakeServer({ chunkSize = 1000, faults = {} } = {}) {
  const state = { stored: [], size: 0, completed: false, requests: [] };
  const json = (status, body) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
  const fetch = async (url, init = {}) => {
    const key = `${init.method ?? "GET"} ${url}`;
    state.requests.push(key);
    const fault = faults[key]?.shift?.();
    if (fault === "network") throw new TypeError("network error");
    if (key.startsWith("GET /pow/challenge")) {
      state.challenge = url;
      return json(200, { token: TOKEN, difficultyBits: 4, expiresAt: 0 });
    }
    if (key === "POST /api/uploads") {
      const body = JSON.parse(init.body);
      state.size = body.size;
      state.create = body;
      return json(201, { uploadId: "a".repeat(32), chunkSize, expires: "2030-01-01T00:00:00Z" });
    }
    const m = /\/api\/uploads\/a{32}(?:\/chunks\/(\d+)|\/(complete))?$/.exec(url);
    if (!m) return json(404, {});
    if (m[1] !== undefined) {
      const index = Number(m[1]);
      if (index !== state.stored.length) return json(409, {});
      state.stored.push(Buffer.from(init.body));
      if (fault === "lose-ack") throw new TypeError("connection reset after the server stored it");
      return new Response(null, { status: 204 });
    }
    if (m[2]) {
      state.completed = true;
      return json(201, { receipt: "b".repeat(32) });
    }
    return json(200, { received: state.stored.reduce((a, b) => a + b.length, 0), nextChunk: state.stored.length, size: state.size });
  };
  return { fetch, state };
}

function streamOf(data, piece = 333) {
  let offset = 0;
  return new ReadableStream({
    pull(c) {
      if (offset >= data.length) return c.close();
      c.enqueue(data.slice(offset, offset + piece));
      offset += piece;
    },
  });
}

const data = Buffer.from(Array.from({ length: 4500 }, (_, i) => i % 256));
const options = (server, extra = {}) => ({
  kind: "submission",
  mailboxToken: "c".repeat(64),
  ciphertext: streamOf(data),
  size: data.length,
  onProgress: () => {},
  fetch: server.fetch,
  sleep: async () => {},
  ...extra,
});

test("upload: solves the proof of work, declares the size and sends full chunks in order", async () => {
  const server = fakeServer();
  const receipt = await upload(options(server));
  assert.equal(receipt, "b".repeat(32));
  assert.deepEqual(server.state.stored.map((c) => c.length), [1000, 1000, 1000, 1000, 500]);
  assert.ok(Buffer.concat(server.state.stored).equals(data));
  assert.equal(server.state.create.size, 4500);
  // The challenge is priced for the declared size (docs/PORTAL.md#proof-of-work).
  assert.equal(server.state.challenge, "/pow/challenge?size=4500");
  const { nonce } = server.state.create.pow;
  assert.match(nonce, /^(0|[1-9]\d*)$/);
  const be = Buffer.alloc(8);
  be.writeBigUInt64BE(BigInt(nonce));
  const hash = createHash("sha256").update(Buffer.concat([Buffer.from(TOKEN, "base64url"), be])).digest();
  assert.equal(hash[0] >> 4, 0, "the nonce gives 4 leading zero bits");
  assert.ok(server.state.completed);
});

test("upload: a chunk lost on the way is sent again after asking the server where it stands", async () => {
  const server = fakeServer({ faults: { [CHUNK(2)]: ["network"] } });
  const phases = [];
  await upload(options(server, { onProgress: (p) => phases.push(p.phase) }));
  assert.ok(Buffer.concat(server.state.stored).equals(data));
  assert.ok(phases.includes("retry"));
  assert.ok(server.state.requests.includes("GET /api/uploads/" + "a".repeat(32)));
});

test("upload: a retry says how much the server already holds, so the page can say nothing was lost", async () => {
  const server = fakeServer({ faults: { [CHUNK(2)]: ["network"] } });
  const events = [];
  await upload(options(server, { onProgress: (p) => events.push(p) }));
  const retry = events.find((p) => p.phase === "retry");
  assert.deepEqual({ done: retry.done, total: retry.total }, { done: 2000, total: 4500 });
  assert.deepEqual(events.filter((p) => p.phase === "upload").map((p) => p.done), [1000, 2000, 3000, 4000, 4500]);
});

test("upload: a lost acknowledgement of a stored chunk moves on without sending it twice", async () => {
  const server = fakeServer({ faults: { [CHUNK(1)]: ["lose-ack"] } });
  await upload(options(server));
  assert.equal(server.state.stored.length, 5);
  assert.ok(Buffer.concat(server.state.stored).equals(data));
});

test("upload: gives up with an UploadError after the retry budget", async () => {
  const many = Array.from({ length: 50 }, () => "network");
  const server = fakeServer({ faults: { [CHUNK(0)]: many } });
  await assert.rejects(upload(options(server, { maxAttempts: 3 })), (e) => e instanceof UploadError && e.step === "chunk");
});

test("upload: a server chunk size over 4 MiB is refused (it would break the memory bound)", async () => {
  const server = fakeServer({ chunkSize: 8 * 1024 * 1024 });
  await assert.rejects(upload(options(server)), UploadError);
});

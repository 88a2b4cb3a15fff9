// Client side of the resumable upload protocol (docs/PORTAL.md#upload-api): proof of work, POST /api/uploads
// with the exact ciphertext size, PUT chunks in order, POST complete.
//
// Resuming: age encryption is randomised (fresh file key and nonce), so ciphertext cannot be produced again after
// the fact. Instead each chunk stays in memory until the server acknowledges it (204). On a network error or a 5xx
// the client backs off exponentially, asks GET /api/uploads/{id} where the server stands (nextChunk), and either
// sends the kept chunk again or, if the server had stored it and only the answer was lost, moves on. Memory stays
// bounded: the chunk in flight plus the next one, which is encrypted meanwhile so the network never waits on the CPU.
import { solve } from "./pow.js";
import { Chunker } from "./chunker.js";

export const MAX_CHUNK = 4 * 1024 * 1024;

/** A refusal the source can act on (quota, size, expiry); `status` and `step` let the page pick the message. */
export class UploadError extends Error {
  constructor(step, status) {
    super(`upload ${step} failed${status ? ` with HTTP ${status}` : ""}`);
    this.step = step;
    this.status = status;
  }
}

const retryable = (status) => status === 0 || status >= 500 || status === 408;

/**
 * @typedef {object} UploadOptions
 * @property {string} [api] the API root, "/api" unless the page says otherwise
 * @property {"submission"|"followup"} kind
 * @property {string} mailboxToken 64 lower-case hex
 * @property {ReadableStream<Uint8Array>} ciphertext
 * @property {number} size exact ciphertext length
 * @property {(e: {phase: string, done?: number, total?: number, retryIn?: number}) => void} onProgress "upload" per
 *   acknowledged chunk, "retry" with what the server already holds
 * @property {typeof fetch} [fetch]
 * @property {number} [baseDelayMs] first backoff delay
 * @property {number} [maxAttempts] per request
 * @property {(ms: number) => Promise<void>} [sleep]
 */

/** @param {UploadOptions} o @returns {Promise<string>} the receipt */
export async function upload(o) {
  const http = new Http(o);
  const created = await createUpload(http, o);
  const id = String(created.uploadId);
  if (!/^[0-9a-f]{32}$/.test(id)) throw new UploadError("create", 0);
  // Every chunk but the last must be exactly the server's chunk size; more than 4 MiB would break the memory bound.
  const chunkSize = created.chunkSize;
  if (!Number.isInteger(chunkSize) || chunkSize <= 0 || chunkSize > MAX_CHUNK) throw new UploadError("create", 0);

  const base = `${o.api ?? "/api"}/uploads/${id}`;
  const chunker = new Chunker(o.ciphertext, chunkSize);
  http.total = o.size;
  try {
    let sent = 0;
    let index = 0;
    let pending = chunker.next();
    for (;;) {
      const chunk = await pending;
      if (chunk === null) break;
      // Encrypt the next chunk while this one travels: two chunks in memory at most.
      pending = chunker.next();
      pending.catch(() => {});
      await putChunk(http, base, index, chunk);
      sent += chunk.length;
      http.sent = sent;
      index++;
      o.onProgress({ phase: "upload", done: sent, total: o.size });
    }
    if (sent !== o.size) throw new Error("the ciphertext length differs from the declared size");
  } catch (e) {
    await chunker.cancel(e);
    throw e;
  }

  o.onProgress({ phase: "complete" });
  const done = await http.json("complete", `${base}/complete`, { method: "POST" }, [201]);
  return String(done.receipt);
}

/**
 * Proof of work, then POST /api/uploads. A challenge is single use, so after a network error (when it is unknown
 * whether the server spent it) the next attempt solves a fresh one; an upload created but never used expires.
 */
async function createUpload(http, o) {
  for (let attempt = 1; ; attempt++) {
    o.onProgress({ phase: "pow", done: 0 });
    const challenge = await http.json("pow", `/pow/challenge?size=${o.size}`, { method: "GET" }, [200]);
    const nonce = await solve(challenge.token, challenge.difficultyBits, (tried) => o.onProgress({ phase: "pow", done: tried }));
    const response = await http.request(`${o.api ?? "/api"}/uploads`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ kind: o.kind, mailboxToken: o.mailboxToken, size: o.size, pow: { token: challenge.token, nonce } }),
    });
    const status = response?.status ?? 0;
    if (status === 201) return await response.json();
    // 503 is the global quota or a full disk: worth waiting for. 403/404/413/429 are answers, not accidents.
    if (!retryable(status) || attempt >= http.maxAttempts) throw new UploadError("create", status);
    await http.backoff(attempt);
  }
}

/** PUT one chunk until the server holds it, reconciling with GET /api/uploads/{id} after any doubt. */
async function putChunk(http, base, index, chunk) {
  for (let attempt = 1; ; attempt++) {
    const status = await http.put(`${base}/chunks/${index}`, chunk);
    if (status === 204) return;
    if (status === 413 || status === 404) throw new UploadError("chunk", status);
    if (attempt >= http.maxAttempts) throw new UploadError("chunk", status);
    // Network error, 5xx, 400 (body cut off) or 409 (the server saw a different order): ask where it stands.
    await http.backoff(attempt);
    const state = await http.json("resume", base, { method: "GET" }, [200]);
    if (state.nextChunk === index + 1) return; // stored; only the 204 was lost
    if (state.nextChunk !== index) throw new UploadError("resume", 409);
  }
}

class Http {
  /** @param {UploadOptions} o */
  constructor(o) {
    this.fetch = o.fetch ?? ((...a) => fetch(...a));
    this.baseDelay = o.baseDelayMs ?? 1000;
    this.maxAttempts = o.maxAttempts ?? 12;
    this.sleep = o.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.onProgress = o.onProgress;
    /** Bytes the server has acknowledged, and the total: shown with a retry so the source sees nothing was lost. */
    this.sent = 0;
    this.total = 0;
  }

  /**
   * PUT an octet-stream body; the status, 0 for a network error. fetch, not XMLHttpRequest, although only the latter
   * reports progress within a chunk: a same-origin XMLHttpRequest always sends cookies, and uploads carry none.
   */
  put(url, body) {
    return this.status(url, { method: "PUT", headers: { "Content-Type": "application/octet-stream" }, body });
  }

  /** Exponential backoff with jitter, capped at 30 s, shown on the page so a pause is not mistaken for a hang. */
  async backoff(attempt) {
    const ms = Math.min(30_000, this.baseDelay * 2 ** (attempt - 1)) * (0.75 + Math.random() / 2);
    this.onProgress({ phase: "retry", retryIn: Math.ceil(ms / 1000), done: this.sent, total: this.total });
    await this.sleep(ms);
  }

  /** The response status, 0 for a network error. No cookies, no referrer: requests carry nothing about the source. */
  async status(url, init) {
    const response = await this.request(url, init);
    return response?.status ?? 0;
  }

  async request(url, init) {
    try {
      return await this.fetch(url, { ...init, credentials: "omit", referrerPolicy: "no-referrer", cache: "no-store" });
    } catch {
      return null;
    }
  }

  /** JSON from a request that must answer one of `ok`; retries network errors and 5xx unless told not to. */
  async json(step, url, init, ok, { retry = true } = {}) {
    for (let attempt = 1; ; attempt++) {
      const response = await this.request(url, init);
      const status = response?.status ?? 0;
      if (ok.includes(status)) return await response.json();
      if (!retry || !retryable(status) || attempt >= this.maxAttempts) throw new UploadError(step, status);
      await this.backoff(attempt);
    }
  }
}

// Cuts a byte stream into upload chunks of exactly `size` bytes (the last may be shorter).
// Each chunk is a fresh buffer so an acknowledged one can be dropped while the next is still in use.

export class Chunker {
  /** @param {ReadableStream<Uint8Array>} stream @param {number} size */
  constructor(stream, size) {
    this.reader = stream.getReader();
    this.size = size;
    /** @type {Uint8Array} */
    this.leftover = new Uint8Array(0);
    this.done = false;
  }

  /** @returns {Promise<Uint8Array|null>} the next chunk, or null at the end of the stream */
  async next() {
    const chunk = new Uint8Array(this.size);
    let used = 0;
    while (used < this.size) {
      if (this.leftover.length === 0) {
        if (this.done) break;
        const { value, done } = await this.reader.read();
        if (done) {
          this.done = true;
          break;
        }
        this.leftover = value;
      }
      const n = Math.min(this.size - used, this.leftover.length);
      chunk.set(this.leftover.subarray(0, n), used);
      used += n;
      this.leftover = this.leftover.subarray(n);
    }
    return used === 0 ? null : used === this.size ? chunk : chunk.slice(0, used);
  }

  /** Stops reading (on failure), so file reads and encryption stop too. */
  async cancel(reason) {
    await this.reader.cancel(reason).catch(() => {});
  }
}

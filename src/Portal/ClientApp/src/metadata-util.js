// Small pieces shared by the metadata readers and cleaners.
import { Inflate } from "fflate";

/** A file that is not what its first bytes say, or is cut short: it can be neither checked nor cleaned. */
export class MetadataError extends Error {
  /** @param {string} format */
  constructor(format) {
    super(`malformed ${format}`);
    this.format = format;
  }
}

const VALUE_LIMIT = 200;

/** One line of what was found: group (e.g. "GPS", "PDF Info"), tag and value as text, cut to 200 characters. */
export function finding(group, tag, value) {
  let text = typeof value === "string" ? value : value instanceof Date ? value.toISOString() : JSON.stringify(value) ?? String(value);
  // Control characters would only garble the page; the page shows text through textContent anyway.
  text = text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, " ").trim();
  if (text.length > VALUE_LIMIT) text = `${text.slice(0, VALUE_LIMIT)}…`;
  return { group, tag: String(tag).slice(0, 100), value: text };
}

/** Bytes as ISO-8859-1 text (one character per byte). */
export function latin1(b) {
  let s = "";
  for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode(...b.subarray(i, i + 8192));
  return s;
}

/** UTF-8 text, replacing what is not UTF-8. */
export function textOf(b) {
  return new TextDecoder("utf-8", { fatal: false }).decode(b).replace(/\0+$/, "");
}

/**
 * zlib/deflate data inflated up to `limit` bytes; more (a decompression bomb) or a broken stream is a MetadataError.
 * Feeds 1 KiB at a time (deflate expands at most about 1,032 times), so a bomb stops at the limit without allocating its full size.
 * @param {Uint8Array} data
 * @param {number} limit
 * @param {boolean} [raw] raw deflate (zip) instead of zlib (PNG)
 */
export function boundedInflate(data, limit, raw = false) {
  // zlib: a 2-byte header; fflate's Inflate takes raw deflate.
  let input = data;
  if (!raw) {
    if (data.length < 2 || (data[0] & 0x0f) !== 8 || ((data[0] << 8) | data[1]) % 31 !== 0) throw new MetadataError("deflate");
    input = data.subarray(2);
  }
  const parts = [];
  let total = 0;
  let over = false;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > limit) over = true;
    else parts.push(chunk);
  });
  try {
    for (let i = 0; i < input.length && !over; i += 1024) inflater.push(input.subarray(i, i + 1024), false);
    // Finishing checks that the stream ended; a stream cut short throws.
    if (!over) inflater.push(new Uint8Array(0), true);
  } catch {
    throw new MetadataError("deflate");
  }
  if (over) throw new MetadataError("deflate");
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

// PDF: the document information dictionary (Author, Creator, Producer, dates…) of every revision, and XMP metadata
// streams. Cleaning is in place and conservative: each Info string becomes empty and each XMP packet an empty packet,
// padded with spaces to the same length, so every byte offset (the cross-reference tables) stays valid and nothing
// else in the file changes. A PDF whose Info sits in a compressed object stream, or whose XMP is compressed, cannot be
// cleaned this way and is reported as such rather than rewritten (docs/PORTAL.md#hidden-metadata).
import { MetadataError, boundedInflate, finding, latin1 } from "./metadata-util.js";

const WS = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIM = new Set([..."()<>[]{}/%"].map((c) => c.charCodeAt(0)));
const MAX_DEPTH = 32;
const MAX_DICT = 1 << 20;
const XMP_LIMIT = 4 << 20;

function skipSpace(b, i) {
  for (;;) {
    while (i < b.length && WS.has(b[i])) i++;
    if (b[i] !== 0x25) return i; // %
    while (i < b.length && b[i] !== 0x0a && b[i] !== 0x0d) i++;
  }
}

/** The end of the literal string starting at b[i] === "(": balanced parentheses, backslash escapes. */
function endOfString(b, i) {
  let depth = 0;
  for (; i < b.length; i++) {
    if (b[i] === 0x5c) i++;
    else if (b[i] === 0x28) depth++;
    else if (b[i] === 0x29 && --depth === 0) return i + 1;
  }
  throw new MetadataError("pdf");
}

/** The end of the PDF object starting at i (after space): string, hex string, dictionary, array, name or token. */
function endOfValue(b, i, depth) {
  if (depth > MAX_DEPTH || i >= b.length) throw new MetadataError("pdf");
  const c = b[i];
  if (c === 0x28) return endOfString(b, i);
  if (c === 0x3c && b[i + 1] === 0x3c) return parseDict(b, i, depth + 1).end;
  if (c === 0x3c) {
    const end = b.indexOf(0x3e, i);
    if (end < 0) throw new MetadataError("pdf");
    return end + 1;
  }
  if (c === 0x5b) {
    let j = skipSpace(b, i + 1);
    while (b[j] !== 0x5d) {
      j = skipSpace(b, endOfValue(b, j, depth + 1));
      if (j >= b.length) throw new MetadataError("pdf");
    }
    return j + 1;
  }
  let j = c === 0x2f ? i + 1 : i;
  while (j < b.length && !WS.has(b[j]) && !DELIM.has(b[j])) j++;
  if (j === i) throw new MetadataError("pdf");
  return j;
}

const REF = /^(\d+)\s+(\d+)\s+R/;

/**
 * The dictionary starting at b[i] === "<<": its entries [{key, start, end, kind, ref}] and end. kind is "string",
 * "hex", "ref" (ref = object number) or "other".
 */
function parseDict(b, i, depth = 0) {
  if (b[i] !== 0x3c || b[i + 1] !== 0x3c) throw new MetadataError("pdf");
  const limit = i + MAX_DICT;
  const entries = [];
  let j = skipSpace(b, i + 2);
  while (!(b[j] === 0x3e && b[j + 1] === 0x3e)) {
    if (j >= b.length || j > limit || b[j] !== 0x2f) throw new MetadataError("pdf");
    const keyEnd = endOfValue(b, j, depth);
    const key = latin1(b.subarray(j + 1, keyEnd));
    const start = skipSpace(b, keyEnd);
    let end = endOfValue(b, start, depth);
    let kind = b[start] === 0x28 ? "string" : b[start] === 0x3c && b[start + 1] !== 0x3c ? "hex" : "other";
    let ref;
    const ahead = REF.exec(latin1(b.subarray(start, Math.min(b.length, start + 32))));
    if (ahead) {
      kind = "ref";
      ref = Number(ahead[1]);
      end = start + ahead[0].length;
    }
    entries.push({ key, start, end, kind, ref });
    j = skipSpace(b, end);
  }
  return { entries, end: j + 2 };
}

/** PDF text string: UTF-16BE with BOM, else PDFDocEncoding (read as Latin-1, close enough to show). */
function decodeString(b, e) {
  const raw = b.subarray(e.start, e.end);
  let bytes;
  if (e.kind === "hex") {
    const hex = latin1(raw).replace(/[^0-9a-fA-F]/g, "");
    bytes = Uint8Array.from((hex + (hex.length % 2 ? "0" : "")).match(/../g) ?? [], (h) => parseInt(h, 16));
  } else {
    const out = [];
    for (let i = 1; i < raw.length - 1; i++) {
      if (raw[i] !== 0x5c) {
        out.push(raw[i]);
        continue;
      }
      const n = raw[++i];
      const simple = { 0x6e: 10, 0x72: 13, 0x74: 9, 0x62: 8, 0x66: 12 }[n];
      if (simple !== undefined) out.push(simple);
      else if (n >= 0x30 && n <= 0x37) {
        let v = n - 0x30;
        for (let k = 0; k < 2 && raw[i + 1] >= 0x30 && raw[i + 1] <= 0x37; k++) v = v * 8 + raw[++i] - 0x30;
        out.push(v & 0xff);
      } else if (n !== 0x0a && n !== 0x0d) out.push(n);
    }
    bytes = Uint8Array.from(out);
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  return latin1(bytes);
}

/** Every "N G obj" header: object number → positions just after "obj" (several with incremental updates). */
function objectIndex(text) {
  const index = new Map();
  for (const m of text.matchAll(/(?<![0-9])(\d{1,10})\s+\d{1,5}\s+obj\b/g)) {
    const list = index.get(Number(m[1])) ?? [];
    list.push(m.index + m[0].length);
    index.set(Number(m[1]), list);
  }
  return index;
}

/**
 * Reads a PDF: its Info strings, its XMP streams, and what could not be read or cleaned.
 * @param {Uint8Array} b
 * @returns {{findings: object[], unchecked: string|null, cleanable: boolean, edits: {start: number, end: number, kind: string}[]}}
 */
export function readPdf(b) {
  const head = latin1(b.subarray(0, 1024));
  if (!head.includes("%PDF-")) throw new MetadataError("pdf");
  const text = latin1(b);
  if (/\/Encrypt\s*(\d+\s+\d+\s+R|<<)/.test(text)) return { findings: [], unchecked: "pdf-encrypted", cleanable: false, edits: [] };
  const index = objectIndex(text);
  const findings = [];
  const edits = [];
  let cleanable = true;
  let unchecked = null;

  const infoNumbers = new Set([...text.matchAll(/\/Info\s+(\d{1,10})\s+\d{1,5}\s+R/g)].map((m) => Number(m[1])));
  for (const n of infoNumbers) {
    const places = index.get(n);
    if (!places) {
      // In a compressed object stream: we would have to rewrite the stream to clean it.
      cleanable = false;
      unchecked = "pdf-compressed";
      continue;
    }
    for (const at of places) {
      const start = skipSpace(b, at);
      if (b[start] !== 0x3c) continue;
      for (const e of parseDict(b, start).entries) {
        if (e.kind === "string" || e.kind === "hex") {
          findings.push(finding("PDF Info", e.key, decodeString(b, e)));
          edits.push({ start: e.start, end: e.end, kind: e.kind });
        } else if (e.kind === "ref") {
          // A string kept as its own object: blank that object's string too.
          for (const p of index.get(e.ref) ?? []) {
            const s = skipSpace(b, p);
            if (b[s] !== 0x28 && b[s] !== 0x3c) continue;
            const v = { start: s, end: endOfValue(b, s, 0), kind: b[s] === 0x28 ? "string" : "hex" };
            if (v.kind === "hex" && b[s + 1] === 0x3c) continue;
            findings.push(finding("PDF Info", e.key, decodeString(b, v)));
            edits.push(v);
          }
        }
      }
    }
  }

  for (const m of text.matchAll(/\/Type\s*\/Metadata\b/g)) {
    // The dictionary holding this key starts at the nearest "<<" after the object's "obj" keyword.
    const objAt = text.lastIndexOf("obj", m.index);
    const dictAt = objAt < 0 ? -1 : text.indexOf("<<", objAt);
    if (dictAt < 0 || dictAt > m.index) continue;
    let dict;
    try {
      dict = parseDict(b, dictAt);
    } catch {
      continue;
    }
    if (dict.end < m.index) continue;
    const streamAt = skipSpace(b, dict.end);
    if (latin1(b.subarray(streamAt, streamAt + 6)) !== "stream") continue;
    const dataStart = streamAt + 6 + (b[streamAt + 6] === 0x0d ? 2 : 1);
    const lengthEntry = dict.entries.find((e) => e.key === "Length");
    let length = lengthEntry && lengthEntry.kind === "other" ? Number(latin1(b.subarray(lengthEntry.start, lengthEntry.end))) : NaN;
    if (lengthEntry?.kind === "ref") {
      const p = index.get(lengthEntry.ref)?.at(-1);
      if (p !== undefined) length = Number(/^\s*(\d+)/.exec(latin1(b.subarray(p, p + 32)))?.[1]);
    }
    if (!Number.isSafeInteger(length) || length < 0 || dataStart + length > b.length) throw new MetadataError("pdf");
    const data = b.subarray(dataStart, dataStart + length);
    const filter = dict.entries.find((e) => e.key === "Filter");
    if (filter) {
      cleanable = false;
      unchecked ??= "pdf-compressed";
      const flate = latin1(b.subarray(filter.start, filter.end)).replace(/[\s[\]]/g, "") === "/FlateDecode";
      findings.push(...xmpFindings(flate ? latin1Safe(() => boundedInflate(data, XMP_LIMIT)) : ""));
      if (!flate) findings.push(finding("PDF", "XMP", `compressed, ${length} bytes`));
    } else {
      findings.push(...xmpFindings(new TextDecoder().decode(data)));
      edits.push({ start: dataStart, end: dataStart + length, kind: "xmp" });
    }
  }
  return { findings, unchecked, cleanable, edits };
}

function latin1Safe(inflate) {
  try {
    return new TextDecoder().decode(inflate());
  } catch {
    return "";
  }
}

/** Leaf properties of an XMP packet: <ns:Name>value</ns:Name>, the first item of rdf lists, and ns:Name="value". */
export function xmpFindings(xmp) {
  const found = [];
  for (const m of xmp.matchAll(/<([A-Za-z][\w.-]*:[A-Za-z][\w.-]*)(?:\s[^>]*)?>([^<]+)<\/\1>/g)) {
    if (!m[1].startsWith("rdf:") && m[2].trim()) found.push(finding("XMP", m[1], m[2]));
  }
  for (const m of xmp.matchAll(/<([A-Za-z][\w.-]*:[A-Za-z][\w.-]*)>\s*<rdf:(?:Seq|Bag|Alt)>\s*<rdf:li[^>]*>([^<]*)<\/rdf:li>/g)) {
    found.push(finding("XMP", m[1], m[2]));
  }
  for (const m of xmp.matchAll(/\s([A-Za-z][\w.-]*:[A-Za-z][\w.-]*)=["']([^"']+)["']/g)) {
    if (!/^(xmlns|rdf|x|xml):/.test(m[1])) found.push(finding("XMP", m[1], m[2]));
  }
  return found;
}

const EMPTY_XMP = '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"></x:xmpmeta>';
const XMP_END = '<?xpacket end="w"?>';

/**
 * A copy with every Info string emptied and every XMP packet replaced by an empty one, each padded with spaces to its
 * old length. Throws MetadataError when the PDF cannot be cleaned in place (see readPdf).
 * @param {Uint8Array} b
 */
export function cleanPdf(b) {
  const { cleanable, edits } = readPdf(b);
  if (!cleanable) throw new MetadataError("pdf");
  const out = b.slice();
  for (const e of edits) {
    const length = e.end - e.start;
    out.fill(0x20, e.start, e.end);
    if (e.kind === "string") out.set([0x28, 0x29], e.start);
    else if (e.kind === "hex") out.set([0x3c, 0x3e], e.start);
    else if (length >= EMPTY_XMP.length + XMP_END.length) {
      out.set(new TextEncoder().encode(EMPTY_XMP), e.start);
      out.set(new TextEncoder().encode(XMP_END), e.end - XMP_END.length);
    }
  }
  return out;
}

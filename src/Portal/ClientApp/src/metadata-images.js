// JPEG and PNG: walk the file's own structure (segments, chunks), list what a reader of it finds, and write a copy
// without the parts that carry metadata. The image data (JPEG scans and tables, PNG IDAT) is copied byte for byte,
// so cleaning never touches a pixel (docs/PORTAL.md#hidden-metadata).
import { MetadataError, finding, latin1, textOf, boundedInflate } from "./metadata-util.js";

const JPEG_SOI = 0xd8;
const JPEG_EOI = 0xd9;
const JPEG_SOS = 0xda;

/** True for a marker that has no length field (SOI, EOI, RSTn, TEM). */
const standalone = (m) => m === JPEG_SOI || m === JPEG_EOI || (m >= 0xd0 && m <= 0xd7) || m === 0x01;

/**
 * Every marker segment of a JPEG, scans included: [{marker, start, end}], where bytes start..end are the segment
 * with its marker (and, after SOS, its entropy-coded data). Stops at EOI; what follows EOI is not part of the image.
 * Throws MetadataError on anything truncated or malformed; the walk is linear in the file, so it cannot loop.
 * @param {Uint8Array} b
 */
export function jpegSegments(b) {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== JPEG_SOI) throw new MetadataError("jpeg");
  const segments = [{ marker: JPEG_SOI, start: 0, end: 2 }];
  let i = 2;
  for (;;) {
    if (i + 2 > b.length || b[i] !== 0xff) throw new MetadataError("jpeg");
    // Fill bytes (0xFF repeated) may precede a marker.
    let m = b[i + 1];
    let start = i;
    while (m === 0xff) {
      i++;
      if (i + 2 > b.length) throw new MetadataError("jpeg");
      m = b[i + 1];
    }
    if (m === JPEG_EOI) {
      segments.push({ marker: m, start, end: i + 2 });
      return segments;
    }
    if (standalone(m)) {
      segments.push({ marker: m, start, end: i + 2 });
      i += 2;
      continue;
    }
    if (i + 4 > b.length) throw new MetadataError("jpeg");
    const length = (b[i + 2] << 8) | b[i + 3];
    if (length < 2 || i + 2 + length > b.length) throw new MetadataError("jpeg");
    let end = i + 2 + length;
    if (m === JPEG_SOS) {
      // Entropy-coded data runs to the next marker that is not a stuffed 0xFF00 or a restart marker.
      while (end + 1 < b.length && !(b[end] === 0xff && b[end + 1] !== 0x00 && !(b[end + 1] >= 0xd0 && b[end + 1] <= 0xd7) && b[end + 1] !== 0xff)) end++;
      if (end + 1 >= b.length) throw new MetadataError("jpeg");
    }
    segments.push({ marker: m, start, end });
    i = end;
  }
}

const startsWith = (b, at, text) => latin1(b.subarray(at, at + text.length)) === text;

/** What a JPEG segment holds, for the cleaner's decision: "jfif", "icc", "adobe", "exif", "xmp", "iptc", "com", "app", "image". */
function jpegKind(b, s) {
  const m = s.marker;
  const body = s.start + 4;
  if (m === 0xfe) return "com";
  if (m < 0xe0 || m > 0xef) return "image";
  if (m === 0xe0 && startsWith(b, body, "JFIF\0")) return "jfif";
  if (m === 0xe2 && startsWith(b, body, "ICC_PROFILE\0")) return "icc";
  if (m === 0xee && startsWith(b, body, "Adobe")) return "adobe";
  if (m === 0xe1 && startsWith(b, body, "Exif\0")) return "exif";
  if (m === 0xe1 && startsWith(b, body, "http://ns.adobe.com/")) return "xmp";
  if (m === 0xed) return "iptc";
  return "app";
}

/** Findings a JPEG's own segments give beyond exifr's: comments and segments of unknown kinds. */
export function jpegFindings(b) {
  const found = [];
  let trailing = 0;
  const segments = jpegSegments(b);
  for (const s of segments) {
    const kind = jpegKind(b, s);
    if (kind === "com") found.push(finding("JPEG", "Comment", textOf(b.subarray(s.start + 4, s.end))));
    if (kind === "app") found.push(finding("JPEG", `APP${s.marker - 0xe0}`, `${s.end - s.start - 4} bytes`));
    if (kind === "jfif" && s.end - s.start >= 18 && (b[s.start + 16] > 0 || b[s.start + 17] > 0)) found.push(finding("JFIF", "Thumbnail", "embedded"));
  }
  trailing = b.length - segments[segments.length - 1].end;
  if (trailing > 0) found.push(finding("JPEG", "Data after the image", `${trailing} bytes`));
  return found;
}

/**
 * A minimal APP1 Exif segment holding only the Orientation tag, so a cleaned photo still shows the right way up.
 * @param {number} orientation 2–8
 */
function orientationSegment(orientation) {
  // "Exif\0\0", then a big-endian TIFF header, one IFD with one SHORT entry (0x0112), no next IFD.
  const tiff = [0x4d, 0x4d, 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0];
  const body = [0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff];
  const length = body.length + 2;
  return Uint8Array.from([0xff, 0xe1, length >> 8, length & 0xff, ...body]);
}

/** Kept: JFIF (without its thumbnail), the ICC profile (colours) and Adobe's APP14 (the colour transform decoders need). */
const JPEG_KEEP = new Set(["image", "jfif", "icc", "adobe"]);

/**
 * A copy without EXIF, XMP, IPTC/Photoshop, comments, other APPn segments, the JFIF thumbnail and anything after EOI.
 * @param {Uint8Array} b
 * @param {number} [orientation] the EXIF orientation to keep (2–8), from the reader
 */
export function cleanJpeg(b, orientation) {
  const parts = [];
  for (const s of jpegSegments(b)) {
    const kind = jpegKind(b, s);
    if (!JPEG_KEEP.has(kind)) continue;
    if (kind === "jfif" && s.end - s.start > 18) {
      // JFIF 1.0x header without thumbnail: "JFIF\0", version, units, densities, 0×0 thumbnail.
      const head = b.slice(s.start, s.start + 18);
      head[2] = 0;
      head[3] = 16;
      head[16] = 0;
      head[17] = 0;
      parts.push(head);
    } else {
      parts.push(b.subarray(s.start, s.end));
    }
    if (s.marker === JPEG_SOI && Number.isInteger(orientation) && orientation >= 2 && orientation <= 8) parts.push(orientationSegment(orientation));
  }
  return concat(parts);
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * The chunks of a PNG up to and including IEND: [{type, start, end, data: [from, to]}]. Throws MetadataError on a bad
 * signature, a chunk running past the end or a missing IEND.
 * @param {Uint8Array} b
 */
export function pngChunks(b) {
  if (b.length < 8 || PNG_SIGNATURE.some((v, i) => b[i] !== v)) throw new MetadataError("png");
  const chunks = [];
  let i = 8;
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  while (i + 12 <= b.length) {
    const length = view.getUint32(i);
    const type = latin1(b.subarray(i + 4, i + 8));
    if (!/^[A-Za-z]{4}$/.test(type) || length > b.length - i - 12) throw new MetadataError("png");
    chunks.push({ type, start: i, end: i + 12 + length, data: [i + 8, i + 8 + length] });
    i += 12 + length;
    if (type === "IEND") return chunks;
  }
  throw new MetadataError("png");
}

/**
 * Ancillary chunks kept because they change how the pixels look (transparency, colour, gamma, physical size) or
 * animate them (APNG). Everything else ancillary goes: tEXt, zTXt, iTXt, eXIf, tIME and chunks we do not know.
 */
const PNG_KEEP = new Set(["tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "sBIT", "pHYs", "bKGD", "hIST", "sPLT", "cICP", "mDCv", "cLLI", "acTL", "fcTL", "fdAT"]);
const critical = (type) => type.charCodeAt(0) < 0x61;

const TEXT_LIMIT = 64 * 1024;

/** The keyword and text of a tEXt, zTXt or iTXt chunk (compressed text inflated up to 64 KiB). */
function pngText(type, d) {
  const nul = d.indexOf(0);
  if (nul < 1) throw new MetadataError("png");
  const keyword = latin1(d.subarray(0, nul));
  if (type === "tEXt") return [keyword, latin1(d.subarray(nul + 1))];
  if (type === "zTXt") return [keyword, latin1(boundedInflate(d.subarray(nul + 2), TEXT_LIMIT))];
  // iTXt: keyword\0 flag method language\0 translated keyword\0 text (UTF-8)
  const compressed = d[nul + 1] === 1;
  const lang = d.indexOf(0, nul + 3);
  const translated = lang < 0 ? -1 : d.indexOf(0, lang + 1);
  if (translated < 0) throw new MetadataError("png");
  const text = d.subarray(translated + 1);
  return [keyword, textOf(compressed ? boundedInflate(text, TEXT_LIMIT) : text)];
}

/** Findings from a PNG's own chunks: text chunks, tIME, and unknown ancillary chunks (exifr reads eXIf and XMP). */
export function pngFindings(b) {
  const found = [];
  for (const c of pngChunks(b)) {
    const d = b.subarray(c.data[0], c.data[1]);
    if (c.type === "tEXt" || c.type === "zTXt" || c.type === "iTXt") {
      const [keyword, text] = pngText(c.type, d);
      found.push(finding(`PNG ${c.type}`, keyword, keyword === "XML:com.adobe.xmp" ? `XMP, ${text.length} characters` : text));
    } else if (c.type === "tIME" && d.length === 7) {
      const pad = (n) => String(n).padStart(2, "0");
      found.push(finding("PNG tIME", "ModifyDate", `${(d[0] << 8) | d[1]}-${pad(d[2])}-${pad(d[3])} ${pad(d[4])}:${pad(d[5])}:${pad(d[6])}`));
    } else if (c.type === "eXIf") {
      found.push(finding("PNG eXIf", "EXIF", `${d.length} bytes`));
    } else if (!critical(c.type) && !PNG_KEEP.has(c.type)) {
      found.push(finding("PNG", c.type, `${d.length} bytes`));
    }
  }
  return found;
}

/** A copy with only critical chunks and those in PNG_KEEP, in their order, and nothing after IEND. */
export function cleanPng(b) {
  const parts = [b.subarray(0, 8)];
  for (const c of pngChunks(b)) if (critical(c.type) || PNG_KEEP.has(c.type)) parts.push(b.subarray(c.start, c.end));
  return concat(parts);
}

/** @param {Uint8Array[]} parts */
export function concat(parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

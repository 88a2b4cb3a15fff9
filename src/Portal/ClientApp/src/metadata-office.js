// Office Open XML (docx, xlsx, pptx): a zip whose docProps/core.xml, app.xml and custom.xml name the author, the last
// editor, the company, the template, dates and custom fields. The cleaner copies every other entry's compressed bytes
// unchanged (so the document's text is never re-encoded), replaces those three parts with empty ones, and drops what
// the zip itself adds: entry dates (set to 1980-01-01), extra fields (timestamps, owner ids) and comments.
import { deflateSync } from "fflate";
import { MetadataError, boundedInflate, finding, textOf } from "./metadata-util.js";
import { concat } from "./metadata-images.js";

const MAX_ENTRIES = 20_000;
const PART_LIMIT = 1 << 20;

const EMPTY_PARTS = {
  "docprops/core.xml":
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"></cp:coreProperties>',
  "docprops/app.xml":
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"></Properties>',
  "docprops/custom.xml":
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"></Properties>',
};

/** Parts that hold people's names inside the document's content; listed, never changed. */
const CONTENT_WITH_NAMES = /^(word\/comments[^/]*\.xml|word\/people\.xml|xl\/comments\d*\.xml|xl\/persons\/|xl\/threadedComments\/|ppt\/comments\/|ppt\/commentAuthors\.xml|ppt\/authors\.xml)/i;

/**
 * The central directory of a zip: [{name, method, flags, crc, csize, usize, localOffset, dataStart}]. Refuses Zip64,
 * split archives, encrypted entries, more than 20,000 entries and anything pointing outside the file.
 * @param {Uint8Array} b
 */
export function zipEntries(b) {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new MetadataError("zip");
  const count = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (view.getUint16(eocd + 4, true) !== 0 || view.getUint16(eocd + 6, true) !== 0 || count === 0xffff || cdOffset === 0xffffffff) throw new MetadataError("zip");
  if (count > MAX_ENTRIES || cdOffset + cdSize > eocd) throw new MetadataError("zip");
  const entries = [];
  let i = cdOffset;
  for (let n = 0; n < count; n++) {
    if (i + 46 > eocd || view.getUint32(i, true) !== 0x02014b50) throw new MetadataError("zip");
    const flags = view.getUint16(i + 8, true);
    const nameLength = view.getUint16(i + 28, true);
    const next = i + 46 + nameLength + view.getUint16(i + 30, true) + view.getUint16(i + 32, true);
    const entry = {
      name: textOf(b.subarray(i + 46, i + 46 + nameLength)),
      rawName: b.subarray(i + 46, i + 46 + nameLength),
      versionNeeded: view.getUint16(i + 6, true),
      flags,
      method: view.getUint16(i + 10, true),
      crc: view.getUint32(i + 16, true),
      csize: view.getUint32(i + 20, true),
      usize: view.getUint32(i + 24, true),
      localOffset: view.getUint32(i + 42, true),
    };
    if (next > eocd || entry.csize === 0xffffffff || entry.usize === 0xffffffff || entry.localOffset + 30 > cdOffset) throw new MetadataError("zip");
    if (view.getUint32(entry.localOffset, true) !== 0x04034b50) throw new MetadataError("zip");
    entry.dataStart = entry.localOffset + 30 + view.getUint16(entry.localOffset + 26, true) + view.getUint16(entry.localOffset + 28, true);
    if (entry.dataStart + entry.csize > cdOffset) throw new MetadataError("zip");
    entries.push(entry);
    i = next;
  }
  return entries;
}

/** An entry's bytes, inflated up to 1 MiB (docProps parts are a few KiB). */
function partBytes(b, e) {
  if (e.flags & 1) throw new MetadataError("zip");
  const data = b.subarray(e.dataStart, e.dataStart + e.csize);
  if (e.method === 8) return boundedInflate(data, PART_LIMIT, true);
  if (e.method !== 0 || data.length > PART_LIMIT) throw new MetadataError("zip");
  return data;
}

const decodeXml = (s) =>
  s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e) =>
    ({ lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" })[e.toLowerCase()] ??
    String.fromCodePoint(Math.min(0x10ffff, e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10))));

/** "docx", "xlsx", "pptx" or null (another kind of zip). */
export function officeKind(entries) {
  if (!entries.some((e) => e.name === "[Content_Types].xml")) return null;
  if (entries.some((e) => e.name.startsWith("word/"))) return "docx";
  if (entries.some((e) => e.name.startsWith("xl/"))) return "xlsx";
  if (entries.some((e) => e.name.startsWith("ppt/"))) return "pptx";
  return null;
}

/**
 * What the docProps parts say, and parts whose content names people (comments, tracked-change authors).
 * @param {Uint8Array} b
 */
export function officeFindings(b) {
  const entries = zipEntries(b);
  if (entries.some((e) => e.flags & 1)) return { findings: [], unchecked: "encrypted" };
  const found = [];
  for (const e of entries) {
    const key = e.name.toLowerCase();
    if (key === "docprops/core.xml" || key === "docprops/app.xml") {
      const xml = textOf(partBytes(b, e));
      for (const m of xml.matchAll(/<(?:[\w.-]+:)?([\w.-]+)(?:\s[^>]*)?>([^<]+)<\/(?:[\w.-]+:)?\1>/g)) {
        // app.xml's heading pairs and part titles are the document's own outline: not shown.
        if (key === "docprops/app.xml" && /^(lpstr|i4|variant|vector)$/i.test(m[1])) continue;
        found.push(finding(key === "docprops/core.xml" ? "Office core" : "Office app", m[1], decodeXml(m[2])));
      }
    } else if (key === "docprops/custom.xml") {
      const xml = textOf(partBytes(b, e));
      for (const m of xml.matchAll(/<(?:[\w.-]+:)?property\b[^>]*\bname="([^"]*)"[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?property>/g)) {
        found.push(finding("Office custom", decodeXml(m[1]), decodeXml(m[2].replace(/<[^>]*>/g, " "))));
      }
    } else if (CONTENT_WITH_NAMES.test(e.name)) {
      found.push(finding("Not removed", e.name, "comments or their authors: part of the document's content"));
    } else if (IMAGE_PART.test(e.name)) {
      // A photo pasted into a document keeps its own EXIF (GPS, camera serial); this cleaner does not rewrite images.
      const what = imageMetadata(entryBytes(b, e, IMAGE_LIMIT));
      if (what) found.push(finding("Embedded image", e.name, what));
    } else if (key === "xl/workbook.xml" || key.endsWith(".rels")) {
      // Excel's absPath is the folder the file was saved in (often C:\Users\<name>\…); a relationship to file:// or
      // a UNC path names a template or linked file on someone's disk or share.
      const xml = textOf(partBytes(b, e));
      for (const m of xml.matchAll(/<(?:[\w.-]+:)?absPath\b[^>]*\burl="([^"]*)"/g)) found.push(finding("Office path", "absPath", decodeXml(m[1])));
      for (const m of xml.matchAll(/\bTarget="((?:file:|\\\\)[^"]*)"/gi)) found.push(finding("Office path", e.name, decodeXml(m[1])));
    }
  }
  return { findings: found, unchecked: null };
}

const IMAGE_PART = /\.(jpe?g|png)$/i;
const IMAGE_LIMIT = 50 * 1024 * 1024;
const SIGNATURES = [
  ["EXIF", [0x45, 0x78, 0x69, 0x66, 0x00, 0x00]],
  ["XMP", [...new TextEncoder().encode("http://ns.adobe.com/xap/")]],
  ["IPTC", [...new TextEncoder().encode("Photoshop 3.0")]],
  ["PNG text", [...new TextEncoder().encode("tEXt")]],
  ["PNG text", [...new TextEncoder().encode("iTXt")]],
  ["PNG text", [...new TextEncoder().encode("zTXt")]],
  ["PNG EXIF", [...new TextEncoder().encode("eXIf")]],
];

/**
 * Which kinds of metadata an image's bytes carry ("EXIF, XMP"), or "" (a plain byte search: no parsing to trick).
 * `only` limits the kinds looked for (a PDF's own XMP is cleaned elsewhere; its images' EXIF and IPTC are not).
 */
export function imageMetadata(bytes, only = null) {
  const kinds = SIGNATURES.filter(([name, sig]) => (!only || only.includes(name)) && indexOf(bytes, sig) >= 0).map(([name]) => name);
  return [...new Set(kinds)].join(", ");
}

function indexOf(bytes, sig) {
  outer: for (let i = 0; i + sig.length <= bytes.length; i++) {
    for (let k = 0; k < sig.length; k++) if (bytes[i + k] !== sig[k]) continue outer;
    return i;
  }
  return -1;
}

function entryBytes(b, e, limit) {
  if (e.flags & 1) throw new MetadataError("zip");
  const data = b.subarray(e.dataStart, e.dataStart + e.csize);
  if (e.method === 8) return boundedInflate(data, limit, true);
  if (e.method !== 0 || data.length > limit) throw new MetadataError("zip");
  return data;
}

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(data) {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * A copy of the document with empty docProps parts and no zip dates, extra fields or comments. Other entries keep
 * their compressed bytes, CRC and sizes exactly.
 * @param {Uint8Array} b
 */
export function cleanOffice(b) {
  const entries = zipEntries(b);
  if (entries.some((e) => e.flags & 1)) throw new MetadataError("zip");
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const e of entries) {
    let { method, crc, csize, usize } = e;
    let data = b.subarray(e.dataStart, e.dataStart + e.csize);
    const replacement = EMPTY_PARTS[e.name.toLowerCase()];
    if (replacement !== undefined) {
      const plain = new TextEncoder().encode(replacement);
      data = deflateSync(plain, { level: 6 });
      method = 8;
      crc = crc32(plain);
      csize = data.length;
      usize = plain.length;
    }
    // Bit 3 (sizes in a data descriptor after the data) is cleared: the sizes go in the local header instead.
    const flags = e.flags & 0x0806;
    const local = new Uint8Array(30 + e.rawName.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, Math.max(20, e.versionNeeded & 0xff), true);
    lv.setUint16(6, flags, true);
    lv.setUint16(8, method, true);
    lv.setUint16(10, 0, true); // 00:00:00
    lv.setUint16(12, 0x21, true); // 1980-01-01
    lv.setUint32(14, crc, true);
    lv.setUint32(18, csize, true);
    lv.setUint32(22, usize, true);
    lv.setUint16(26, e.rawName.length, true);
    local.set(e.rawName, 30);
    const central = new Uint8Array(46 + e.rawName.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true); // made by: MS-DOS, spec 2.0 (no host-specific attributes)
    central.set(local.subarray(4, 28), 6);
    cv.setUint32(42, offset, true);
    central.set(e.rawName, 46);
    locals.push(local, data);
    centrals.push(central);
    offset += local.length + data.length;
  }
  const cdSize = centrals.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  return concat([...locals, ...centrals, end]);
}

// Hidden metadata in the files a source chose (docs/PORTAL.md#hidden-metadata): read locally in the worker, listed
// for the source, and removed from a cleaned copy, before anything is encrypted. Nothing here touches the network.
//
// Libraries: exifr reads EXIF (GPS, serials, owner, times), XMP and IPTC in JPEG, PNG, TIFF and HEIC; fflate inflates
// and deflates the few compressed parts we read or write (PNG text, Office docProps, PDF XMP). The structure walks
// and cleaners (metadata-images.js, metadata-pdf.js, metadata-office.js) are ours: no maintained library removes
// metadata while copying image data, text and zip entries byte for byte.
import exifr from "exifr";
import { MetadataError, finding } from "./metadata-util.js";
import { cleanJpeg, cleanPng, jpegFindings, pngFindings } from "./metadata-images.js";
import { cleanPdf, readPdf } from "./metadata-pdf.js";
import { cleanOffice, imageMetadata, officeFindings, officeKind, zipEntries } from "./metadata-office.js";

/** Files larger than this are not read (memory: the file, a copy and the PDF text at once, in a worker). */
export const MAX_CHECK_BYTES = 50 * 1024 * 1024;

const EXIFR_OPTIONS = {
  tiff: true, ifd0: true, exif: true, gps: true, ifd1: true, interop: false, xmp: true, iptc: true, icc: false,
  jfif: false, ihdr: false, makerNote: false, userComment: true, multiSegment: true, mergeOutput: false,
  translateKeys: true, translateValues: true, reviveValues: true, sanitize: true, silentErrors: true,
};

/** Tags that can say who, where, when or with what device; the rest (exposure, resolution…) is not listed. */
const IDENTIFYING = /make|model|serial|owner|artist|author|creator|copyright|software|date|time|gps|latitude|longitude|altitude|location|city|country|province|state|byline|credit|source|contact|comment|description|title|keyword|unique|host|lens|user|person|name|document|instance|history|rights|headline|caption|writer|producer|tool|company|manager|email|phone|address|url|orientation/i;

const GROUPS = { ifd0: "EXIF", exif: "EXIF", ifd1: "EXIF thumbnail", gps: "GPS", iptc: "IPTC" };

async function exifFindings(bytes) {
  let out;
  try {
    out = await exifr.parse(bytes, EXIFR_OPTIONS);
  } catch {
    return [];
  }
  const found = [];
  for (const [group, tags] of Object.entries(out ?? {})) {
    if (!tags || typeof tags !== "object") continue;
    for (const [tag, value] of Object.entries(tags)) {
      if (value === undefined || value === null || String(value).replace(/[\u0000-\u001f]/g, "").trim() === "") continue;
      // Orientation is kept on purpose (the photo shows the right way up) and identifies no one.
      if (tag === "Orientation" || !(IDENTIFYING.test(tag) || group === "gps" || group === "iptc" || !["ifd0", "exif", "ifd1", "interop"].includes(group))) continue;
      found.push(finding(GROUPS[group] ?? `XMP ${group}`, tag, value));
    }
  }
  return found;
}

async function orientationOf(bytes) {
  try {
    return (await exifr.parse(bytes, { tiff: true, ifd0: true, pick: ["Orientation"], translateValues: false, silentErrors: true }))?.Orientation;
  } catch {
    return undefined;
  }
}

const ascii = (b, from, to) => String.fromCharCode(...b.subarray(from, to));

/** The kind of file from its first bytes (never from its name, which the source or anyone may have changed). */
export function sniff(b) {
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return "jpeg";
  if (ascii(b, 0, 8) === "\x89PNG\r\n\x1a\n") return "png";
  if (ascii(b, 0, 1024).includes("%PDF-")) return "pdf";
  if (ascii(b, 0, 4) === "PK\x03\x04") return "zip";
  if (ascii(b, 4, 8) === "ftyp" && /^(heic|heix|hevc|heim|heis|mif1|msf1|avif)$/.test(ascii(b, 8, 12))) return "heic";
  if (ascii(b, 0, 4) === "II*\0" || ascii(b, 0, 4) === "MM\0*") return "tiff";
  return "unknown";
}

/**
 * Reads one file: what it holds and, where we can make one, a cleaned copy that was checked again after cleaning.
 * @param {Uint8Array} bytes
 * @returns {Promise<{kind: string, status: "found"|"none"|"cannot-clean"|"unchecked", reason: string|null, findings: object[], notes: object[], cleaned: Uint8Array|null}>}
 */
export async function inspectBytes(bytes) {
  const kind = sniff(bytes);
  try {
    return await inspectKind(kind, bytes);
  } catch (e) {
    if (e instanceof MetadataError || e instanceof RangeError) return result(kind, "unchecked", "malformed");
    throw e;
  }
}

function result(kind, status, reason, findings = [], cleaned = null) {
  // "Not removed" lines stay in the content on purpose: they are shown, but do not count as metadata left behind.
  const notes = findings.filter((f) => f.group === "Not removed");
  return { kind, status, reason, findings: findings.filter((f) => f.group !== "Not removed"), notes, cleaned };
}

async function inspectKind(kind, bytes) {
  switch (kind) {
    case "jpeg": {
      const found = [...(await exifFindings(bytes)), ...jpegFindings(bytes)];
      const cleaned = cleanJpeg(bytes, await orientationOf(bytes));
      return checked(kind, found, cleaned);
    }
    case "png": {
      const found = [...(await exifFindings(bytes)), ...pngFindings(bytes)];
      return checked(kind, dedupe(found), cleanPng(bytes));
    }
    case "pdf": {
      const pdf = readPdf(bytes);
      if (pdf.unchecked === "pdf-encrypted") return result(kind, "unchecked", "encrypted");
      if (!pdf.cleanable) return result(kind, "cannot-clean", pdf.unchecked, pdf.findings);
      // Photos inside a PDF (DCTDecode streams are JPEG files) keep their own EXIF; this cleaner does not rewrite them.
      const images = imageMetadata(bytes, ["EXIF", "IPTC"]);
      if (images) return result(kind, "cannot-clean", "pdf-images", [...pdf.findings, finding("Embedded image", "image stream", images)]);
      return checked(kind, pdf.findings, cleanPdf(bytes));
    }
    case "zip": {
      const office = officeKind(zipEntries(bytes));
      if (!office) return result(kind, "unchecked", "type");
      const read = officeFindings(bytes);
      if (read.unchecked) return result(office, "unchecked", read.unchecked);
      if (read.findings.some((f) => f.group === "Embedded image" || f.group === "Office path")) return result(office, "cannot-clean", "embedded", read.findings);
      return checked(office, read.findings, cleanOffice(bytes));
    }
    case "heic":
    case "tiff":
      // Read, not cleaned: rewriting these containers safely is more than this page should attempt.
      return result(kind, "cannot-clean", "format", await exifFindings(bytes));
    default:
      return result(kind, "unchecked", "type");
  }
}

/** What the cleaned copy still shows when read the same way; a cleaner that missed something gives no copy. */
async function remaining(kind, bytes) {
  switch (kind) {
    case "jpeg":
      return [...(await exifFindings(bytes)), ...jpegFindings(bytes)];
    case "png":
      return [...(await exifFindings(bytes)), ...pngFindings(bytes)];
    case "pdf":
      return readPdf(bytes).findings.filter((f) => f.value !== "");
    default:
      return officeFindings(bytes).findings.filter((f) => f.group !== "Not removed");
  }
}

async function checked(kind, found, cleaned) {
  const left = await remaining(kind, cleaned);
  if (left.length > 0) return result(kind, "cannot-clean", "residue", found);
  return result(kind, found.some((f) => f.group !== "Not removed") ? "found" : "none", null, found, cleaned);
}

function dedupe(found) {
  const seen = new Set();
  return found.filter((f) => {
    const key = `${f.group}\0${f.tag}\0${f.value}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Inspects a File or Blob, refusing before reading anything when it is over MAX_CHECK_BYTES.
 * @param {Blob} blob
 */
export async function inspectBlob(blob) {
  if (blob.size > MAX_CHECK_BYTES) return result("unknown", "unchecked", "size");
  return inspectBytes(new Uint8Array(await blob.arrayBuffer()));
}

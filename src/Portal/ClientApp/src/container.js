// The submission container (docs/FORMATS.md#submission-container), written in the browser exactly as
// WhistleSubmit.Crypto.Containers.SubmissionWriter (C#) writes it, so SubmissionReader accepts it: plain ustar
// (POSIX.1-1988 header layout), report.json or message.json first, then files/NNN-<safe name> in document order, then
// the two zero end-of-archive blocks, then zero bytes up to the PADMÉ length of the whole plaintext.
// Header fields are byte-for-byte what .NET's TarWriter writes for our entries (test/container.test.js compares with
// C#-produced containers): mode 0644, uid/gid 0, mtime 0 (the epoch), empty owner names, zero device numbers.
import { paddedLength } from "./padme.js";
import { entryName, sanitizeFileName } from "./safe-name.js";

export const BLOCK_SIZE = 512;
const END_OF_ARCHIVE = 2 * BLOCK_SIZE;
// 11 octal digits: the largest size a plain ustar header can state (8 GiB − 1). The C# reader stops far below.
const MAX_ENTRY_SIZE = 8 ** 11 - 1;
const ZERO_SLICE = 64 * 1024;
const encoder = new TextEncoder();

/** Rounds up to a whole number of tar blocks. */
const blocks = (n) => Math.ceil(n / BLOCK_SIZE) * BLOCK_SIZE;

/**
 * Writes `value` as `digits` zero-padded octal digits followed by NUL, .NET TarWriter's numeric field form.
 * @param {Uint8Array} header @param {number} offset @param {number} digits @param {number} value
 */
function octal(header, offset, digits, value) {
  const text = value.toString(8).padStart(digits, "0");
  if (text.length > digits) throw new RangeError("value does not fit its tar field");
  header.set(encoder.encode(text), offset);
  header[offset + digits] = 0;
}

/**
 * One ustar header block for a regular file.
 * @param {string} name at most 100 UTF-8 bytes
 * @param {number} size
 * @returns {Uint8Array}
 */
export function ustarHeader(name, size) {
  const nameBytes = encoder.encode(name);
  if (nameBytes.length === 0 || nameBytes.length > 100) throw new RangeError("tar entry name must be 1–100 bytes");
  if (!Number.isSafeInteger(size) || size < 0 || size > MAX_ENTRY_SIZE) throw new RangeError("tar entry size out of range");
  const h = new Uint8Array(BLOCK_SIZE);
  h.set(nameBytes, 0);
  octal(h, 100, 7, 0o644); // mode
  octal(h, 108, 7, 0); // uid
  octal(h, 116, 7, 0); // gid
  octal(h, 124, 11, size);
  octal(h, 136, 11, 0); // mtime: the epoch, so the archive dates nothing
  h[156] = 0x30; // typeflag '0': regular file
  h.set(encoder.encode("ustar\u000000"), 257); // magic "ustar\0" + version "00"
  // Checksum: sum of all bytes with the checksum field read as spaces, written as 6 octal digits, NUL, space.
  h.fill(0x20, 148, 156);
  const sum = h.reduce((a, b) => a + b, 0);
  h.set(encoder.encode(sum.toString(8).padStart(6, "0")), 148);
  h[154] = 0;
  h[155] = 0x20;
  return h;
}

/**
 * The exact lengths of a container, computable before any file is read (the upload declares its size up front).
 * @param {number} documentLength bytes of report.json / message.json
 * @param {number[]} attachmentSizes
 * @returns {{archiveLength: number, length: number}} archiveLength includes the end-of-archive blocks; length is padded
 */
export function containerLength(documentLength, attachmentSizes) {
  let archive = BLOCK_SIZE + blocks(documentLength);
  for (const size of attachmentSizes) archive += BLOCK_SIZE + blocks(size);
  archive += END_OF_ARCHIVE;
  return { archiveLength: archive, length: paddedLength(archive) };
}

/**
 * Entry names for the attachments a document lists, in order: files/NNN-<safe basename>.
 * @param {{name: string}[]} attachments
 * @returns {string[]}
 */
export function attachmentEntryNames(attachments) {
  if (attachments.length > 999) throw new RangeError("at most 999 attachments");
  return attachments.map((a, i) => entryName(i + 1, sanitizeFileName(a.name)));
}

/**
 * Streams a container. Files are read through Blob.stream() as the consumer pulls, never held whole.
 * @param {"report.json"|"message.json"|"consent.json"} documentName
 * @param {Uint8Array} documentBytes UTF-8 JSON whose "attachments" list matches `files` one to one
 * @param {{name: string, blob: Blob}[]} files `name` is the original name (sanitised here), `blob` its content
 * @returns {{stream: ReadableStream<Uint8Array>, length: number}}
 */
export function containerStream(documentName, documentBytes, files) {
  if (!["report.json", "message.json", "consent.json"].includes(documentName)) throw new RangeError("unknown document name");
  const sizes = files.map((f) => f.blob.size);
  const { archiveLength, length } = containerLength(documentBytes.length, sizes);
  const names = attachmentEntryNames(files);
  const pieces = pieceGenerator(documentName, documentBytes, files, names, length - archiveLength);
  const stream = new ReadableStream(
    {
      async pull(controller) {
        const { value, done } = await pieces.next();
        if (done) controller.close();
        else controller.enqueue(value);
      },
      async cancel(reason) {
        await pieces.return(reason);
      },
    },
    // Pull one piece at a time: the consumer (the age encryption stream) does its own buffering.
    { highWaterMark: 0 },
  );
  return { stream, length };
}

async function* pieceGenerator(documentName, documentBytes, files, names, paddingLength) {
  yield ustarHeader(documentName, documentBytes.length);
  yield documentBytes;
  yield* blockPadding(documentBytes.length);
  for (let i = 0; i < files.length; i++) {
    const { blob } = files[i];
    yield ustarHeader(names[i], blob.size);
    yield* fileContent(blob);
    yield* blockPadding(blob.size);
  }
  yield* zeros(END_OF_ARCHIVE + paddingLength);
}

/** Reads a Blob in the slices its stream yields, refusing one whose length changed since its size was declared. */
async function* fileContent(blob) {
  const reader = blob.stream().getReader();
  let seen = 0;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      seen += value.length;
      if (seen > blob.size) throw new Error("a file changed while it was being read");
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
  if (seen !== blob.size) throw new Error("a file changed while it was being read");
}

function* blockPadding(size) {
  yield* zeros(blocks(size) - size);
}

function* zeros(count) {
  while (count > 0) {
    const n = Math.min(count, ZERO_SLICE);
    // A fresh buffer each time: consumers may transfer or keep what they are handed.
    yield new Uint8Array(n);
    count -= n;
  }
}


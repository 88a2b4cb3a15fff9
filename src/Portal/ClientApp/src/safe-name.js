// The "safe basename" of an attachment entry files/NNN-<name>: a port of WhistleSubmit.Crypto.Containers.SafeFileName
// (C#). The C# reader checks the rules (1–90 UTF-8 bytes, no separators, none of <>:"|?*, no control, format,
// private-use, surrogate or line/paragraph separator, no space other than U+0020, no leading/trailing '.' or ' '), not
// equality with a sanitiser; test/safe-name.test.js still pins this port to C#'s output so both paths name files alike.

/** 100 bytes of ustar name minus "files/NNN-". */
export const MAX_NAME_BYTES = 100 - 10;
const MAX_EXTENSION_BYTES = 16;
const FALLBACK = "file";
const FORBIDDEN = new Set(["/", "\\", "<", ">", ":", '"', "|", "?", "*"]);
const DISALLOWED_CATEGORY = /^[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Zl}\p{Zp}]$/u;
const SPACE_SEPARATOR = /^\p{Zs}$/u;
const encoder = new TextEncoder();

/** @param {string} s */
export const utf8Length = (s) => encoder.encode(s).length;

/**
 * Code points of `s`, with each lone surrogate replaced by U+FFFD exactly as .NET's String.EnumerateRunes does.
 * @param {string} s
 * @returns {string[]}
 */
function runes(s) {
  return Array.from(s, (r) => (r.length === 1 && r >= "\uD800" && r <= "\uDFFF" ? "\uFFFD" : r));
}

/** @param {string} r one code point */
function isAllowed(r) {
  if (FORBIDDEN.has(r) || DISALLOWED_CATEGORY.test(r)) return false;
  return !SPACE_SEPARATOR.test(r) || r === " ";
}

/** String.Trim('.', ' ') */
function trim(s) {
  return s.replace(/^[. ]+|[. ]+$/g, "");
}

/** Cuts to MAX_NAME_BYTES on a code point boundary, keeping a short extension so the type stays visible. */
function truncate(s) {
  if (utf8Length(s) <= MAX_NAME_BYTES) return s;
  const dot = s.lastIndexOf(".");
  const extension = dot > 0 && utf8Length(s.slice(dot)) <= MAX_EXTENSION_BYTES ? s.slice(dot) : "";
  const stem = extension.length > 0 ? s.slice(0, dot) : s;
  const budget = MAX_NAME_BYTES - utf8Length(extension);
  let result = "";
  let used = 0;
  for (const r of runes(stem)) {
    const n = utf8Length(r);
    if (used + n > budget) break;
    result += r;
    used += n;
  }
  // Trim the stem before re-attaching the extension so "abc .pdf" style seams do not appear.
  return trim(result) + extension;
}

/**
 * Reduces any original file name to a safe one; never fails (falls back to "file").
 * @param {string} original
 * @returns {string}
 */
export function sanitizeFileName(original) {
  // Strip directories of either convention: the original may come from any OS.
  const name = original.slice(Math.max(original.lastIndexOf("/"), original.lastIndexOf("\\")) + 1);
  const kept = runes(name).filter(isAllowed).join("");
  const cleaned = trim(truncate(trim(kept)));
  return cleaned.length === 0 ? FALLBACK : cleaned;
}

/**
 * The entry name of attachment `number` (1-based): files/NNN-<safe name>.
 * @param {number} number
 * @param {string} safeName
 */
export function entryName(number, safeName) {
  if (!Number.isInteger(number) || number < 1 || number > 999) throw new RangeError("attachment number out of range");
  return `files/${String(number).padStart(3, "0")}-${safeName}`;
}

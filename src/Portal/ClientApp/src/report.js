// report.json / message.json v3 (WhistleSubmit.Crypto.Containers.ReportV1 / MessageV1) built from the form: v1 plus
// the codename's caseKey and mailboxId, which prove to the reviewers, inside the encryption, which case an item joins
// (docs/FORMATS.md#case-proof), and (v3) each attachment's copy: "cleaned" or "original" (docs/PORTAL.md#hidden-metadata);
// report.json v3 also allows the reporting channels osc, crcl and congress.
// Key order follows C#'s declaration order: v, caseKey, mailboxId, then v1's fields; in attachments name, size, copy.
// The C# reader refuses unknown fields, nulls where a value is expected, duplicates in lists, out-of-range counts and
// ill-formed UTF-16, so this module emits only what the schema allows and leaves out every unanswered field.

const LONG_TEXT = 100_000;
const SHORT_TEXT = 10_000;
const MAX_NAME = 1_024;
const MAX_COUNT = 10_000_000;
const HEX32 = /^[0-9a-f]{64}$/;
const REPORT_VERSION = 3;

/** Thrown for answers the schema cannot hold; `field` names the form field so the page can point at it. */
export class ReportError extends Error {
  /** @param {string} field @param {string} code */
  constructor(field, code) {
    super(`${field}: ${code}`);
    this.field = field;
    this.code = code;
  }
}

// Form field path → how to read it. Paths are ReportV1's JSON property paths; the page may name fields "when.from",
// "When.From" or "Input.When.From" (model binding), so names are matched case-insensitively on their suffix.
const REPORT_FIELDS = [
  ["relationship", "choice"],
  ["component", "choice"],
  ["categories", "choices"],
  ["when.from", "date"],
  ["when.to", "date"],
  ["where.state", "state"],
  ["where.place", "short"],
  ["peopleAffected.count", "count"],
  ["peopleAffected.citizensOrResidents", "choice"],
  ["harm.force", "choice"],
  ["harm.injuries", "count"],
  ["harm.deaths", "count"],
  ["evidence", "short"],
  ["internalReporting.reported", "choice"],
  ["internalReporting.channels", "choices"],
  ["internalReporting.outcome", "short"],
  ["retaliation", "short"],
  ["description", "long"],
];

// The kebab-case ids of the C# enums (StrictEnumConverter): anything else would make the whole container unreadable.
const ANSWER = ["yes", "no", "unknown"];
const IDS = {
  relationship: ["current-staff", "former-staff", "contractor", "other"],
  component: ["ero", "hsi", "opla", "opr", "other", "unknown"],
  categories: [
    "unlawful-force", "injury-or-death", "illegal-detention-of-citizen", "arrest-quotas", "retaliation-against-staff",
    "threats-or-intimidation", "corruption-or-abuse", "unsafe-working-conditions", "investigator-reassignment",
    "funding-tied-to-arrests", "other",
  ],
  "peopleAffected.citizensOrResidents": ANSWER,
  "harm.force": ANSWER,
  "internalReporting.reported": ANSWER,
  "internalReporting.channels": ["opr", "oig", "osc", "crcl", "congress", "supervisor", "other"],
};

const squash = (s) => s.toLowerCase().replace(/[^a-z0-9]/g, "");

/**
 * Groups FormData values by the ReportV1 path their field name ends with (longest path wins).
 * @param {Iterable<[string, FormDataEntryValue]>} entries
 * @param {string[]} paths
 */
function byPath(entries, paths) {
  const keyed = paths.map((p) => [p, squash(p)]).sort((a, b) => b[1].length - a[1].length);
  /** @type {Map<string, string[]>} */
  const values = new Map();
  for (const [name, value] of entries) {
    if (typeof value !== "string") continue;
    const n = squash(name);
    const match = keyed.find(([, k]) => n === k || n.endsWith(k));
    if (!match) continue;
    const list = values.get(match[0]) ?? [];
    list.push(value);
    values.set(match[0], list);
  }
  return values;
}

/** Well-formed UTF-16 (lone surrogates become U+FFFD): the C# reader refuses text it cannot encode as UTF-8. */
export function wellFormed(s) {
  return typeof s.toWellFormed === "function"
    ? s.toWellFormed()
    : s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
}

function text(path, raw, max) {
  const s = wellFormed(raw.trim());
  if (s.length > max) throw new ReportError(path, "too-long");
  return s.length === 0 ? undefined : s;
}

function read(path, kind, raw) {
  const first = raw[0] ?? "";
  switch (kind) {
    case "choice": {
      const s = first.trim();
      if (s === "") return undefined;
      if (!IDS[path].includes(s)) throw new ReportError(path, "choice");
      return s;
    }
    case "choices": {
      const list = [...new Set(raw.map((v) => v.trim()).filter((v) => v.length > 0))];
      if (list.some((v) => !IDS[path].includes(v))) throw new ReportError(path, "choice");
      return list.length === 0 ? undefined : list;
    }
    case "date": {
      const s = first.trim();
      if (s === "") return undefined;
      // Round-trip through Date: engines roll "2025-02-30" over to March, while C#'s DateOnly refuses it.
      const d = /^\d{4}-\d{2}-\d{2}$/.test(s) ? new Date(`${s}T00:00:00Z`) : null;
      if (d === null || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s) throw new ReportError(path, "date");
      return s;
    }
    case "state": {
      const s = first.trim().toUpperCase();
      if (s === "") return undefined;
      if (!/^[A-Z]{2}$/.test(s)) throw new ReportError(path, "state");
      return s;
    }
    case "count": {
      const s = first.trim();
      if (s === "") return undefined;
      const n = Number(s);
      if (!/^\d+$/.test(s) || n > MAX_COUNT) throw new ReportError(path, "count");
      return n;
    }
    case "short":
      return text(path, first, SHORT_TEXT);
    case "long":
      return text(path, first, LONG_TEXT);
    default:
      throw new Error("unknown field kind");
  }
}

/** Sets obj[a][b] = value for path "a.b", creating the parent only when there is a value. */
function put(obj, path, value) {
  if (value === undefined) return;
  const [head, tail] = path.split(".");
  if (tail === undefined) obj[head] = value;
  else (obj[head] ??= {})[tail] = value;
}

const COPIES = ["cleaned", "original"];

/**
 * The attachments list: original names (well-formed, at most 1,024 UTF-16 units, cut on a code point), exact sizes and
 * which copy each is.
 * @param {{name: string, size: number, copy: "cleaned"|"original"}[]} files
 */
export function attachmentList(files) {
  if (files.length > 999) throw new ReportError("files", "too-many");
  return files.map((f) => {
    let name = wellFormed(f.name);
    if (name.length > MAX_NAME) {
      name = name.slice(0, MAX_NAME);
      // Never split a surrogate pair: the half left over would be refused.
      if (/[\uD800-\uDBFF]$/.test(name)) name = name.slice(0, -1);
    }
    if (!COPIES.includes(f.copy)) throw new Error("each attachment must say whether it is the cleaned copy or the original");
    return { name: name.length > 0 ? name : "file", size: f.size, copy: f.copy };
  });
}

/** "en" or "es": the form's language, from <html lang>. */
export function formLanguage(lang) {
  return lang === "es" ? "es" : "en";
}

/**
 * report.json v3 from the form's entries (files are passed separately).
 * @param {Iterable<[string, FormDataEntryValue]>} entries e.g. new FormData(form)
 * @param {{files: {name: string, size: number, copy: string}[], caseKey: string, mailboxId: string, replyRecipient: string, language: string}} facts
 */
export function buildReport(entries, { files, caseKey, mailboxId, replyRecipient, language }) {
  const values = byPath(entries, REPORT_FIELDS.map(([p]) => p));
  const report = proven(caseKey, mailboxId, REPORT_VERSION);
  for (const [path, kind] of REPORT_FIELDS) put(report, path, read(path, kind, values.get(path) ?? []));
  if (report.description === undefined) throw new ReportError("description", "required");
  if (report.when) {
    // One day is "from" alone; a lone "to" is read as that day too. A reversed range is the source's slip, not ours
    // to reinterpret: ask.
    if (report.when.from === undefined) report.when = { from: report.when.to };
    else if (report.when.to !== undefined && report.when.to < report.when.from) throw new ReportError("when.to", "range");
  }
  report.attachments = attachmentList(files);
  if (!/^age1pq1[02-9ac-hj-np-z]+$/.test(replyRecipient)) throw new Error("the reply recipient is not a post-quantum age recipient");
  report.replyRecipient = replyRecipient;
  report.client = { language: formLanguage(language), encryptedBy: "browser" };
  return report;
}

/**
 * message.json v3 for a follow-up.
 * @param {string} message
 * @param {{files: {name: string, size: number, copy: string}[], caseKey: string, mailboxId: string, language: string}} facts
 */
export function buildMessage(message, { files, caseKey, mailboxId, language }) {
  const t = text("text", message ?? "", LONG_TEXT);
  if (t === undefined) throw new ReportError("text", "required");
  return { ...proven(caseKey, mailboxId), text: t, attachments: attachmentList(files), client: { language: formLanguage(language), encryptedBy: "browser" } };
}

/** The v3 head of both documents; a key that is not 64 lower-case hex digits is our bug, never the source's. */
function proven(caseKey, mailboxId) {
  if (!HEX32.test(caseKey ?? "") || !HEX32.test(mailboxId ?? "")) throw new Error("caseKey and mailboxId must be 64 lower-case hex digits");
  return { v: 3, caseKey, mailboxId };
}

/** UTF-8 JSON, the document's exact bytes in the container. */
export function documentBytes(doc) {
  return new TextEncoder().encode(JSON.stringify(doc));
}

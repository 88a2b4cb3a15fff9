import { test } from "node:test";
import assert from "node:assert/strict";
import { attachmentList, buildMessage, buildReport, ReportError, wellFormed } from "../src/report.js";

const RECIPIENT = "age1pq1" + "q".repeat(1900);
const CASE_KEY = "1".repeat(64);
const MAILBOX = "2".repeat(64);
const facts = { files: [{ name: "a.pdf", size: 3, copy: "cleaned" }], caseKey: CASE_KEY, mailboxId: MAILBOX, replyRecipient: RECIPIENT, language: "es" };

test("buildReport: maps form names to ReportV1 paths, leaves out empty answers, adds client facts", () => {
  const report = buildReport(
    [
      ["relationship", "former-staff"],
      ["Categories", "arrest-quotas"],
      ["categories", "unlawful-force"],
      ["categories", "arrest-quotas"],
      ["Input.When.From", "2025-03-01"],
      ["when.to", ""],
      ["where.state", "tx"],
      ["where.place", "  "],
      ["peopleAffected.count", "12"],
      ["harm.force", "yes"],
      ["internalReporting.channels", "oig"],
      ["internalReporting.channels", "osc"],
      ["internalReporting.channels", "crcl"],
      ["internalReporting.channels", "congress"],
      ["description", "  what happened  "],
      ["__RequestVerificationToken", "x"],
    ],
    facts,
  );
  assert.deepEqual(report, {
    v: 3,
    caseKey: CASE_KEY,
    mailboxId: MAILBOX,
    relationship: "former-staff",
    categories: ["arrest-quotas", "unlawful-force"],
    when: { from: "2025-03-01" },
    where: { state: "TX" },
    peopleAffected: { count: 12 },
    harm: { force: "yes" },
    internalReporting: { channels: ["oig", "osc", "crcl", "congress"] },
    description: "what happened",
    attachments: [{ name: "a.pdf", size: 3, copy: "cleaned" }],
    replyRecipient: RECIPIENT,
    client: { language: "es", encryptedBy: "browser" },
  });
});

test("buildReport: refuses what the C# reader would refuse", () => {
  const bad = (entries, field) =>
    assert.throws(() => buildReport([["description", "d"], ...entries], facts), (e) => e instanceof ReportError && e.field === field);
  bad([["relationship", "boss"]], "relationship");
  bad([["categories", "nonsense"]], "categories");
  bad([["internalReporting.channels", "ombudsman"]], "internalReporting.channels");
  bad([["when.from", "2025-02-30x"]], "when.from");
  bad([["when.from", "2025-02-30"]], "when.from");
  bad([["when.from", "2025-05-02"], ["when.to", "2025-05-01"]], "when.to");
  bad([["where.state", "Texas"]], "where.state");
  bad([["harm.deaths", "-1"]], "harm.deaths");
  bad([["harm.injuries", "10000001"]], "harm.injuries");
  bad([["evidence", "x".repeat(10_001)]], "evidence");
  assert.throws(() => buildReport([["description", " \n "]], facts), (e) => e.field === "description");
});

test("buildReport: a lone 'to' date is read as that one day", () => {
  const r = buildReport([["description", "d"], ["when.to", "2025-01-02"]], facts);
  assert.deepEqual(r.when, { from: "2025-01-02" });
});

test("attachmentList and wellFormed: names stay encodable and within 1,024 UTF-16 units", () => {
  assert.equal(wellFormed("a\uD800b"), "a\uFFFDb");
  const long = "x".repeat(1023) + "😀";
  const [item] = attachmentList([{ name: long, size: 1, copy: "original" }]);
  assert.equal(item.name, "x".repeat(1023));
  assert.deepEqual(attachmentList([{ name: "", size: 0, copy: "original" }]), [{ name: "file", size: 0, copy: "original" }]);
});

test("attachmentList: every attachment says which copy it is (v3), nothing else", () => {
  assert.throws(() => attachmentList([{ name: "a", size: 1 }]), /cleaned copy or the original/);
  assert.throws(() => attachmentList([{ name: "a", size: 1, copy: "both" }]), /cleaned copy or the original/);
});

test("buildMessage: text required; client facts say the browser encrypted it", () => {
  assert.deepEqual(buildMessage(" more ", { files: [], caseKey: CASE_KEY, mailboxId: MAILBOX, language: "en" }), {
    v: 3,
    caseKey: CASE_KEY,
    mailboxId: MAILBOX,
    text: "more",
    attachments: [],
    client: { language: "en", encryptedBy: "browser" },
  });
  assert.throws(() => buildMessage("  ", { files: [], caseKey: CASE_KEY, mailboxId: MAILBOX, language: "en" }), ReportError);
});

test("buildReport and buildMessage: v3 needs the codename's case key and mailbox id", () => {
  assert.throws(() => buildMessage("t", { files: [], mailboxId: MAILBOX, language: "en" }), /caseKey/);
  assert.throws(() => buildMessage("t", { files: [], caseKey: "A".repeat(64), mailboxId: MAILBOX, language: "en" }), /caseKey/);
  assert.throws(() => buildReport([["description", "d"]], { ...facts, mailboxId: undefined }), /caseKey/);
  // Key order as C# writes it, so the document's bytes match SubmissionWriter's.
  assert.deepEqual(Object.keys(buildReport([["description", "d"]], facts)).slice(0, 3), ["v", "caseKey", "mailboxId"]);
});

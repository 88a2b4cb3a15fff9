using LiteDB;
using WhistleSubmit.ReviewerConsole.Records;

namespace WhistleSubmit.ReviewerConsole.Persistence;

/// <summary>
/// BsonDocument mapping of the case records: cases, items, notes, replies (explicit, so the stored shape never
/// changes by accident). Only <see cref="VaultData"/> uses it.
/// </summary>
internal static class CaseDocuments
{
    public static BsonDocument ToDocument(CaseRecord c) => new()
    {
        ["_id"] = c.Id,
        ["mailbox"] = c.MailboxId,
        ["status"] = CaseStatuses.Name(c.Status),
        ["severity"] = c.Severity is { } s ? new BsonValue(s) : BsonValue.Null,
        ["assignee"] = Nullable(c.Assignee),
        ["tags"] = Strings(c.Tags),
        ["opened"] = c.Opened,
        ["updated"] = c.Updated,
        ["replyRecipient"] = Nullable(c.ReplyRecipient),
        ["unread"] = c.Unread,
        ["proof"] = Nullable(c.Proof),
        ["conflicts"] = Strings(c.ConflictingCases),
    };

    public static CaseRecord ToCase(BsonDocument d) => new(
        d["_id"].AsString,
        d["mailbox"].AsString,
        CaseStatuses.TryParse(d["status"].AsString, out CaseStatus status) ? status : throw new InvalidDataException("Unknown case status in the store."),
        d["severity"].IsNull ? null : d["severity"].AsInt32,
        OptionalString(d["assignee"]),
        StringList(d["tags"]),
        d["opened"].AsString,
        d["updated"].AsString,
        OptionalString(d["replyRecipient"]),
        // Absent in cases stored before follow-ups were counted: nothing unread.
        d.TryGetValue("unread", out BsonValue unread) && unread.IsInt32 ? unread.AsInt32 : 0,
        // Absent in cases stored before protocol v2: v1 cases, no conflicts recorded.
        d.TryGetValue("proof", out BsonValue proof) ? OptionalString(proof) : null,
        d.TryGetValue("conflicts", out BsonValue conflicts) ? StringList(conflicts) : null);

    public static BsonDocument ToDocument(ItemRecord i, byte[] minHash) => new()
    {
        ["_id"] = i.Id,
        ["case"] = i.CaseId,
        ["mailbox"] = i.MailboxId,
        ["kind"] = i.Kind,
        ["seq"] = i.Sequence,
        ["bundle"] = i.BundleSha256,
        ["bundleCreated"] = i.BundleCreated,
        ["imported"] = i.Imported,
        ["importedBy"] = i.ImportedBy,
        ["cipherSize"] = i.CiphertextSize,
        ["cipherSha256"] = i.CiphertextSha256,
        ["plainSize"] = i.PlaintextSize,
        ["plainSha256"] = i.PlaintextSha256,
        ["document"] = i.Document,
        ["text"] = i.Text,
        ["categories"] = Strings(i.Categories),
        ["attachments"] = new BsonArray(i.Attachments.Select(a => (BsonValue)new BsonDocument
        {
            ["number"] = a.Number,
            ["name"] = a.Name,
            ["safeName"] = a.SafeName,
            ["size"] = a.Size,
            ["sha256"] = a.Sha256,
            ["type"] = a.Type,
            ["typeLabel"] = a.TypeLabel,
        })),
        ["duplicates"] = Strings(i.Duplicates),
        ["nearDuplicates"] = Strings(i.NearDuplicates),
        ["flags"] = new BsonArray(i.ProofFlags.Select(f => (BsonValue)new BsonDocument { ["kind"] = f.Kind, ["detail"] = Nullable(f.Detail) })),
        ["minhash"] = minHash,
    };

    public static ItemRecord ToItem(BsonDocument d) => new(
        d["_id"].AsString,
        d["case"].AsString,
        d["mailbox"].AsString,
        d["kind"].AsString,
        d["seq"].AsInt64,
        d["bundle"].AsString,
        d["bundleCreated"].AsString,
        d["imported"].AsString,
        d["importedBy"].AsString,
        d["cipherSize"].AsInt64,
        d["cipherSha256"].AsString,
        d["plainSize"].AsInt64,
        d["plainSha256"].AsString,
        d["document"].AsString,
        d["text"].AsString,
        StringList(d["categories"]),
        [.. d["attachments"].AsArray.Select(v => v.AsDocument).Select(a => new AttachmentRecord(
            a["number"].AsInt32, a["name"].AsString, a["safeName"].AsString, a["size"].AsInt64, a["sha256"].AsString,
            a["type"].AsString, a["typeLabel"].AsString))],
        StringList(d["duplicates"]),
        StringList(d["nearDuplicates"]),
        // Absent in items stored before protocol v2: ItemRecord.ProofFlags reads that as v1.
        d.TryGetValue("flags", out BsonValue flags)
            ? [.. flags.AsArray.Select(v => v.AsDocument).Select(f => new ItemFlag(f["kind"].AsString, OptionalString(f["detail"])))]
            : null);

    public static BsonDocument ToDocument(NoteRecord n) => new()
    {
        ["_id"] = n.Id,
        ["case"] = n.CaseId,
        ["time"] = n.Time,
        ["actor"] = n.Actor,
        ["text"] = n.Text,
    };

    public static NoteRecord ToNote(BsonDocument d) =>
        new(d["_id"].AsString, d["case"].AsString, d["time"].AsString, d["actor"].AsString, d["text"].AsString);

    public static BsonDocument ToDocument(ReplyRecord r, byte[] ciphertext) => new()
    {
        ["_id"] = r.Id,
        ["case"] = r.CaseId,
        ["mailbox"] = r.MailboxId,
        ["time"] = r.Time,
        ["actor"] = r.Actor,
        ["text"] = r.Text,
        ["size"] = r.Size,
        ["sha256"] = r.Sha256,
        // Indexed: false until exported, then the export time (a string).
        ["exported"] = r.Exported is null ? new BsonValue(false) : new BsonValue(r.Exported),
        ["exportBundle"] = Nullable(r.ExportBundleSha256),
        ["ciphertext"] = ciphertext,
        ["kind"] = r.Kind,
        ["status"] = Nullable(r.Status),
        ["referredTo"] = Nullable(r.ReferredTo),
        ["seq"] = r.Seq,
        ["destinations"] = r.Destinations is null ? BsonValue.Null : Strings(r.Destinations),
    };

    public static ReplyRecord ToReply(BsonDocument d) => new(
        d["_id"].AsString,
        d["case"].AsString,
        d["mailbox"].AsString,
        d["time"].AsString,
        d["actor"].AsString,
        d["text"].AsString,
        d["size"].AsInt64,
        d["sha256"].AsString,
        d["exported"].IsString ? d["exported"].AsString : null,
        OptionalString(d["exportBundle"]),
        // Replies stored before statuses and consent requests existed have none of these fields.
        d["kind"].IsString ? d["kind"].AsString : ReplyRecord.ReplyKind,
        d["status"].IsString ? d["status"].AsString : null,
        d["referredTo"].IsString ? d["referredTo"].AsString : null,
        d["seq"].IsNumber ? d["seq"].AsInt64 : 0,
        d["destinations"].IsArray ? d["destinations"].AsArray.Select(v => v.AsString).ToList() : null);

    private static BsonValue Nullable(string? s) => s is null ? BsonValue.Null : new BsonValue(s);

    private static string? OptionalString(BsonValue v) => v.IsNull ? null : v.AsString;

    private static BsonArray Strings(IEnumerable<string> values) => new(values.Select(v => new BsonValue(v)));

    private static List<string> StringList(BsonValue v) => [.. v.AsArray.Select(x => x.AsString)];
}

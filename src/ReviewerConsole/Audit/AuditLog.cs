using LiteDB;
using WhistleSubmit.ReviewerConsole.Vault;
using WhistleSubmit.EncryptedStore;

namespace WhistleSubmit.ReviewerConsole.Audit;

/// <summary>
/// The append-only, hash-chained audit log inside the store. <see cref="Append"/> runs inside the caller's store
/// transaction, so an action and its entry are committed together or not at all. The head (last seq and hash) is
/// kept in the meta collection as well, so cutting entries off the end is detected too.
/// </summary>
internal static class AuditLog
{
    private const string HeadId = "audit-head";

    public static AuditEntry Append(ILiteDatabase db, VaultSession vault, string action, string? caseId, string? itemId, string details)
    {
        var meta = db.GetCollection(VaultSchema.Meta);
        BsonDocument? head = meta.FindById(HeadId);
        long seq = head is null ? 1 : head["seq"].AsInt64 + 1;
        string prev = head is null ? AuditHash.Genesis : head["hash"].AsString;
        string time = vault.Now();
        string hash = AuditHash.Compute(seq, time, vault.Actor, action, caseId, itemId, details, prev);
        var entry = new AuditEntry(seq, time, vault.Actor, action, caseId, itemId, details, prev, hash);
        db.GetCollection(VaultSchema.Audit).Insert(ToDocument(entry));
        meta.Upsert(new BsonDocument { ["_id"] = HeadId, ["seq"] = seq, ["hash"] = hash });
        return entry;
    }

    /// <summary>Every entry about one case, oldest first: the case's history.</summary>
    public static IReadOnlyList<AuditEntry> ForCase(ILiteDatabase db, string caseId) =>
        db.GetCollection(VaultSchema.Audit).Find(BsonExpression.Create("case = @0", caseId)).Select(FromDocument).OrderBy(e => e.Seq).ToList();

    /// <summary>Walks the whole chain; reports the first entry that is missing, out of place, or altered.</summary>
    public static AuditVerification Verify(DurableStore store) => store.Read(db =>
    {
        long expected = 1;
        string prev = AuditHash.Genesis;
        foreach (BsonDocument doc in db.GetCollection(VaultSchema.Audit).Find(Query.All("_id", Query.Ascending)))
        {
            AuditEntry e = FromDocument(doc);
            if (e.Seq != expected)
            {
                return Broken(expected, $"entry #{expected} is missing (the log jumps to #{e.Seq})");
            }

            if (e.PrevHash != prev)
            {
                return Broken(e.Seq, $"entry #{e.Seq} does not link to entry #{e.Seq - 1} (an entry was changed, removed or inserted)");
            }

            if (AuditHash.Compute(e) != e.Hash)
            {
                return Broken(e.Seq, $"entry #{e.Seq} was changed after it was written");
            }

            prev = e.Hash;
            expected++;
        }

        long count = expected - 1;
        BsonDocument? head = db.GetCollection(VaultSchema.Meta).FindById(HeadId);
        long headSeq = head?["seq"].AsInt64 ?? 0;
        string headHash = head?["hash"].AsString ?? AuditHash.Genesis;
        if (headSeq != count || headHash != prev)
        {
            return Broken(Math.Min(headSeq, count + 1),
                $"the log ends at entry #{count}, but the vault recorded {headSeq} entries (entries were removed or the record was changed)");
        }

        return new AuditVerification(true, count, null, null);
    });

    internal static BsonDocument ToDocument(AuditEntry e) => new()
    {
        ["_id"] = e.Seq,
        ["time"] = e.Time,
        ["actor"] = e.Actor,
        ["action"] = e.Action,
        ["case"] = e.CaseId is null ? BsonValue.Null : new BsonValue(e.CaseId),
        ["item"] = e.ItemId is null ? BsonValue.Null : new BsonValue(e.ItemId),
        ["details"] = e.Details,
        ["prev"] = e.PrevHash,
        ["hash"] = e.Hash,
    };

    internal static AuditEntry FromDocument(BsonDocument d) => new(
        d["_id"].AsInt64,
        d["time"].AsString,
        d["actor"].AsString,
        d["action"].AsString,
        d["case"].IsNull ? null : d["case"].AsString,
        d["item"].IsNull ? null : d["item"].AsString,
        d["details"].AsString,
        d["prev"].AsString,
        d["hash"].AsString);

    private static AuditVerification Broken(long seq, string problem) => new(false, seq - 1, seq, problem);
}

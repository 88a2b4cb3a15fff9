using LiteDB;
using WhistleSubmit.ReviewerConsole.Records;

namespace WhistleSubmit.ReviewerConsole.Persistence;

/// <summary>
/// This part: destruction (issue 19). Removing every document of a case, erasing the details of its audit entries,
/// remembering its items so they cannot be imported again, and the pending-erasure record that makes an interrupted
/// destruction finish at the next open.
/// </summary>
internal sealed partial class VaultData
{
    private const string DestroyPendingId = "destroy-pending";

    // Not swept by RemoveCaseDocuments: the audit log is erased entry by entry, meta and the key lists hold no case,
    // the register is unlinked field by field, and the destroyed list is what must stay.
    private static readonly HashSet<string> KeptCollections = new(StringComparer.Ordinal)
    {
        VaultSchema.Meta, VaultSchema.Audit, VaultSchema.Keys, VaultSchema.Incidents, VaultSchema.Releases, VaultSchema.Destroyed,
    };

    /// <summary>
    /// Deletes the case and, in every other collection (those of other features included, present and future), each
    /// document whose <c>_id</c> or <c>case</c> is the case (redaction marks are keyed by case id alone) or whose
    /// <c>_id</c> or <c>item</c> is one of its items; removes the
    /// items from other items' duplicate lists and the case from other cases' conflicts.
    /// </summary>
    /// <returns>How many documents were deleted.</returns>
    public int RemoveCaseDocuments(string caseId, IReadOnlyCollection<string> itemIds)
    {
        int removed = Cases.Delete(caseId) ? 1 : 0;
        foreach (string name in db.GetCollectionNames().Where(n => !KeptCollections.Contains(n) && n != VaultSchema.Cases).ToList())
        {
            var collection = db.GetCollection(name);
            removed += collection.Delete(caseId) ? 1 : 0;
            removed += collection.DeleteMany(BsonExpression.Create("$.case = @0", caseId));
            foreach (string id in itemIds)
            {
                removed += collection.Delete(id) ? 1 : 0;
                removed += collection.DeleteMany(BsonExpression.Create("$.item = @0", id));
            }
        }

        var gone = itemIds.ToHashSet(StringComparer.Ordinal);
        foreach (BsonDocument item in Items.FindAll().ToList())
        {
            bool changed = false;
            foreach (string field in new[] { "duplicates", "nearDuplicates" })
            {
                var kept = item[field].AsArray.Where(v => !gone.Contains(v.AsString)).ToList();
                if (kept.Count != item[field].AsArray.Count)
                {
                    item[field] = new BsonArray(kept);
                    changed = true;
                }
            }

            if (changed)
            {
                Items.Update(item);
            }
        }

        foreach (CaseRecord other in AllCases().Where(c => c.ConflictingCases.Contains(caseId)).ToList())
        {
            UpdateCase(other with { Conflicts = [.. other.ConflictingCases.Where(c => c != caseId)] });
        }

        return removed;
    }

    /// <summary>Every audit entry about the case or one of its items, by number.</summary>
    public IReadOnlyList<long> AuditEntriesAbout(string caseId, IReadOnlyCollection<string> itemIds)
    {
        var seqs = Audit.Find(BsonExpression.Create("case = @0", caseId)).Select(d => d["_id"].AsInt64).ToHashSet();
        foreach (string id in itemIds)
        {
            seqs.UnionWith(Audit.Find(BsonExpression.Create("$.item = @0", id)).Select(d => d["_id"].AsInt64));
        }

        return [.. seqs.Order()];
    }

    /// <summary>
    /// Empties an entry's details (which may name attachments, tags, folders) and marks it erased. Its number, time,
    /// actor, action, ids and both hashes stay, so the chain still links; a later tombstone must name it.
    /// </summary>
    public void EraseAuditDetails(long seq)
    {
        BsonDocument entry = Audit.FindById(seq);
        entry["details"] = string.Empty;
        entry["erased"] = true;
        Audit.Update(entry);
    }

    public void InsertDestroyedItem(string itemId, string ciphertextSha256, long tombstone) =>
        Destroyed.Insert(new BsonDocument { ["_id"] = itemId, ["sha256"] = ciphertextSha256, ["tombstone"] = tombstone });

    /// <summary>Every item of every destroyed case: id, ciphertext SHA-256 and the tombstone's entry number.</summary>
    public IReadOnlyList<(string Id, string Sha256, long Tombstone)> DestroyedItems() =>
        [.. Destroyed.FindAll().Select(d => (d["_id"].AsString, d["sha256"].AsString, d["tombstone"].AsInt64))];

    /// <summary>The items whose evidence files a destruction still has to erase, or null when none is unfinished.</summary>
    public IReadOnlyList<string>? PendingDestruction() =>
        Meta.FindById(DestroyPendingId) is { } d ? [.. d["items"].AsArray.Select(v => v.AsString)] : null;

    public void SetPendingDestruction(IReadOnlyList<string>? itemIds)
    {
        if (itemIds is null)
        {
            Meta.Delete(DestroyPendingId);
            return;
        }

        var known = PendingDestruction() ?? [];
        Meta.Upsert(new BsonDocument
        {
            ["_id"] = DestroyPendingId,
            ["items"] = new BsonArray(known.Concat(itemIds).Distinct(StringComparer.Ordinal).Select(i => new BsonValue(i))),
        });
    }

    private ILiteCollection<BsonDocument> Destroyed => db.GetCollection(VaultSchema.Destroyed);
}

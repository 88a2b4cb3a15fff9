using WhistleSubmit.ReviewerConsole.Persistence;
using WhistleSubmit.ReviewerConsole.Records;

namespace WhistleSubmit.ReviewerConsole.Audit;

/// <summary>
/// The append-only, hash-chained audit log inside the store. <see cref="Append"/> runs inside the caller's store
/// transaction, so an action and its entry are committed together or not at all. The head (last seq and hash) is
/// kept in the meta collection as well, so cutting entries off the end is detected too.
/// </summary>
internal static class AuditLog
{
    /// <param name="data">The caller's store transaction.</param>
    /// <param name="actor">Who acts (the session's actor).</param>
    /// <param name="time">When, as the vault stores times (<c>VaultSession.Now</c>).</param>
    /// <param name="action">One of <see cref="AuditActions"/>.</param>
    /// <param name="caseId">The case concerned, if any.</param>
    /// <param name="itemId">The item concerned, if any.</param>
    /// <param name="details">What changed, without any report, note or reply text.</param>
    public static AuditEntry Append(VaultData data, string actor, string time, string action, string? caseId, string? itemId, string details)
    {
        AuditHead? head = data.AuditHead();
        long seq = head is null ? 1 : head.Seq + 1;
        string prev = head is null ? AuditHash.Genesis : head.Hash;
        string hash = AuditHash.Compute(seq, time, actor, action, caseId, itemId, details, prev);
        var entry = new AuditEntry(seq, time, actor, action, caseId, itemId, details, prev, hash);
        data.AppendAudit(entry);
        return entry;
    }

    /// <summary>Every entry about one case, oldest first: the case's history.</summary>
    public static IReadOnlyList<AuditEntry> ForCase(VaultData data, string caseId) => data.AuditOfCase(caseId).OrderBy(e => e.Seq).ToList();

    /// <summary>Walks the whole chain; reports the first entry that is missing, out of place, or altered.</summary>
    public static AuditVerification Verify(VaultData data)
    {
        // Erased entries (a destroyed case's) are valid only where a later tombstone names them; the tombstones
        // themselves are checked in the walk below like any entry.
        // A tombstone excuses only entries about its own case or items, so one destroy cannot hide another case's.
        var erasedBy = new Dictionary<long, AuditEntry>();
        foreach (AuditEntry t in data.AuditEntries().Where(e => e.Action == Retention.RetentionAuditActions.Destroy && !e.Erased))
        {
            foreach (long seq in Retention.Tombstone.ErasedEntries(t.Details))
            {
                erasedBy.TryAdd(seq, t);
            }
        }

        long expected = 1;
        string prev = AuditHash.Genesis;
        foreach (AuditEntry e in data.AuditEntries())
        {
            if (e.Seq != expected)
            {
                return Broken(expected, $"entry #{expected} is missing (the log jumps to #{e.Seq})");
            }

            if (e.PrevHash != prev)
            {
                return Broken(e.Seq, $"entry #{e.Seq} does not link to entry #{e.Seq - 1} (an entry was changed, removed or inserted)");
            }

            if (e.Erased)
            {
                if (!erasedBy.TryGetValue(e.Seq, out AuditEntry? tombstone) || tombstone.Seq <= e.Seq)
                {
                    return Broken(e.Seq, $"entry #{e.Seq} was erased, but no later tombstone names it");
                }

                if (e.CaseId != tombstone.CaseId && (e.ItemId is null || !Retention.Tombstone.Items(tombstone.Details).Contains(e.ItemId)))
                {
                    return Broken(e.Seq, $"entry #{e.Seq} was erased, but it is not about the case tombstone #{tombstone.Seq} destroyed");
                }
            }
            else if (AuditHash.Compute(e) != e.Hash)
            {
                return Broken(e.Seq, $"entry #{e.Seq} was changed after it was written");
            }

            prev = e.Hash;
            expected++;
        }

        long count = expected - 1;
        AuditHead? head = data.AuditHead();
        long headSeq = head?.Seq ?? 0;
        string headHash = head?.Hash ?? AuditHash.Genesis;
        if (headSeq != count || headHash != prev)
        {
            return Broken(Math.Min(headSeq, count + 1),
                $"the log ends at entry #{count}, but the vault recorded {headSeq} entries (entries were removed or the record was changed)");
        }

        return new AuditVerification(true, count, null, null);
    }

    private static AuditVerification Broken(long seq, string problem) => new(false, seq - 1, seq, problem);
}

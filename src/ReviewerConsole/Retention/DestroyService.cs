using WhistleSubmit.EncryptedStore;
using WhistleSubmit.ReviewerConsole.Audit;
using WhistleSubmit.ReviewerConsole.Persistence;
using WhistleSubmit.ReviewerConsole.Records;
using WhistleSubmit.ReviewerConsole.Shared;
using WhistleSubmit.ReviewerConsole.Vault;

namespace WhistleSubmit.ReviewerConsole.Retention;

/// <summary>
/// Destroys a case so that nothing of it can be recovered from the vault's disk (issue 19,
/// docs/CONSOLE.md#retention-and-destruction), in three steps, each safe to interrupt:
/// <list type="number">
/// <item>One store transaction: every document of the case goes (items, notes, replies, triage, retention, and any
/// other feature's documents that name the case or its items), incidents are unlinked, the details of its audit entries
/// are erased, its items are remembered (id, ciphertext SHA-256) and the tombstone is appended; a pending-erasure record
/// names the evidence files.</item>
/// <item>Each evidence file is overwritten with zeros in place, synced, and unlinked.</item>
/// <item>The store is compacted under a fresh data key, the old key's slot zeroed and the old files zeroed before the
/// swap (<see cref="DurableStore.Compact"/>); then the pending record is cleared.</item>
/// </list>
/// A kill before the transaction commits leaves the case whole; after it, the case is gone and its tombstone written,
/// and the next open of the vault (any verb) finishes steps 2 and 3 before anything else.
/// </summary>
internal static class DestroyService
{
    // For tests: called with the name of each step before it runs; throwing simulates a crash there.
    internal static Action<string>? Step { get; set; }

    /// <summary>Refuses a case under legal hold; otherwise runs the three steps. The vault's store is closed afterwards.</summary>
    public static DestroyOutcome Destroy(VaultSession vault, string caseId, string reason)
    {
        string why = RetentionService.CheckReason(reason);
        DestroyOutcome outcome = vault.Write(data =>
        {
            CaseRecord c = data.FindCase(caseId) ?? throw new CliException("no case has that id");
            if (data.RetentionOf(caseId)?.Hold is { } hold)
            {
                throw new CliException(
                    $"case {c.ShortId} is under legal hold (since {hold.Since[..10]}, by {hold.Actor}); nothing was destroyed",
                    $"a hold is released only deliberately: 'whistle-review release-hold {c.ShortId} --reason TEXT'");
            }

            var items = data.ItemsOfCase(caseId).OrderBy(i => i.Sequence).ToList();
            var itemIds = items.Select(i => i.Id).ToList();
            var incidents = new List<string>();
            foreach (IncidentRecord incident in data.AllIncidents().Where(i => i.Cases.Contains(caseId)))
            {
                // The incident stays, with its own fields: it happened, and releases already counted it.
                data.UpdateIncident(incident with { Cases = [.. incident.Cases.Where(x => x != caseId)], Updated = vault.Now() });
                incidents.Add(incident.ShortId);
            }

            IReadOnlyList<long> erased = data.AuditEntriesAbout(caseId, itemIds);
            foreach (long seq in erased)
            {
                data.EraseAuditDetails(seq);
            }

            int documents = data.RemoveCaseDocuments(caseId, itemIds);
            AuditEntry tombstone = AuditLog.Append(data, vault.Actor, vault.Now(), RetentionAuditActions.Destroy, caseId, null,
                Tombstone.Format(why, itemIds, incidents, erased));
            foreach (ItemRecord item in items)
            {
                data.InsertDestroyedItem(item.Id, item.CiphertextSha256, tombstone.Seq);
            }

            data.SetPendingDestruction(itemIds);
            return new DestroyOutcome(caseId, items.Count, 0, documents, incidents, erased.Count, tombstone.Seq);
        });

        Step?.Invoke("committed");
        vault.Store.Dispose();
        int wiped = Complete(vault.Paths, vault.StoreKey);
        return outcome with { EvidenceFiles = wiped };
    }

    /// <summary>
    /// Finishes a destruction whose transaction committed (steps 2 and 3) with the store closed; does nothing if none
    /// is pending. Called by 'destroy' and, for one a kill interrupted, by every open of the vault.
    /// </summary>
    /// <returns>The evidence files erased, or -1 if nothing was pending.</returns>
    public static int Complete(VaultPaths paths, ReadOnlySpan<byte> storeKey)
    {
        IReadOnlyList<string>? pending;
        using (DurableStore store = DurableStore.Open(paths.Store, storeKey))
        {
            pending = store.Read(db => new VaultData(db).PendingDestruction());
        }

        if (pending is null)
        {
            return -1;
        }

        int wiped = 0;
        foreach (string itemId in pending)
        {
            Step?.Invoke("evidence");
            wiped += EvidenceEraser.Erase(paths.EvidenceFile(CheckedId(itemId))) ? 1 : 0;
        }

        DirectorySync.Flush(paths.Evidence);
        Step?.Invoke("compact");
        DurableStore.Compact(paths.Store, storeKey);
        Step?.Invoke("clear");
        using (DurableStore store = DurableStore.Open(paths.Store, storeKey))
        {
            store.Write(db => new VaultData(db).SetPendingDestruction(null));
        }

        return wiped;
    }

    /// <summary>Whether a destruction is waiting for steps 2 and 3 (read inside the caller's transaction).</summary>
    public static bool IsPending(DurableStore store) => store.Read(db => new VaultData(db).PendingDestruction() is not null);

    // Item ids come from the store, but a path is built from them: 32 lower-case hex digits or nothing.
    private static string CheckedId(string id) =>
        id.Length == 32 && id.All(ch => ch is (>= '0' and <= '9') or (>= 'a' and <= 'f'))
            ? id
            : throw new InvalidDataException("An item id in the store is not 32 lower-case hex digits.");
}

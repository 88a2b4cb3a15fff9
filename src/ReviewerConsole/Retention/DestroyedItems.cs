using WhistleSubmit.Crypto.Bundles;
using WhistleSubmit.ReviewerConsole.Audit;
using WhistleSubmit.ReviewerConsole.Vault;

namespace WhistleSubmit.ReviewerConsole.Retention;

/// <summary>
/// The items of destroyed cases, as import sees them (issue 19): a bundle item with a destroyed item's id, or with
/// its ciphertext under another id (a portal replaying what it kept), is not staged, not decrypted and not stored. The
/// same id with the same ciphertext is named in the receipt (the reviewers decided it goes: the portal may delete its
/// copy); a destroyed id with other ciphertext is an id clash and refused like any (auditor finding 9).
/// </summary>
internal sealed class DestroyedItems
{
    private readonly Dictionary<string, (string Sha256, long Tombstone)> byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> bySha256 = new(StringComparer.OrdinalIgnoreCase);

    private DestroyedItems()
    {
    }

    public static DestroyedItems Load(VaultSession vault)
    {
        var items = new DestroyedItems();
        foreach ((string id, string sha256, long tombstone) in vault.Read(data => data.DestroyedItems()))
        {
            items.byId[id] = (sha256, tombstone);
            items.bySha256.TryAdd(sha256, tombstone);
        }

        return items;
    }

    public bool IsEmpty => byId.Count == 0;

    /// <summary>The tombstone's entry number if the item is a destroyed one come back (same id or same ciphertext).</summary>
    public long? Tombstone(BundleItem item) =>
        byId.TryGetValue(item.Id, out var known) && string.Equals(known.Sha256, item.Sha256, StringComparison.OrdinalIgnoreCase) ? known.Tombstone
        : !byId.ContainsKey(item.Id) && bySha256.TryGetValue(item.Sha256, out long tombstone) ? tombstone
        : null;

    /// <summary>A destroyed item's id with other ciphertext.</summary>
    public bool Clashes(BundleItem item) =>
        byId.TryGetValue(item.Id, out var known) && !string.Equals(known.Sha256, item.Sha256, StringComparison.OrdinalIgnoreCase);

    /// <summary>Audits each returning item, in one transaction, before the receipt names the audit head.</summary>
    public static void Audit(VaultSession vault, IReadOnlyList<(BundleItem Item, long Tombstone)> returned, string bundleSha256)
    {
        if (returned.Count == 0)
        {
            return;
        }

        vault.Write(data =>
        {
            foreach ((BundleItem item, long tombstone) in returned)
            {
                AuditLog.Append(data, vault.Actor, vault.Now(), RetentionAuditActions.ImportDestroyed, null, item.Id,
                    $"item of a case destroyed at audit entry #{tombstone}, offered again in bundle SHA-256 {bundleSha256}: not imported; named in the receipt");
            }
        });
    }
}

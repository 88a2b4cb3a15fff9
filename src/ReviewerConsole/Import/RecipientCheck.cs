using System.Globalization;
using WhistleSubmit.Crypto.Age;
using WhistleSubmit.Crypto.Bundles;
using WhistleSubmit.ReviewerConsole.Audit;
using WhistleSubmit.ReviewerConsole.Persistence;
using WhistleSubmit.ReviewerConsole.Records;
using WhistleSubmit.ReviewerConsole.Vault;

namespace WhistleSubmit.ReviewerConsole.Import;

/// <summary>
/// Issue 13 P4: what each new item's age header says about its recipients, read before anything is decrypted. Any
/// stanza that is not <c>mlkem768x25519</c> (an X25519 one downgrades the item to classical security; scrypt or an
/// unknown type is nothing the portal may write) refuses the item: it is not decrypted, not stored, not in the receipt,
/// so it stays on the portal. The others are recorded with the team's size (the vault's reviewer keys), and a count
/// that differs (a portal that added a recipient of its own, or dropped one) is flagged in list, show and the TUI.
/// </summary>
internal sealed class RecipientCheck(int teamSize)
{
    private readonly Dictionary<string, IReadOnlyList<string>> accepted = new(StringComparer.Ordinal);
    private readonly List<RefusedItem> refused = [];

    public IReadOnlyList<RefusedItem> Refused => refused;

    /// <summary>Reads the staged item's header; false (and the reason kept) if the item is refused.</summary>
    public bool Admit(string stagedPath, BundleItem item, int number, int total)
    {
        AgeHeaderInfo info;
        using (var file = new FileStream(stagedPath, FileMode.Open, FileAccess.Read, FileShare.Read))
        {
            // The portal only ever stores binary age files. Anything else is refused here, before decryption: an
            // ASCII-armored file (which the decrypter would accept) would otherwise carry any recipients past this check.
            try
            {
                info = AgeEncryption.Inspect(file);
            }
            catch (AgeException)
            {
                refused.Add(new RefusedItem(item.Id, number, total, "it is not a binary age file, so its recipients cannot be checked"));
                return false;
            }
        }

        if (RefusalReason(info.StanzaTypes) is { } reason)
        {
            refused.Add(new RefusedItem(item.Id, number, total, reason));
            return false;
        }

        accepted[item.Id] = info.StanzaTypes;
        return true;
    }

    /// <summary>
    /// Refuses an item for another reason (it does not decrypt, is not a valid container, or its id is in the vault with
    /// other contents): the same path as a recipient refusal, so it is not stored, not in the receipt, named and audited.
    /// </summary>
    public void Refuse(BundleItem item, int number, int total, string reason)
    {
        accepted.Remove(item.Id);
        refused.Add(new RefusedItem(item.Id, number, total, reason));
    }

    /// <summary>Why a header with these stanza types is refused, or null if every stanza is post-quantum.</summary>
    public static string? RefusalReason(IReadOnlyList<string> types)
    {
        if (types.Count == 0)
        {
            return "its header names no recipient";
        }

        int x25519 = types.Count(t => t == X25519Recipient.StanzaType);
        int other = types.Count(t => t != X25519Recipient.StanzaType && t != MlKem768X25519Recipient.StanzaType);
        return (x25519, other) switch
        {
            (0, 0) => null,
            (> 0, 0) => string.Create(CultureInfo.InvariantCulture,
                $"it is encrypted to {x25519} X25519 {(x25519 == 1 ? "recipient" : "recipients")}: classical encryption, without the post-quantum protection every item must have"),
            _ => string.Create(CultureInfo.InvariantCulture,
                $"it is encrypted to {other} {(other == 1 ? "recipient" : "recipients")} of a type the portal never writes"),
        };
    }

    /// <summary>
    /// The hook in the import's store transaction: records the accepted items, audits each refusal, and records items
    /// imported before this check from their evidence files (their header is all it takes).
    /// </summary>
    public void Record(VaultData data, VaultSession vault, IEnumerable<string> importedIds)
    {
        foreach (string id in importedIds)
        {
            if (accepted.TryGetValue(id, out IReadOnlyList<string>? types))
            {
                data.InsertRecipients(new RecipientRecord(id, types, teamSize));
            }
        }

        foreach (RefusedItem r in refused)
        {
            AuditLog.Append(data, vault.Actor, vault.Now(), AuditActions.ImportRefused, null, r.Id, $"item refused: {r.Reason}");
        }

        var recorded = data.AllRecipients().Select(r => r.ItemId).ToHashSet(StringComparer.Ordinal);
        foreach (string id in data.ItemSignatures().Select(s => s.Id).Where(id => !recorded.Contains(id)))
        {
            if (Backfill(vault.Paths.EvidenceFile(id)) is { } old)
            {
                data.InsertRecipients(new RecipientRecord(id, old, teamSize));
            }
        }
    }

    private static IReadOnlyList<string>? Backfill(string evidence)
    {
        try
        {
            using var file = new FileStream(evidence, FileMode.Open, FileAccess.Read, FileShare.Read);
            return AgeEncryption.Inspect(file).StanzaTypes;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or AgeException)
        {
            return null;
        }
    }
}

/// <summary>An item import refused, with its position in the bundle and the reason in plain words.</summary>
internal sealed record RefusedItem(string Id, int Number, int Total, string Reason);

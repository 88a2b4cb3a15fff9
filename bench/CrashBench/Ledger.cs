using System.Collections.Concurrent;

namespace WhistleSubmit.Bench.CrashBench;

/// <summary>
/// What the portal acknowledged and what the operator confirmed: an item acknowledged (201) and not confirmed must be
/// in the store after every restart. An item in a confirmation the crash cut may be gone or not; either is right.
/// </summary>
internal sealed class Ledger
{
    /// <summary>Receipt → SHA-256 of the ciphertext the source sent.</summary>
    public ConcurrentDictionary<string, string> Acknowledged { get; } = new();

    /// <summary>Mailbox tokens of acknowledged submissions (replies go to their mailboxes).</summary>
    public ConcurrentBag<string> Tokens { get; } = [];

    /// <summary>Receipts deleted by a confirmation that completed.</summary>
    public ConcurrentDictionary<string, bool> Confirmed { get; } = new();

    /// <summary>Receipts in a confirmation the crash cut.</summary>
    public ConcurrentDictionary<string, bool> MaybeConfirmed { get; } = new();

    /// <summary>Receipts seen, hash-checked and decrypted in an export bundle.</summary>
    public ConcurrentDictionary<string, bool> Exported { get; } = new();

    /// <summary>Replies bundles whose import completed: path → number of replies.</summary>
    public ConcurrentDictionary<string, int> RepliesBundles { get; } = new();

    /// <summary>Acknowledged receipts the store must still hold.</summary>
    public IEnumerable<string> MustHold => Acknowledged.Keys.Where(r => !Confirmed.ContainsKey(r) && !MaybeConfirmed.ContainsKey(r));
}

namespace WhistleSubmit.Portal.Store;

/// <summary>
/// What a confirmation deleted, which of the receipt's items of that bundle were already gone, and whether the store
/// was compacted afterwards (false: the deletion stands, but old ciphertext may remain in the store files until a
/// later compaction). AlreadyConfirmed: the bundle's receipt was confirmed in full before, so nothing was left to do.
/// </summary>
public sealed record ConfirmOutcome(IReadOnlyList<string> Deleted, IReadOnlyList<string> Missing, bool Compacted)
{
    public bool AlreadyConfirmed { get; init; }
}

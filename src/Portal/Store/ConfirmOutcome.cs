namespace WhistleSubmit.Portal.Store;

/// <summary>
/// What a confirmation deleted, which of the receipt's items of that bundle were already gone, and whether the store
/// was compacted afterwards (false: the deletion stands, but old ciphertext may remain in the store files until a
/// later compaction).
/// </summary>
public sealed record ConfirmOutcome(IReadOnlyList<string> Deleted, IReadOnlyList<string> Missing, bool Compacted);

namespace WhistleSubmit.ReviewerConsole.Import;

/// <summary>
/// What an import did: counts, the cases it opened, the new messages (follow-ups) per older case, where the receipt
/// for <c>whistle-portal confirm</c> went, and the case-proof flags (<see cref="Outcome"/>).
/// </summary>
internal sealed record ImportResult(
    string BundleSha256, int Total, int Imported, int AlreadyPresent, IReadOnlyList<string> NewCaseIds,
    IReadOnlyDictionary<string, int> NewMessages, string ReceiptPath, ImportOutcome Outcome)

{
    /// <summary>Items refused (issue 13 P4 recipients, 13/15 not decrypting or parsing, finding 9 id clash): not in the vault, not in the receipt.</summary>
    public IReadOnlyList<RefusedItem> Refused { get; init; } = [];

    /// <summary>Issue 19: ids of items of destroyed cases offered again: not stored, but named in the receipt.</summary>
    public IReadOnlyList<string> Destroyed { get; init; } = [];
}

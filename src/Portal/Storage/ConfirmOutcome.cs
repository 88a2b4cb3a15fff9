namespace WhistleSubmit.Portal.Storage;

/// <summary>What a confirmation deleted, and which of the receipt's items of that bundle were already gone.</summary>
public sealed record ConfirmOutcome(IReadOnlyList<string> Deleted, IReadOnlyList<string> Missing);

namespace WhistleSubmit.Portal.Features.Transfer.Operations;

/// <summary>
/// What a replies bundle did, by item id: stored now, already here (import is idempotent), or skipped because this
/// portal has no such mailbox.
/// </summary>
public sealed record ImportResult(IReadOnlyList<string> Imported, IReadOnlyList<string> AlreadyPresent, IReadOnlyList<string> UnknownMailbox);

namespace WhistleSubmit.ReviewerConsole.Records;

/// <summary>
/// One case: everything from one source. <see cref="Id"/> is 32 random hex digits; people use
/// <see cref="ShortId"/> (its first 8) or any unique prefix. A v2 case is everything proven by one codename: its
/// <see cref="Proof"/> is SHA-256 of the case key inside its items, its <see cref="MailboxId"/> the one inside its first
/// item and its reply recipient that of its first v2 report (docs/CONSOLE.md#case-proof). A v1 case (no proof) is one
/// source mailbox as the portal named it, its reply recipient from its first report.
/// <see cref="Unread"/> counts the items that joined the case since a reviewer last read it ('show', or Enter in the TUI).
/// </summary>
internal sealed record CaseRecord(
    string Id,
    string MailboxId,
    CaseStatus Status,
    int? Severity,
    string? Assignee,
    IReadOnlyList<string> Tags,
    string Opened,
    string Updated,
    string? ReplyRecipient,
    int Unread = 0,
    string? Proof = null,
    IReadOnlyList<string>? Conflicts = null)
{
    /// <summary>A v1 case: grouped by the portal's mailbox id (cases stored before v2, and v1 items since).</summary>
    public bool IsV1 => Proof is null;

    /// <summary>Ids of later cases that opened on this case's mailbox id with another case proof.</summary>
    public IReadOnlyList<string> ConflictingCases => Conflicts ?? [];

    public const int ShortIdLength = 8;

    public string ShortId => Id[..ShortIdLength];
}

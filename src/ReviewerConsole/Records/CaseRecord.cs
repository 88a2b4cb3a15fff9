namespace WhistleSubmit.ReviewerConsole.Records;

/// <summary>
/// One case: everything from one source mailbox. <see cref="Id"/> is 32 random hex digits; people use
/// <see cref="ShortId"/> (its first 8) or any unique prefix. The reply recipient comes from the source's report.
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
    int Unread = 0)
{
    public const int ShortIdLength = 8;

    public string ShortId => Id[..ShortIdLength];
}

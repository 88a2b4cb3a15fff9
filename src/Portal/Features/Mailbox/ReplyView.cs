namespace WhistleSubmit.Portal.Features.Mailbox;

/// <summary>
/// One item of the mailbox as shown to the source: its day, and, only when <see cref="State"/> is
/// <see cref="ReplyState.Verified"/>, what it says: a reply's <see cref="Text"/>, a case status
/// (<see cref="Status"/>, <see cref="ReferredTo"/>, <see cref="Seq"/>), or a consent request (<see cref="Id"/>,
/// <see cref="Destinations"/>).
/// </summary>
public sealed record ReplyView(string Day, string? Text, ReplyState State)
{
    public MailboxItemKind Kind { get; init; } = MailboxItemKind.Reply;

    /// <summary>The signed item id (a consent answer names it).</summary>
    public string? Id { get; init; }

    public string? Status { get; init; }

    public string? ReferredTo { get; init; }

    public long Seq { get; init; }

    public IReadOnlyList<string> Destinations { get; init; } = [];
}

/// <summary>What a verified mailbox item is.</summary>
public enum MailboxItemKind
{
    Reply,
    Status,
    ConsentRequest,
}

/// <summary>What the mailbox could make of a reply.</summary>
public enum ReplyState
{
    /// <summary>Signed with the team key, for this mailbox: the text is the reviewers'.</summary>
    Verified,

    /// <summary>Decrypted, but not a reply signed with the team key for this mailbox: a warning is shown, not the text.</summary>
    Unverified,

    /// <summary>Did not decrypt with this codename's reply key.</summary>
    Unreadable,
}

namespace WhistleSubmit.Portal.Features.Mailbox;

/// <summary>One reply as shown to the source: its day, and its text only when <see cref="State"/> is <see cref="ReplyState.Verified"/>.</summary>
public sealed record ReplyView(string Day, string? Text, ReplyState State);

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

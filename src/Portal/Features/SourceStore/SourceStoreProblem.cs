namespace WhistleSubmit.Portal.Features.SourceStore;

/// <summary>Why the store refused: each maps to one status and one plain message on the page.</summary>
public enum SourceStoreProblem
{
    /// <summary>Disk full or global quota reached: 503, try later.</summary>
    Full,

    /// <summary>The item is over the size the store accepts: 413.</summary>
    OverLimit,

    /// <summary>This mailbox has sent too much lately: 429.</summary>
    MailboxQuota,
}

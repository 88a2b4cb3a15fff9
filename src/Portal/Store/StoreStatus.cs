namespace WhistleSubmit.Portal.Store;

/// <summary>Counts for <c>whistle-portal status</c>; days, never times.</summary>
public sealed record StoreStatus(
    int Mailboxes,
    int Submissions,
    int Followups,
    int Replies,
    int Unexported,
    long UnexportedBytes,
    string? OldestUnexportedDay,
    int UnreadReplies,
    int PendingUploads,
    long StoredBytes,
    long FreeDiskBytes);

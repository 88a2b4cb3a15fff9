namespace WhistleSubmit.ReviewerConsole.Records;

/// <summary>
/// Something import noticed about an item's case proof (docs/CONSOLE.md#case-proof): shown on the item in
/// 'show', as a flag on its case in 'list' and the TUI, and in the import output. Never cleared.
/// </summary>
/// <param name="Kind">One of the constants below.</param>
/// <param name="Detail">What it names: the other mailbox id, case id or reply recipient; null for v1.</param>
internal sealed record ItemFlag(string Kind, string? Detail)
{
    /// <summary>A v1 item: grouped by the portal's mailbox id, which nothing inside the encryption confirms.</summary>
    public const string V1Unproven = "v1-unproven";

    /// <summary>The manifest (the portal) filed it under another mailbox than the one inside it; Detail: the manifest's.</summary>
    public const string Routed = "routed";

    /// <summary>It opened a case of its own although another case has its mailbox id; Detail: that case's id.</summary>
    public const string Conflict = "conflict";

    /// <summary>It claims another reply key than the case's proven one, which stays; Detail: the key it claims.</summary>
    public const string OtherReplyKey = "other-reply-key";

    /// <summary>It proves the case but names another mailbox than the case's; Detail: the mailbox it names.</summary>
    public const string OtherMailbox = "other-mailbox";
}

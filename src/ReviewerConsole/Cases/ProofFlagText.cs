using WhistleSubmit.Crypto.Age;
using WhistleSubmit.ReviewerConsole.Records;

namespace WhistleSubmit.ReviewerConsole.Cases;

/// <summary>The words for case-proof flags (<see cref="ItemFlag"/>), the same in show, list, the TUI and import.</summary>
internal static class ProofFlagText
{
    /// <summary>The short label of the list's FLAGS column and --json.</summary>
    public static string Label(string kind) => kind switch
    {
        ItemFlag.V1Unproven => "v1",
        ItemFlag.Routed => "routed",
        ItemFlag.Conflict => "conflict",
        ItemFlag.OtherReplyKey => "replykey",
        ItemFlag.OtherMailbox => "mailbox",
        _ => kind,
    };

    /// <summary>One line, in capitals where the reviewer must look (everything but v1).</summary>
    public static string Describe(ItemFlag flag) => flag.Kind switch
    {
        ItemFlag.V1Unproven => "v1: grouping not proven (filed by the portal's mailbox id; nothing inside the item confirms which source sent it)",
        ItemFlag.Routed => $"ROUTED UNDER ANOTHER MAILBOX: the portal filed it under mailbox {Short(flag.Detail)}, not the one inside it; it is kept in the case its proof names",
        ItemFlag.Conflict => $"CONFLICT: case {Short(flag.Detail)} has the same mailbox id but not this item's case proof (another codename, or a forgery); not merged",
        ItemFlag.OtherReplyKey => $"OTHER REPLY KEY CLAIMED: {Fingerprint(flag.Detail)}; replies still go only to the case's own key",
        ItemFlag.OtherMailbox => $"OTHER MAILBOX CLAIMED: {Short(flag.Detail)}; replies still go to the case's own mailbox",
        _ => flag.Kind,
    };

    /// <summary>Whether a reviewer must look at it: every flag but v1.</summary>
    public static bool IsWarning(ItemFlag flag) => flag.Kind != ItemFlag.V1Unproven;

    private static string Short(string? id) => id is { Length: >= CaseRecord.ShortIdLength } ? id[..CaseRecord.ShortIdLength] : "?";

    private static string Fingerprint(string? recipient)
    {
        try
        {
            return recipient is null ? "?" : "key " + RecipientFingerprint.Compute(recipient);
        }
        catch (ArgumentException)
        {
            return "?";
        }
    }
}

using WhistleSubmit.Crypto.Codenames;
using WhistleSubmit.ReviewerConsole.Persistence;
using WhistleSubmit.ReviewerConsole.Records;

namespace WhistleSubmit.ReviewerConsole.Cases;

/// <summary>
/// Which case an item joins, decided only by what is inside its encryption (docs/CONSOLE.md#case-proof, issue 13 P1,
/// P2). A v2 item joins the case whose proof is SHA-256 of its case key, never by the manifest's mailbox id, which the
/// portal writes: a different manifest mailbox is flagged "routed". A new proof on a known mailbox id opens a new case,
/// flagged as a conflict naming the other. The reply key is the first v2 report's; a later claim of another is flagged.
/// A v1 item (no case key) is grouped by the manifest's mailbox among v1 cases only, flagged "grouping not proven".
/// </summary>
internal static class CaseMatching
{
    /// <param name="Existing">The case the item joins, or null to open a new one.</param>
    /// <param name="Proof">The new case's proof (null for v1).</param>
    /// <param name="MailboxId">The new case's mailbox id: where its replies go.</param>
    /// <param name="ReplyRecipient">The case's reply recipient after this item (the joined case's, or the report's).</param>
    /// <param name="Flags">What the item is flagged with.</param>
    /// <param name="Conflicting">Cases the new case conflicts with (same mailbox id, another proof or version).</param>
    internal sealed record Decision(
        CaseRecord? Existing, string? Proof, string MailboxId, string? ReplyRecipient, IReadOnlyList<ItemFlag> Flags, IReadOnlyList<CaseRecord> Conflicting);

    public static Decision Decide(VaultData data, IntakeItem item)
    {
        string? caseKey = item.Report?.CaseKey ?? item.Message?.CaseKey;
        string? replyKey = item.Report?.ReplyRecipient;
        var flags = new List<ItemFlag>();
        if (caseKey is null)
        {
            flags.Add(new ItemFlag(ItemFlag.V1Unproven, null));
            IReadOnlyList<CaseRecord> sameMailbox = data.CasesOfMailbox(item.MailboxId);
            CaseRecord? v1Case = sameMailbox.FirstOrDefault(c => c.IsV1);
            return v1Case is not null
                ? Join(v1Case, replyKey, flags)
                : Open(null, item.MailboxId, replyKey, flags, sameMailbox);
        }

        // Both are 64 lower-case hex digits: SubmissionReader checked them.
        string proof = SourceKeys.CaseProofFromKey(Convert.FromHexString(caseKey));
        string innerMailbox = (item.Report?.MailboxId ?? item.Message?.MailboxId)!;
        if (innerMailbox != item.MailboxId)
        {
            flags.Add(new ItemFlag(ItemFlag.Routed, item.MailboxId));
        }

        if (data.CaseOfProof(proof) is { } proven)
        {
            if (innerMailbox != proven.MailboxId)
            {
                flags.Add(new ItemFlag(ItemFlag.OtherMailbox, innerMailbox));
            }

            return Join(proven, replyKey, flags);
        }

        // A v2 item never joins a v1 case, nor another proof's case: whatever has this mailbox id is a conflict.
        return Open(proof, innerMailbox, replyKey, flags, data.CasesOfMailbox(innerMailbox));
    }

    private static Decision Join(CaseRecord existing, string? replyKey, List<ItemFlag> flags)
    {
        // Only the first report with a reply key sets it; a later different one is shown, never used nor dropped.
        if (existing.ReplyRecipient is not null && replyKey is not null && replyKey != existing.ReplyRecipient)
        {
            flags.Add(new ItemFlag(ItemFlag.OtherReplyKey, replyKey));
        }

        return new Decision(existing, existing.Proof, existing.MailboxId, existing.ReplyRecipient ?? replyKey, flags, []);
    }

    private static Decision Open(string? proof, string mailboxId, string? replyKey, List<ItemFlag> flags, IReadOnlyList<CaseRecord> sameMailbox)
    {
        flags.AddRange(sameMailbox.Select(c => new ItemFlag(ItemFlag.Conflict, c.Id)));
        return new Decision(null, proof, mailboxId, replyKey, flags, sameMailbox);
    }
}

using WhistleSubmit.ReviewerConsole.Records;
using WhistleSubmit.ReviewerConsole.Retention;

namespace WhistleSubmit.ReviewerConsole.Cases;

/// <summary>
/// Everything about one case, for show and the TUI: items in import order, notes, replies, history (its audit
/// entries), and for each flagged item id the short id of the case that item belongs to.
/// </summary>
internal sealed record CaseDetail(
    CaseRecord Case,
    IReadOnlyList<ItemRecord> Items,
    IReadOnlyList<NoteRecord> Notes,
    IReadOnlyList<ReplyRecord> Replies,
    IReadOnlyList<AuditEntry> History,
    IReadOnlyDictionary<string, string> CaseOfItem)
{
    public IReadOnlyList<string> Categories => [.. Items.SelectMany(i => i.Categories).Distinct(StringComparer.Ordinal)];

    /// <summary>Issue 13 P4: what import recorded of each item's recipients (none for items imported before it did).</summary>
    public IReadOnlyDictionary<string, RecipientRecord> Recipients { get; init; } = new Dictionary<string, RecipientRecord>();

    /// <summary>The source's consent answers recorded with the case (issue 19), in any order.</summary>
    public IReadOnlyList<ConsentRecord> Consents { get; init; } = [];

    /// <summary>The answer that counts per destination (<see cref="ConsentService.Latest"/>), in canonical order.</summary>
    public IReadOnlyList<(string Destination, string Answer, string Time)> ConsentAnswers => ConsentService.Latest(Consents, Replies);

    /// <summary>The newest case status set for the source, or null.</summary>
    public ReplyRecord? SourceStatus => SourceStatusService.Current(Replies);

    /// <summary>Issue 19: the case's retention as of today.</summary>
    public RetentionStatus? Retention { get; init; }

    /// <summary>The items whose recipient count differs from the team's, with the warning line.</summary>
    public IReadOnlyList<(ItemRecord Item, string Warning)> RecipientWarnings =>
        [.. Items.Select(i => (Item: i, Warning: Recipients.GetValueOrDefault(i.Id)?.Warning)).Where(w => w.Warning is not null).Select(w => (w.Item, w.Warning!))];
}

using WhistleSubmit.ReviewerConsole.Records;

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
}

using WhistleSubmit.ReviewerConsole.Records;

namespace WhistleSubmit.ReviewerConsole.Cases;

/// <summary>
/// One row of the case list: the case, counts, its categories, the first line of its first report (untrusted text:
/// sanitise before printing) and whether any of its items duplicates or nearly duplicates another item.
/// </summary>
internal sealed record CaseSummary(
    CaseRecord Case,
    int Submissions,
    int Followups,
    int Attachments,
    int Notes,
    int QueuedReplies,
    IReadOnlyList<string> Categories,
    string Summary,
    bool HasDuplicates,
    bool HasNearDuplicates)
{
    /// <summary>Issue 13 P4: the loud line when any item was encrypted to more or fewer recipients than the team has.</summary>
    public string? RecipientWarning { get; init; }
}

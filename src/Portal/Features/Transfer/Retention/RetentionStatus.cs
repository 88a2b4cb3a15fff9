using WhistleSubmit.Portal.Store;

namespace WhistleSubmit.Portal.Features.Transfer.Retention;

/// <summary>
/// What waits and for how long: the unexported items (oldest first), the exports still unconfirmed, and which of
/// either are past their warning age.
/// </summary>
public sealed record RetentionStatus(
    DateOnly Today,
    IReadOnlyList<StoredItem> Unexported,
    IReadOnlyList<PendingExport> PendingExports,
    int UnexportedOverdue,
    int? OldestUnexportedAgeDays,
    IReadOnlyList<PendingExport> ExportsOverdue,
    int Replies,
    int UnreadReplies,
    RetentionOptions Options)
{
    public int NewSubmissions => Unexported.Count(i => i.Kind == ItemKind.Submission);

    public int NewFollowups => Unexported.Count(i => i.Kind == ItemKind.Followup);

    public long UnexportedBytes => Unexported.Sum(i => i.Size);

    public int AgeDays(string day) => Today.DayNumber - DateOnly.ParseExact(day, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).DayNumber;
}

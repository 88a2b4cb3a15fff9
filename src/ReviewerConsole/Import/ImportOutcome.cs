using WhistleSubmit.ReviewerConsole.Records;

namespace WhistleSubmit.ReviewerConsole.Import;

/// <summary>
/// What the store transaction of an import did with the new items: cases opened, new messages per older case, every
/// case-proof flag raised (item, case, flag) and how many items were v1 (grouping not proven).
/// </summary>
internal sealed record ImportOutcome(
    IReadOnlyList<string> Opened,
    IReadOnlyDictionary<string, int> NewMessages,
    IReadOnlyList<(string ItemId, string CaseId, ItemFlag Flag)> Flagged,
    int V1Items)
{
    public static ImportOutcome None { get; } = new([], new Dictionary<string, int>(), [], 0);
}

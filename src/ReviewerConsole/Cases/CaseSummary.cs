using WhistleSubmit.ReviewerConsole.Records;
using WhistleSubmit.ReviewerConsole.Retention;

namespace WhistleSubmit.ReviewerConsole.Cases;

/// <summary>
/// One row of the case list: the case, counts, its categories, the first line of its first report (untrusted text:
/// sanitise before printing), whether any of its items duplicates or nearly duplicates another item, and its case-proof
/// flags (docs/CONSOLE.md#case-proof).
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
    bool HasNearDuplicates,
    IReadOnlyList<string>? ProofFlags = null)
{
    /// <summary>The short labels of its items' case-proof flags and its conflicts (<see cref="ProofFlagText.Label"/>), each once.</summary>
    public IReadOnlyList<string> ProofLabels => ProofFlags ?? [];

    /// <summary>Whether a flag other than v1 is raised: the reviewer must look.</summary>
    public bool HasProofWarning => ProofLabels.Any(l => l != ProofFlagText.Label(ItemFlag.V1Unproven));

    /// <summary>Issue 13 P4: the loud line when any item was encrypted to more or fewer recipients than the team has.</summary>
    public string? RecipientWarning { get; init; }

    /// <summary>Issue 19: the case's retention as of today (expiring, due, held).</summary>
    public RetentionStatus? Retention { get; init; }
}

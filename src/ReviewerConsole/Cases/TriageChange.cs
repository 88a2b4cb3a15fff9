using WhistleSubmit.ReviewerConsole.Records;

namespace WhistleSubmit.ReviewerConsole.Cases;

/// <summary>What a triage changes; null or empty members leave that field alone. <see cref="Assignee"/> "" unassigns.</summary>
internal sealed record TriageChange(
    CaseStatus? Status = null,
    int? Severity = null,
    string? Assignee = null,
    IReadOnlyList<string>? AddTags = null,
    IReadOnlyList<string>? RemoveTags = null);

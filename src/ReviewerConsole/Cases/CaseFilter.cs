using WhistleSubmit.ReviewerConsole.Records;

namespace WhistleSubmit.ReviewerConsole.Cases;

/// <summary>What <see cref="CaseQueryService.List"/> keeps: all set conditions must hold. Search is a case-insensitive substring.</summary>
internal sealed record CaseFilter(CaseStatus? Status = null, string? Category = null, string? Search = null);

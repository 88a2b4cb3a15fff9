namespace WhistleSubmit.ReviewerConsole.Records;

/// <summary>
/// What the vault stores about one case's retention (the <c>retention</c> collection, keyed by case id): its own
/// period, if it overrides the vault's default, and its legal hold, if any. A case without a record follows the default.
/// </summary>
internal sealed record CaseRetention(string CaseId, RetentionPeriod? Period, LegalHold? Hold);

namespace WhistleSubmit.ReviewerConsole.Audit;

/// <summary>The outcome of <see cref="AuditLog.Verify"/>: OK with the entry count, or the first entry that breaks the chain and why.</summary>
internal sealed record AuditVerification(bool Ok, long Count, long? BrokenAt, string? Problem);

namespace WhistleSubmit.ReviewerConsole.Records;

/// <summary>The audit log's last entry (number and hash), kept apart from the log so cutting entries off its end shows.</summary>
internal sealed record AuditHead(long Seq, string Hash);

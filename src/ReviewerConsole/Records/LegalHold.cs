namespace WhistleSubmit.ReviewerConsole.Records;

/// <summary>A legal hold on a case: since when (vault time), who placed it, and why (the reviewer's words, one line).</summary>
internal sealed record LegalHold(string Since, string Actor, string Reason);

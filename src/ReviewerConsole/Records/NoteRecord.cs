namespace WhistleSubmit.ReviewerConsole.Records;

/// <summary>A reviewer's note on a case (kept only in the vault).</summary>
internal sealed record NoteRecord(string Id, string CaseId, string Time, string Actor, string Text);

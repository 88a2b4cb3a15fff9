namespace WhistleSubmit.ReviewerConsole.Records;

/// <summary>
/// A case's redaction marks, numbered from 1 (a number is never given twice, even after a mark is removed), and the
/// case's 32 random bytes that salt the packet's hashes of redacted originals (docs/CONSOLE.md#redaction).
/// </summary>
internal sealed record RedactionSet(string CaseId, byte[] Salt, int LastNumber, IReadOnlyList<RedactionMark> Marks)
{
    public bool IsEmpty => Marks.Count == 0;
}

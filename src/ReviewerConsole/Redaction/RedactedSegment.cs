namespace WhistleSubmit.ReviewerConsole.Redaction;

/// <summary>
/// A piece of a redacted text: kept text, or a mark (<see cref="Marks"/>: the numbers of the redactions it stands for)
/// that replaces what was there. A mark never says how long the text it hides was.
/// </summary>
internal sealed record RedactedSegment(string Text, IReadOnlyList<int>? Marks)
{
    public const string Block = "█";

    public bool IsMark => Marks is not null;

    /// <summary>What a reader sees at a mark, e.g. "█ redacted 2" or "█ redacted 1, 3".</summary>
    public static string Label(IReadOnlyList<int> marks) => $"{Block} redacted {string.Join(", ", marks)}";

    /// <summary>The text as the packet shows it (marks as their labels): what the redacted hash is of.</summary>
    public static string Join(IEnumerable<RedactedSegment> segments) => string.Concat(segments.Select(s => s.IsMark ? Label(s.Marks!) : s.Text));
}

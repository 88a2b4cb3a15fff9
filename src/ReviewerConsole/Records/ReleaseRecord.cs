namespace WhistleSubmit.ReviewerConsole.Records;

/// <summary>
/// A release as published (docs/FORMATS.md#release): its number, the date it is "as of", the SHA-256 of its signed
/// SHA256SUMS, and every source-derived count exactly as it went out (null where suppressed), so that the next
/// release can be checked against it (Releases/ReleaseSafety.cs).
/// </summary>
internal sealed record ReleaseRecord(int Number, string AsOf, string SumsSha256, string Published, int? Total, IReadOnlyList<PublishedTable> Tables);

/// <summary>One published table of source-derived counts: each row's value, or null where it was suppressed.</summary>
internal sealed record PublishedTable(string Name, IReadOnlyList<PublishedCell> Cells);

internal sealed record PublishedCell(string Value, int? Count);

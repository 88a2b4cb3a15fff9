namespace WhistleSubmit.ReviewerConsole.Records;

/// <summary>
/// A source's answer to a consent request, recorded at import from the <c>consent.json</c> follow-up
/// (<see cref="ItemId"/>): per destination, yes or no. The latest answer for a destination is the one that counts.
/// </summary>
internal sealed record ConsentRecord(string ItemId, string CaseId, string RequestId, string Time, IReadOnlyList<(string Destination, string Answer)> Answers);

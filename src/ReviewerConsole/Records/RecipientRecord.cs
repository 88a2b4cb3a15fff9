using System.Globalization;

namespace WhistleSubmit.ReviewerConsole.Records;

/// <summary>
/// What an imported item's age header said about its recipients (issue 13 P4), recorded at import: the type of each
/// stanza in file order, and how many reviewer keys the vault had then (the team roster). A portal that adds a
/// recipient of its own, or drops one, shows as a count that differs from the team's.
/// </summary>
internal sealed record RecipientRecord(string ItemId, IReadOnlyList<string> StanzaTypes, int TeamSize)
{
    public int Count => StanzaTypes.Count;

    /// <summary>Null when the count is the team's; else the loud line list, show and the TUI print.</summary>
    public string? Warning => Count == TeamSize ? null : string.Create(CultureInfo.InvariantCulture,
        $"⚠ encrypted to {Count} {(Count == 1 ? "recipient" : "recipients")}; the team has {TeamSize}");
}

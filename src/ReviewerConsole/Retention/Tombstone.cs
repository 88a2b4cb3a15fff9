using System.Globalization;

namespace WhistleSubmit.ReviewerConsole.Retention;

/// <summary>
/// The details of a <c>case.destroy</c> audit entry: the reviewer's reason, the destroyed items' ids, the incidents
/// the case was unlinked from and the audit entries whose details were erased. Ids and numbers only, never content; the
/// entry itself carries the case id, the time and who.
/// </summary>
internal static class Tombstone
{
    private const string ErasedMarker = "; erased audit entries: ";

    public static string Format(string reason, IReadOnlyList<string> itemIds, IReadOnlyList<string> incidents, IReadOnlyList<long> erased) =>
        string.Create(CultureInfo.InvariantCulture,
            $"case destroyed: {reason}; {itemIds.Count} items: {(itemIds.Count == 0 ? "-" : string.Join(' ', itemIds))}; unlinked from incidents: {(incidents.Count == 0 ? "-" : string.Join(' ', incidents))}")
        + ErasedMarker + (erased.Count == 0 ? "-" : string.Join(',', erased.Select(s => s.ToString(CultureInfo.InvariantCulture))));

    /// <summary>The item ids a tombstone's details name (none if they do not parse).</summary>
    public static IReadOnlyList<string> Items(string details)
    {
        int start = details.IndexOf(" items: ", StringComparison.Ordinal);
        int end = start < 0 ? -1 : details.IndexOf("; unlinked from incidents: ", start, StringComparison.Ordinal);
        if (end < 0)
        {
            return [];
        }

        string list = details[(start + " items: ".Length)..end];
        return list == "-" ? [] : list.Split(' ');
    }

    /// <summary>The entry numbers a tombstone's details name as erased (none if they do not parse: then nothing is excused).</summary>
    public static IReadOnlyList<long> ErasedEntries(string details)
    {
        int at = details.LastIndexOf(ErasedMarker, StringComparison.Ordinal);
        if (at < 0)
        {
            return [];
        }

        string list = details[(at + ErasedMarker.Length)..];
        var seqs = new List<long>();
        foreach (string part in list.Split(','))
        {
            if (!long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out long seq))
            {
                return [];
            }

            seqs.Add(seq);
        }

        return seqs;
    }
}

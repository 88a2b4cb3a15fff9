using WhistleSubmit.Crypto.Containers;
using WhistleSubmit.ReviewerConsole.Cases;
using WhistleSubmit.ReviewerConsole.Records;

namespace WhistleSubmit.ReviewerConsole.Redaction;

/// <summary>
/// The free-text fields a source writes, by the names <c>redact --field</c> takes: a report's description, evidence,
/// retaliation, outcome (of internal reporting) and place, a follow-up's message. The other answers are choices from
/// fixed lists; a --text mark still reaches them.
/// </summary>
internal static class RedactableFields
{
    public const string Description = "description";
    public const string Evidence = "evidence";
    public const string Retaliation = "retaliation";
    public const string Outcome = "outcome";
    public const string Place = "place";
    public const string Message = "message";

    public static IReadOnlyList<string> Names { get; } = [Description, Evidence, Retaliation, Outcome, Place, Message];

    /// <summary>Every free-text field of the items, in item order, fields that are empty or absent left out.</summary>
    public static IReadOnlyList<RedactableText> Of(IEnumerable<ItemRecord> items)
    {
        var result = new List<RedactableText>();
        foreach (ItemRecord item in items)
        {
            if (item.IsSubmission)
            {
                ReportV1 r = Documents.Report(item);
                Add(result, item, Description, r.Description);
                Add(result, item, Evidence, r.Evidence);
                Add(result, item, Retaliation, r.Retaliation);
                Add(result, item, Outcome, r.InternalReporting?.Outcome);
                Add(result, item, Place, r.Where?.Place);
            }
            else
            {
                Add(result, item, Message, Documents.Message(item).Text);
            }
        }

        return result;
    }

    private static void Add(List<RedactableText> result, ItemRecord item, string field, string? text)
    {
        if (!string.IsNullOrEmpty(text))
        {
            result.Add(new RedactableText(item, field, text));
        }
    }
}

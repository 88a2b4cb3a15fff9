using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using WhistleSubmit.Crypto.Containers;
using WhistleSubmit.ReviewerConsole.Records;

namespace WhistleSubmit.ReviewerConsole.Cases;

/// <summary>
/// report.json / message.json as kept in the store: the verified document re-serialised (same field names and enum
/// ids as the container), plus what search, listing and statistics need from it.
/// </summary>
internal static class Documents
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(ReportV1 report) => JsonSerializer.Serialize(report, Json);

    public static string Serialize(MessageV1 message) => JsonSerializer.Serialize(message, Json);

    public static ReportV1 Report(ItemRecord item) =>
        JsonSerializer.Deserialize<ReportV1>(item.Document, Json) ?? throw new InvalidDataException("Empty report in the store.");

    public static MessageV1 Message(ItemRecord item) =>
        JsonSerializer.Deserialize<MessageV1>(item.Document, Json) ?? throw new InvalidDataException("Empty message in the store.");

    /// <summary>The description (report) or text (follow-up): what near-duplicate detection compares.</summary>
    public static string MainText(ReportV1? report, MessageV1? message) => report?.Description ?? message?.Text ?? string.Empty;

    /// <summary>Every free-text field, one per line: what --search looks in.</summary>
    public static string SearchText(ReportV1? report, MessageV1? message)
    {
        var text = new StringBuilder();
        void Add(string? s)
        {
            if (!string.IsNullOrEmpty(s))
            {
                text.Append(s).Append('\n');
            }
        }

        if (report is not null)
        {
            Add(report.Description);
            Add(report.Evidence);
            Add(report.Retaliation);
            Add(report.Where?.Place);
            Add(report.InternalReporting?.Outcome);
            report.Attachments.ToList().ForEach(a => Add(a.Name));
        }

        if (message is not null)
        {
            Add(message.Text);
            message.Attachments.ToList().ForEach(a => Add(a.Name));
        }

        return text.ToString();
    }

    /// <summary>The categories' stable ids, e.g. <c>unlawful-force</c>.</summary>
    public static IReadOnlyList<string> CategoryIds(ReportV1? report) =>
        [.. (report?.Categories ?? []).Select(Id)];

    public static string Id<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    public static IReadOnlyList<string> AllCategoryIds { get; } = [.. Enum.GetValues<Category>().Select(Id)];
}

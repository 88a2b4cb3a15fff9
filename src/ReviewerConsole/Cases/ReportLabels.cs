using WhistleSubmit.Crypto.Containers;
using WhistleSubmit.ReviewerConsole.Records;

namespace WhistleSubmit.ReviewerConsole.Cases;

/// <summary>Plain-English labels for the questionnaire's answers (docs/FORMATS.md#report).</summary>
internal static class ReportLabels
{
    public static string Category(string id) => id switch
    {
        "unlawful-force" => "unlawful use of force",
        "injury-or-death" => "injury or death",
        "illegal-detention-of-citizen" => "illegal detention of a U.S. citizen or resident",
        "arrest-quotas" => "arrest quotas",
        "retaliation-against-staff" => "retaliation against staff",
        "threats-or-intimidation" => "threats or intimidation",
        "corruption-or-abuse" => "corruption or abuse",
        "unsafe-working-conditions" => "unsafe working conditions",
        "investigator-reassignment" => "reassignment of investigators",
        "funding-tied-to-arrests" => "funding tied to arrests",
        _ => id,
    };

    public static string Of<T>(T? value)
        where T : struct, Enum => value is { } v ? Documents.Id(v).Replace('-', ' ') : "—";

    /// <summary>Where it was reported, as reviewers name the offices.</summary>
    public static string Channel(ReportingChannel channel) => channel switch
    {
        ReportingChannel.Opr => "ICE OPR",
        ReportingChannel.Oig => "DHS OIG",
        ReportingChannel.Osc => "OSC",
        ReportingChannel.Crcl => "DHS CRCL",
        ReportingChannel.Congress => "Congress",
        _ => Of<ReportingChannel>(channel),
    };

    public static string Component(Component? component) => component switch
    {
        null => "—",
        Crypto.Containers.Component.Other or Crypto.Containers.Component.Unknown => Of(component),
        _ => component.Value.ToString().ToUpperInvariant(),
    };

    /// <summary>
    /// Which copy an attachment is (report.json / message.json v3, docs/FORMATS.md#report); null before v3, when the
    /// document does not say (the no-JavaScript path and older browsers send files as they were chosen).
    /// </summary>
    public static string? Copy(ItemRecord item, int number)
    {
        IReadOnlyList<AttachmentInfo> listed = item.IsSubmission ? Documents.Report(item).Attachments : Documents.Message(item).Attachments;
        return listed.ElementAtOrDefault(number - 1)?.Copy switch
        {
            AttachmentCopy.Cleaned => "cleaned copy: the source's browser removed its identifying metadata (content unchanged)",
            AttachmentCopy.Original => "original: the source chose to send the file as it was",
            _ => null,
        };
    }
}

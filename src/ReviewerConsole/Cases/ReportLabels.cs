using WhistleSubmit.Crypto.Containers;

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
}

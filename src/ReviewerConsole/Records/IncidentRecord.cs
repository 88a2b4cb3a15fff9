namespace WhistleSubmit.ReviewerConsole.Records;

/// <summary>
/// One incident of the register (docs/CONSOLE.md#incident-register): what happened, not who told us. A
/// <see cref="IncidentOrigins.Source"/> incident is backed by one or more linked cases and is only ever published in
/// aggregates; a <see cref="IncidentOrigins.PublicRecord"/> incident comes from a public document (its
/// <see cref="Citations"/>) and is published row by row. Vocabularies are in Register/IncidentFields.cs.
/// </summary>
internal sealed record IncidentRecord(
    string Id,
    string Origin,
    string Month,
    string? State,
    string? FieldOffice,
    string Facility,
    string Force,
    int? Injuries,
    int? Deaths,
    string CitizensDetained,
    IReadOnlyList<string> Categories,
    string Verification,
    string? Summary,
    string? Assessment,
    IReadOnlyList<Citation> Citations,
    IReadOnlyList<string> Cases,
    string Created,
    string Updated)
{
    public const int ShortIdLength = 8;

    public string ShortId => Id[..ShortIdLength];

    public bool IsPublicRecord => Origin == IncidentOrigins.PublicRecord;
}

/// <summary>A public document an incident rests on: its kind (oig, opr, court, foia, news, other) and a reference text.</summary>
internal sealed record Citation(string Kind, string Reference);

internal static class IncidentOrigins
{
    public const string Source = "source";
    public const string PublicRecord = "public-record";
}

namespace WhistleSubmit.ReviewerConsole.Register;

/// <summary>
/// Field values as typed (on the command line, in the TUI or in a CSV row), not yet checked: null leaves a field as
/// it is (or as prefilled), an empty string clears it to unknown. <see cref="IncidentService"/> checks every value
/// with <see cref="IncidentFields"/>.
/// </summary>
internal sealed record IncidentInput
{
    public string? Month { get; init; }

    public string? State { get; init; }

    public string? FieldOffice { get; init; }

    public string? Facility { get; init; }

    public string? Force { get; init; }

    public string? Injuries { get; init; }

    public string? Deaths { get; init; }

    public string? CitizensDetained { get; init; }

    /// <summary>The whole set of categories, replacing the current one.</summary>
    public IReadOnlyList<string>? Categories { get; init; }

    public string? Summary { get; init; }

    public string? Assessment { get; init; }

    /// <summary>Citations to add, as (kind, reference).</summary>
    public IReadOnlyList<(string Kind, string Reference)> AddCitations { get; init; } = [];

    /// <summary>Citations to remove, by number (1 = the first, as 'incident show' numbers them).</summary>
    public IReadOnlyList<int> RemoveCitations { get; init; } = [];
}

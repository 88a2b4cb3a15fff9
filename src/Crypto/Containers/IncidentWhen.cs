namespace WhistleSubmit.Crypto.Containers;

/// <summary>When it happened: one day (<see cref="From"/> only) or a range. JSON dates are <c>yyyy-MM-dd</c>.</summary>
public sealed record IncidentWhen
{
    /// <summary>The day, or the first day of the range.</summary>
    public DateOnly? From { get; init; }

    /// <summary>The last day of the range (not before <see cref="From"/>).</summary>
    public DateOnly? To { get; init; }
}

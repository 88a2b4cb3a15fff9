namespace WhistleSubmit.Crypto.Containers;

/// <summary>Where it happened. The form warns that precise places can identify the source.</summary>
public sealed record IncidentWhere
{
    /// <summary>Two-letter USPS state or territory code, upper case.</summary>
    public string? State { get; init; }

    /// <summary>City or facility, free text.</summary>
    public string? Place { get; init; }
}

namespace WhistleSubmit.Crypto.Containers;

/// <summary>Force used, injuries and deaths: the figures the public statistics count.</summary>
public sealed record Harm
{
    /// <summary>Whether force was used.</summary>
    public Answer? Force { get; init; }

    /// <summary>Number of people injured, if known.</summary>
    public int? Injuries { get; init; }

    /// <summary>Number of deaths, if known.</summary>
    public int? Deaths { get; init; }
}

namespace WhistleSubmit.Crypto.Containers;

/// <summary>Who was affected.</summary>
public sealed record PeopleAffected
{
    /// <summary>How many people, if known.</summary>
    public int? Count { get; init; }

    /// <summary>Whether U.S. citizens or lawful permanent residents were among them.</summary>
    public Answer? CitizensOrResidents { get; init; }
}

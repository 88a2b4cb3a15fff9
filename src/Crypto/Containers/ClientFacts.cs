namespace WhistleSubmit.Crypto.Containers;

/// <summary>Facts about how the submission was made, recorded so reviewers know what the source saw.</summary>
public sealed record ClientFacts
{
    /// <summary>The language of the form.</summary>
    public required Language Language { get; init; }

    /// <summary>Whether the browser or the server encrypted the submission.</summary>
    public required EncryptedBy EncryptedBy { get; init; }
}

namespace WhistleSubmit.Crypto.Age;

/// <summary>
/// What a binary age file's header tells anyone, without a key (like <c>age inspect</c>; spec "Header"). None of it
/// is authenticated: only the file key can check the header MAC.
/// </summary>
public sealed record AgeHeaderInfo
{
    /// <summary>The version line, <c>age-encryption.org/v1</c>.</summary>
    public required string Version { get; init; }

    /// <summary>The type of each recipient stanza, in file order, such as <see cref="X25519Recipient.StanzaType"/>.</summary>
    public required IReadOnlyList<string> StanzaTypes { get; init; }

    /// <summary>How many recipient stanzas the header has.</summary>
    public int StanzaCount => StanzaTypes.Count;

    /// <summary>Bytes from the version line through the MAC line: the payload offset (the payload nonce starts here).</summary>
    public required int HeaderLength { get; init; }
}

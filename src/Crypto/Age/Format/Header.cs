namespace WhistleSubmit.Crypto.Age.Format;

/// <summary>A parsed v1 header (spec "Header"): its stanzas, the bytes the MAC covers, and the MAC.</summary>
/// <param name="Stanzas">The recipient stanzas, in file order.</param>
/// <param name="MacInput">The header bytes from the version line up to and including <c>---</c>.</param>
/// <param name="Mac">The 32-byte HMAC-SHA-256 from the MAC line.</param>
/// <param name="Length">The header bytes from the version line through the MAC line's LF: where the payload starts.</param>
internal sealed record Header(IReadOnlyList<Stanza> Stanzas, byte[] MacInput, byte[] Mac, int Length)
{
    /// <summary>The version line's text (spec "Header"); the only version there is.</summary>
    public const string Version = "age-encryption.org/v1";
}

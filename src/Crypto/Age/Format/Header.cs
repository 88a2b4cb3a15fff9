namespace WhistleSubmit.Crypto.Age.Format;

/// <summary>A parsed v1 header (spec "Header"): its stanzas, the bytes the MAC covers, and the MAC.</summary>
/// <param name="Stanzas">The recipient stanzas, in file order.</param>
/// <param name="MacInput">The header bytes from the version line up to and including <c>---</c>.</param>
/// <param name="Mac">The 32-byte HMAC-SHA-256 from the MAC line.</param>
internal sealed record Header(IReadOnlyList<Stanza> Stanzas, byte[] MacInput, byte[] Mac);

namespace WhistleSubmit.Crypto.Age;

/// <summary>Why untrusted age input was refused. The names follow the CCTV vectors' <c>expect:</c> values.</summary>
public enum AgeErrorKind
{
    /// <summary>The header is malformed, non-canonical, over a limit, or a recipient stanza is invalid.</summary>
    Header,

    /// <summary>A file key was unwrapped but the header MAC does not verify.</summary>
    Hmac,

    /// <summary>The payload is truncated, malformed or fails authentication.</summary>
    Payload,

    /// <summary>The ASCII armor is malformed or non-canonical.</summary>
    Armor,

    /// <summary>No identity could unwrap the file key.</summary>
    NoMatch,
}

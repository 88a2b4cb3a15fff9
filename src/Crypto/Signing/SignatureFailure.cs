namespace WhistleSubmit.Crypto.Signing;

/// <summary>Why a signed document was refused, most basic first (the order in which <see cref="SignedDocument.Open"/> checks).</summary>
public enum SignatureFailure
{
    /// <summary>Too large, not UTF-8, not strict JSON, or a field missing, unknown, repeated or malformed.</summary>
    NotAnEnvelope,

    /// <summary>A well-formed envelope of another type than the one expected (a reply offered as a recipient set, …).</summary>
    WrongType,

    /// <summary>Signed, if at all, by a team key other than the trusted one (<see cref="SignatureException.KeyFingerprint"/> names it).</summary>
    OtherKey,

    /// <summary>The signature does not verify: the Ed25519 half, the ML-DSA-65 half, or both.</summary>
    BadSignature,
}

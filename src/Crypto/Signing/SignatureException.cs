namespace WhistleSubmit.Crypto.Signing;

/// <summary>
/// The one exception for a signed document that is refused. The message is fixed per <see cref="Reason"/>; only an
/// envelope signed by another team key names that key's fingerprint, which is public and is what a reviewer needs to
/// see which key the portal or file used. Nothing of the payload is ever included.
/// </summary>
public sealed class SignatureException : Exception
{
    /// <summary>Creates the exception with the fixed message for <paramref name="reason"/>.</summary>
    public SignatureException(SignatureFailure reason)
        : base(MessageFor(reason, null))
    {
        Reason = reason;
    }

    private SignatureException(string keyFingerprint)
        : base(MessageFor(SignatureFailure.OtherKey, keyFingerprint))
    {
        Reason = SignatureFailure.OtherKey;
        KeyFingerprint = keyFingerprint;
    }

    /// <summary>Why the document was refused.</summary>
    public SignatureFailure Reason { get; }

    /// <summary>The reason as a kebab-case id, as the test vectors and the browser's <c>SignedDocumentError.reason</c> name it: <c>not-an-envelope</c>, <c>wrong-type</c>, <c>other-key</c>, <c>bad-signature</c>.</summary>
    public string ReasonId => Reason switch
    {
        SignatureFailure.NotAnEnvelope => "not-an-envelope",
        SignatureFailure.WrongType => "wrong-type",
        SignatureFailure.OtherKey => "other-key",
        _ => "bad-signature",
    };

    /// <summary>For <see cref="SignatureFailure.OtherKey"/>: the envelope's key fingerprint (32 lower-case hex digits); else null.</summary>
    public string? KeyFingerprint { get; }

    internal static SignatureException OtherKey(string keyFingerprint) => new(keyFingerprint);

    private static string MessageFor(SignatureFailure reason, string? keyFingerprint) => reason switch
    {
        SignatureFailure.NotAnEnvelope => "The document is not a signed envelope.",
        SignatureFailure.WrongType => "The signed document is not of the expected type.",
        SignatureFailure.OtherKey => $"The document is signed by another team key {TeamPublicKey.GroupFingerprint(keyFingerprint!)}.",
        SignatureFailure.BadSignature => "The team signature does not verify.",
        _ => "The signed document is refused.",
    };
}

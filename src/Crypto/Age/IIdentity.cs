namespace WhistleSubmit.Crypto.Age;

/// <summary>Something that can unwrap a file key from header stanzas.</summary>
public interface IIdentity
{
    /// <summary>
    /// Returns the file key if one of the stanzas is addressed to this identity, or <c>null</c> when none is.
    /// Throws <see cref="AgeException"/> with <see cref="AgeErrorKind.Header"/> when a stanza of this identity's
    /// type is malformed, as the spec requires.
    /// </summary>
    FileKey? Unwrap(IReadOnlyList<Stanza> stanzas);
}

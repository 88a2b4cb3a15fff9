namespace WhistleSubmit.Crypto.Age;

/// <summary>Something a file key can be wrapped to (spec: "Recipient stanza").</summary>
public interface IRecipient
{
    /// <summary>
    /// Labels that must be identical across all recipients of one file, as in age's RecipientWithLabels:
    /// post-quantum recipients carry <c>postquantum</c>, X25519 none, scrypt a unique random label so that it
    /// can only ever be alone.
    /// </summary>
    IReadOnlySet<string> Labels { get; }

    /// <summary>Wraps the file key into one or more stanzas.</summary>
    IReadOnlyList<Stanza> Wrap(FileKey fileKey);
}

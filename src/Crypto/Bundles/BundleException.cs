namespace WhistleSubmit.Crypto.Bundles;

/// <summary>
/// The one exception for a bundle that is malformed, over its limits, or whose items do not match the manifest.
/// The message is fixed and generic: it never carries names or bytes of the input. The properties say what is known
/// about the failure, so a caller can tell a file cut short in transfer (copy it again) from a bad one.
/// </summary>
public sealed class BundleException : Exception
{
    /// <summary>Creates the exception with the generic message.</summary>
    public BundleException()
        : base("The bundle is malformed.")
    {
    }

    private BundleException(long expectedLength, long actualLength)
        : base("The bundle is truncated.")
    {
        ExpectedLength = expectedLength;
        ActualLength = actualLength;
    }

    /// <summary>
    /// The length the manifest and tar headers require, when the file is shorter than that: it was cut short. Null
    /// when the file is not known to be truncated.
    /// </summary>
    public long? ExpectedLength { get; }

    /// <summary>The file's actual length (from the stream's starting position) when <see cref="ExpectedLength"/> is set.</summary>
    public long? ActualLength { get; }

    /// <summary>Whether the file is shorter than its manifest and headers say it is.</summary>
    public bool IsTruncated => ExpectedLength is not null;

    /// <summary>
    /// The id of the manifest item whose entry failed (wrong name, size or SHA-256), when the failure was in one item.
    /// Ids are random and name nothing; the item's content is never described.
    /// </summary>
    public string? ItemId { get; private init; }

    internal static BundleException Truncated(long expectedLength, long actualLength) => new(expectedLength, actualLength);

    internal static BundleException InItem(string itemId) => new() { ItemId = itemId };
}

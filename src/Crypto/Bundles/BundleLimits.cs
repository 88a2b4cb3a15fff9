namespace WhistleSubmit.Crypto.Bundles;

/// <summary>Hard limits a <see cref="BundleReader"/> checks before reading what they bound.</summary>
public sealed record BundleLimits
{
    /// <summary>Defaults: 16 MiB manifest, 100,000 items, 8 GiB per item, 64 GiB in all.</summary>
    public static BundleLimits Default { get; } = new();

    /// <summary>Largest manifest.json in bytes.</summary>
    public int MaxManifestBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>Most items.</summary>
    public int MaxItems { get; init; } = 100_000;

    /// <summary>Largest single item in bytes.</summary>
    public long MaxItemBytes { get; init; } = 8L << 30;

    /// <summary>Largest whole bundle file in bytes.</summary>
    public long MaxTotalBytes { get; init; } = 64L << 30;

    internal void Validate()
    {
        if (MaxManifestBytes <= 0 || MaxItems < 0 || MaxItemBytes < 0 || MaxTotalBytes <= 0)
        {
            throw new ArgumentException("Bundle limits are out of range.");
        }
    }
}

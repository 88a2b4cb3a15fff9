using System.Text.Json.Serialization;

namespace WhistleSubmit.Crypto.Bundles;

/// <summary><c>manifest.json</c>, format version 1: the first entry of every bundle. Unknown fields are refused.</summary>
public sealed record BundleManifest
{
    /// <summary>Format version; always 1.</summary>
    [JsonPropertyName("v")]
    [JsonRequired]
    public int V { get; init; } = 1;

    /// <summary>Which way the bundle goes.</summary>
    public required BundleKind Kind { get; init; }

    /// <summary>The UTC day it was made (JSON <c>yyyy-MM-dd</c>): a day, not a time, so it dates nobody's visit.</summary>
    public required DateOnly Created { get; init; }

    /// <summary>The items, in entry order.</summary>
    public required IReadOnlyList<BundleItem> Items { get; init; }
}

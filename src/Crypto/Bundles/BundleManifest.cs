using System.Text.Json.Serialization;

namespace WhistleSubmit.Crypto.Bundles;

/// <summary>
/// <c>manifest.json</c>: the first entry of every bundle. Unknown fields are refused. Version 1 is plain JSON
/// (submissions bundles, and replies bundles from before protocol v2); version 2 (replies bundles only) has the same
/// fields and travels as the payload of a signed document of type <see cref="SignedType"/>, which is the entry's bytes.
/// </summary>
public sealed record BundleManifest
{
    /// <summary>The signed-document type of a version 2 manifest.</summary>
    public const string SignedType = "replies-manifest";

    /// <summary>Format version: 1, or 2 for a signed replies manifest.</summary>
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

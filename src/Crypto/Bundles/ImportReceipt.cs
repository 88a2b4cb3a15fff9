using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace WhistleSubmit.Crypto.Bundles;

/// <summary>
/// The import receipt, format version 1: what the reviewer console writes after importing a submissions bundle, and the
/// portal reads to delete what the vault now holds: <c>{"v":1,"bundleSha256":"&lt;64 hex&gt;","items":["&lt;32 hex&gt;",…]}</c>.
/// It lists every item of that bundle now in the vault (new and already present). The portal deletes only items it
/// exported in the bundle with that SHA-256, so a receipt for another bundle deletes nothing. Ids and a hash only: no
/// plaintext. Unknown fields are refused.
/// </summary>
public sealed record ImportReceipt
{
    /// <summary>Largest receipt in bytes.</summary>
    public const int MaxBytes = 16 * 1024 * 1024;

    /// <summary>Most items: as many as a bundle holds under <see cref="BundleLimits.Default"/>.</summary>
    public const int MaxItems = 100_000;

    /// <summary>Format version; always 1.</summary>
    [JsonPropertyName("v")]
    [JsonRequired]
    public int V { get; init; } = 1;

    /// <summary>SHA-256 of the whole bundle file, 64 lower-case hex digits.</summary>
    public required string BundleSha256 { get; init; }

    /// <summary>The item ids (32 lower-case hex digits each), in bundle order, each once.</summary>
    public required IReadOnlyList<string> Items { get; init; }

    /// <summary>Null unless <paramref name="json"/> is a well-formed version 1 receipt within the limits.</summary>
    public static ImportReceipt? Parse(ReadOnlySpan<byte> json)
    {
        if (json.Length > MaxBytes || !Utf8.IsValid(json) || json.StartsWith("\uFEFF"u8))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(json, BundleJsonContext.Default.ImportReceipt) is { } receipt && receipt.IsValid()
                ? receipt
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The receipt as UTF-8 JSON.</summary>
    /// <exception cref="ArgumentException">The receipt is not one <see cref="Parse"/> would accept.</exception>
    public byte[] ToJson()
    {
        if (!IsValid())
        {
            throw new ArgumentException("The receipt is not a well-formed version 1 receipt.");
        }

        return JsonSerializer.SerializeToUtf8Bytes(this, BundleJsonContext.Default.ImportReceipt);
    }

    private bool IsValid() =>
        V == 1
        && BundleItem.IsValidSha256Hex(BundleSha256)
        && Items is not null
        && Items.Count <= MaxItems
        && Items.All(BundleItem.IsValidId)
        && Items.Distinct(StringComparer.Ordinal).Count() == Items.Count;
}

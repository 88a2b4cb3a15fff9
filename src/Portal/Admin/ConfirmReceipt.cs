using System.Text.Json;
using WhistleSubmit.Crypto.Bundles;

namespace WhistleSubmit.Portal.Admin;

/// <summary>
/// What the reviewer console writes after importing a submissions bundle, and <c>whistle-portal confirm</c> reads:
/// <c>{"v":1,"bundleSha256":"&lt;64 hex&gt;","items":["&lt;32 hex item id&gt;", …]}</c>. Only items that the portal
/// exported in the bundle with that SHA-256 are deleted, so a receipt for another bundle deletes nothing.
/// </summary>
public sealed record ConfirmReceipt(int V, string BundleSha256, IReadOnlyList<string> Items)
{
    public const int MaxBytes = 16 * 1024 * 1024;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow };

    /// <summary>Null if the file is not a well-formed version 1 receipt.</summary>
    public static ConfirmReceipt? Parse(byte[] json)
    {
        try
        {
            var receipt = JsonSerializer.Deserialize<ConfirmReceipt>(json, Json);
            return receipt is { V: 1 } && BundleItem.IsValidSha256Hex(receipt.BundleSha256) && receipt.Items is not null
                && receipt.Items.All(BundleItem.IsValidId) ? receipt : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json);
}

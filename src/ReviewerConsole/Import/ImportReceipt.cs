using System.Text.Json;
using System.Text.Json.Serialization;
using WhistleSubmit.ReviewerConsole.Vault;

namespace WhistleSubmit.ReviewerConsole.Import;

/// <summary>
/// The receipt <c>whistle-portal confirm</c> reads (Portal Admin/ConfirmReceipt):
/// <c>{"v":1,"bundleSha256":"&lt;64 hex&gt;","items":["&lt;32 hex&gt;",…]}</c>, listing every item of the bundle that is
/// now in the vault (new and already present), so the portal may delete them. Ids and a hash only: no plaintext.
/// </summary>
internal sealed record ImportReceipt(
    [property: JsonPropertyName("v")] int V,
    [property: JsonPropertyName("bundleSha256")] string BundleSha256,
    [property: JsonPropertyName("items")] IReadOnlyList<string> Items)
{
    /// <summary>Next to the bundle: <c>x.wsbundle</c> → <c>x.receipt.json</c>.</summary>
    public static string DefaultPath(string bundlePath) => Path.ChangeExtension(Path.GetFullPath(bundlePath), ".receipt.json");

    public void Write(string path) => DurableFiles.Write(path, JsonSerializer.SerializeToUtf8Bytes(this), ownerOnly: false, overwrite: true);
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace WhistleSubmit.ReviewerConsole.Vault.Sharing;

/// <summary>
/// vault.json version 2, a vault shared among holders (docs/FORMATS.md#vault-file):
/// <c>{"v":2,"id":"…","threshold":k,"keyCheck":"…","holders":[{"name":…,"x":…,"kdf":{…},"share":"…"},…]}</c>.
/// Nothing secret: each share is sealed under its holder's passphrase, and the key check (of the rebuilt vault secret,
/// as in version 1) tells a right set of shares from a wrong one.
/// </summary>
internal sealed record SharedVaultFile(
    [property: JsonPropertyName("v")] int V,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("threshold")] int Threshold,
    [property: JsonPropertyName("keyCheck")] string KeyCheck,
    [property: JsonPropertyName("holders")] IReadOnlyList<ShareHolder> Holders)
{
    public const int Version = 2;
    public const int IdSize = 16;

    /// <summary>Up to 16 holders: more would be a committee, not a team of reviewers, and keeps vault.json small.</summary>
    public const int MaxHolders = 16;

    /// <summary>What every sealed share is bound to.</summary>
    internal sealed record Header(string Id, int Threshold, int Shares);

    [JsonIgnore]
    public Header Binding => new(Id, Threshold, Holders.Count);

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, VaultFile.Json);

    public ShareHolder? Find(string name) => Holders.FirstOrDefault(h => h.Name == name);

    public static SharedVaultFile Parse(byte[] bytes)
    {
        SharedVaultFile? file;
        try
        {
            file = JsonSerializer.Deserialize<SharedVaultFile>(bytes, VaultFile.Json);
        }
        catch (JsonException ex)
        {
            throw VaultFile.Damaged(ex);
        }

        if (file is null || !file.IsValid())
        {
            throw VaultFile.Damaged(null);
        }

        return file;
    }

    private bool IsValid() =>
        V == Version && VaultFile.IsBase64(Id, IdSize) && VaultFile.IsBase64(KeyCheck, VaultKeys.KeyCheckSize)
        && Holders is { Count: >= 2 and <= MaxHolders } && Threshold >= 2 && Threshold <= Holders.Count
        && Holders.All(h => h is not null && h.IsValid())
        && Holders.Select(h => h.Name).Distinct(StringComparer.Ordinal).Count() == Holders.Count
        && Holders.Select(h => h.X).Distinct().Count() == Holders.Count;
}

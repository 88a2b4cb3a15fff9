using System.Text.Json;
using System.Text.Json.Serialization;
using WhistleSubmit.ReviewerConsole.Shared;
using WhistleSubmit.ReviewerConsole.Vault.Sharing;

namespace WhistleSubmit.ReviewerConsole.Vault;

/// <summary>
/// <c>vault.json</c>: what is needed to turn the passphrase into the store key, nothing secret.
/// <c>{"v":1,"kdf":{"name":"argon2id","memoryKiB":…,"iterations":…,"parallelism":…,"salt":"…"},"keyCheck":"…"}</c>.
/// The key check tells a wrong passphrase from a damaged store; an attacker who edits the file gains nothing, since
/// the store itself is authenticated with the derived key and parameters below the floor are refused.
/// </summary>
internal sealed record VaultFile(
    [property: JsonPropertyName("v")] int V,
    [property: JsonPropertyName("kdf")] KdfParameters Kdf,
    [property: JsonPropertyName("keyCheck")] string KeyCheck)
{
    // A shared vault.json with 16 holders is about 7 KiB.
    internal const int MaxBytes = 16384;

    internal static readonly JsonSerializerOptions Json = new()
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        AllowDuplicateProperties = false,
        WriteIndented = true,
        MaxDepth = 5,
    };

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    /// <summary>Reads and checks a single-passphrase vault.json; a missing file means there is no vault here.</summary>
    public static VaultFile Read(VaultPaths paths) =>
        ReadAny(paths) as VaultFile ?? throw new CliException("this vault is shared among several holders", "open it with each holder's passphrase");

    /// <summary>
    /// Reads and checks vault.json of either version: a <see cref="VaultFile"/> (v1, one passphrase) or a
    /// <see cref="SharedVaultFile"/> (v2, k of n holders). A missing file means there is no vault here.
    /// </summary>
    public static object ReadAny(VaultPaths paths)
    {
        byte[] bytes = ReadBytes(paths);
        int version;
        try
        {
            using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 5 });
            version = document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("v", out JsonElement v) && v.TryGetInt32(out int given) ? given : 0;
        }
        catch (JsonException ex)
        {
            throw Damaged(ex);
        }

        return version switch
        {
            1 => Parse(bytes),
            SharedVaultFile.Version => SharedVaultFile.Parse(bytes),
            _ => throw Damaged(null),
        };
    }

    private static VaultFile Parse(byte[] bytes)
    {
        VaultFile? file;
        try
        {
            file = JsonSerializer.Deserialize<VaultFile>(bytes, Json);
        }
        catch (JsonException ex)
        {
            throw Damaged(ex);
        }

        if (file is null || file.V != 1 || file.Kdf is null || !file.Kdf.IsValid() || !IsBase64(file.KeyCheck, VaultKeys.KeyCheckSize))
        {
            throw Damaged(null);
        }

        return file;
    }

    private static byte[] ReadBytes(VaultPaths paths)
    {
        try
        {
            var info = new FileInfo(paths.VaultFile);
            if (!info.Exists)
            {
                throw new CliException($"there is no vault in \"{paths.Root}\"",
                    "create one with 'whistle-review init', or choose another with --data DIR");
            }

            if (info.Length > MaxBytes)
            {
                throw Damaged(null);
            }

            return File.ReadAllBytes(paths.VaultFile);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"can't read \"{paths.VaultFile}\": {ex.Message}", null, ex);
        }
    }

    internal static bool IsBase64(string? text, int bytes)
    {
        if (text is null)
        {
            return false;
        }

        Span<byte> buffer = stackalloc byte[bytes + 3];
        return Convert.TryFromBase64String(text, buffer, out int written) && written == bytes;
    }

    internal static CliException Damaged(Exception? inner) =>
        new(ErrorReporter.VaultDamaged + " (vault.json is not valid)", ErrorReporter.VaultDamagedHint, inner, ErrorReporter.IntegrityFailure);
}

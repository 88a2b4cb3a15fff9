using System.Text.Json;
using System.Text.Json.Serialization;
using WhistleSubmit.ReviewerConsole.Shared;

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
    private const int MaxBytes = 4096;

    private static readonly JsonSerializerOptions Json = new()
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        AllowDuplicateProperties = false,
        WriteIndented = true,
        MaxDepth = 4,
    };

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    /// <summary>Reads and checks vault.json; a missing file means there is no vault here.</summary>
    public static VaultFile Read(VaultPaths paths)
    {
        byte[] bytes;
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

            bytes = File.ReadAllBytes(paths.VaultFile);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"can't read \"{paths.VaultFile}\": {ex.Message}", null, ex);
        }

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

    internal static bool IsBase64(string? text, int bytes)
    {
        if (text is null)
        {
            return false;
        }

        Span<byte> buffer = stackalloc byte[bytes + 3];
        return Convert.TryFromBase64String(text, buffer, out int written) && written == bytes;
    }

    private static CliException Damaged(Exception? inner) =>
        new(ErrorReporter.VaultDamaged + " (vault.json is not valid)", ErrorReporter.VaultDamagedHint, inner, ErrorReporter.IntegrityFailure);
}

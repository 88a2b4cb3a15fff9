using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;

namespace WhistleSubmit.ReviewerConsole.Vault.Sharing;

/// <summary>
/// One holder's entry in a shared vault.json: the holder's name, the share's x, the Argon2id parameters and salt of
/// the holder's own passphrase, and the share sealed under it (AES-256-GCM: nonce ‖ ciphertext ‖ tag). The sealing
/// binds the vault id, threshold, number of shares, x and name, so a share cannot be moved to another holder, slot or
/// vault without failing as damaged.
/// </summary>
internal sealed record ShareHolder(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("x")] int X,
    [property: JsonPropertyName("kdf")] KdfParameters Kdf,
    [property: JsonPropertyName("share")] string Share)
{
    public const int ShareSize = VaultSecret.Size;
    public const int SealedSize = NonceSize + ShareSize + TagSize;

    private const int NonceSize = 12;
    private const int TagSize = 16;

    private static readonly byte[] SealInfo = "whistle-review/v2/share-seal"u8.ToArray();
    private static readonly byte[] BindingTag = "whistle-review/v2/share"u8.ToArray();

    /// <summary>Seals <paramref name="share"/> under <paramref name="passphrase"/> with fresh Argon2id salt and nonce.</summary>
    public static ShareHolder Seal(SharedVaultFile.Header vault, string name, int x, ReadOnlySpan<byte> share, ReadOnlySpan<byte> passphrase, int memoryMiB)
    {
        var kdf = new KdfParameters(KdfParameters.Argon2id, memoryMiB * 1024, KdfParameters.DefaultIterations,
            KdfParameters.DefaultParallelism, Convert.ToBase64String(RandomNumberGenerator.GetBytes(KdfParameters.SaltSize)));
        byte[] key = SealingKey(passphrase, kdf);
        byte[] sealedShare = new byte[SealedSize];
        try
        {
            Span<byte> nonce = sealedShare.AsSpan(0, NonceSize);
            RandomNumberGenerator.Fill(nonce);
            using var aes = new AesGcm(key, TagSize);
            aes.Encrypt(nonce, share, sealedShare.AsSpan(NonceSize, ShareSize), sealedShare.AsSpan(NonceSize + ShareSize), Binding(vault, name, x));
            return new ShareHolder(name, x, kdf, Convert.ToBase64String(sealedShare));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>The share, or null if the passphrase is wrong (or the entry was changed: the two look the same). The caller zeroes it.</summary>
    public byte[]? Unseal(SharedVaultFile.Header vault, ReadOnlySpan<byte> passphrase)
    {
        byte[] sealedShare = Convert.FromBase64String(Share);
        byte[] key = SealingKey(passphrase, Kdf);
        byte[] share = new byte[ShareSize];
        try
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(sealedShare.AsSpan(0, NonceSize), sealedShare.AsSpan(NonceSize, ShareSize),
                sealedShare.AsSpan(NonceSize + ShareSize), share, Binding(vault, Name, X));
            return share;
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    public bool IsValid() =>
        HolderNames.IsValid(Name) && X is >= 1 and <= Shamir.MaxShares && Kdf is not null && Kdf.IsValid()
        && VaultFile.IsBase64(Share, SealedSize);

    private static byte[] SealingKey(ReadOnlySpan<byte> passphrase, KdfParameters kdf)
    {
        byte[] master = VaultKeys.Argon2(passphrase, kdf);
        try
        {
            return HKDF.DeriveKey(HashAlgorithmName.SHA256, master, 32, [], SealInfo);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(master);
        }
    }

    /// <summary>Tag ‖ vault id ‖ threshold ‖ shares ‖ x (one byte each) ‖ name (UTF-8, the rest).</summary>
    private static byte[] Binding(SharedVaultFile.Header vault, string name, int x)
    {
        byte[] id = Convert.FromBase64String(vault.Id);
        byte[] nameBytes = Encoding.UTF8.GetBytes(name);
        byte[] binding = new byte[BindingTag.Length + id.Length + 3 + nameBytes.Length];
        var span = binding.AsSpan();
        BindingTag.CopyTo(span);
        id.CopyTo(span[BindingTag.Length..]);
        int at = BindingTag.Length + id.Length;
        span[at] = (byte)vault.Threshold;
        span[at + 1] = (byte)vault.Shares;
        span[at + 2] = (byte)x;
        nameBytes.CopyTo(span[(at + 3)..]);
        return binding;
    }
}

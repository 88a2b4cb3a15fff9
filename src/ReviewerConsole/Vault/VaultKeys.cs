using System.Security.Cryptography;
using Konscious.Security.Cryptography;

namespace WhistleSubmit.ReviewerConsole.Vault;

/// <summary>
/// passphrase → Argon2id (vault.json parameters) → 32-byte master key (in a shared vault: the random vault secret
/// rebuilt from the holders' shares); from it, with HKDF-SHA256, the store key and a key check value. The check value
/// is a separate derivation, so storing it reveals nothing about the store key.
/// </summary>
internal static class VaultKeys
{
    public const int KeyCheckSize = 32;

    private static readonly byte[] StoreInfo = "whistle-review/v1/store-key"u8.ToArray();
    private static readonly byte[] CheckInfo = "whistle-review/v1/key-check"u8.ToArray();

    /// <summary>Derives (store key, key check) from a passphrase (a single-passphrase vault). The caller zeroes the store key.</summary>
    public static (byte[] StoreKey, byte[] KeyCheck) Derive(ReadOnlySpan<byte> passphrase, KdfParameters kdf)
    {
        byte[] master = Argon2(passphrase, kdf);
        try
        {
            return FromMaster(master);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(master);
        }
    }

    /// <summary>
    /// (store key, key check) from the 32-byte master key: Argon2id of the passphrase in a single-passphrase vault,
    /// the random vault secret rebuilt from the shares in a shared one. The caller zeroes the store key.
    /// </summary>
    public static (byte[] StoreKey, byte[] KeyCheck) FromMaster(ReadOnlySpan<byte> master)
    {
        byte[] storeKey = new byte[32];
        byte[] check = new byte[KeyCheckSize];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, master, storeKey, [], StoreInfo);
        HKDF.DeriveKey(HashAlgorithmName.SHA256, master, check, [], CheckInfo);
        return (storeKey, check);
    }

    /// <summary>Argon2id of the passphrase with these parameters: 32 bytes the caller zeroes.</summary>
    public static byte[] Argon2(ReadOnlySpan<byte> passphrase, KdfParameters kdf)
    {
        // Konscious takes an array; this copy is zeroed below, the caller zeroes its own.
        byte[] password = passphrase.ToArray();
        try
        {
            using var argon2 = new Argon2id(password)
            {
                Salt = Convert.FromBase64String(kdf.Salt),
                MemorySize = kdf.MemoryKiB,
                Iterations = kdf.Iterations,
                DegreeOfParallelism = kdf.Parallelism,
            };
            return argon2.GetBytes(32);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(password);
        }
    }
}

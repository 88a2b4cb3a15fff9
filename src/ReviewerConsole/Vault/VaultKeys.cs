using System.Security.Cryptography;
using Konscious.Security.Cryptography;

namespace WhistleSubmit.ReviewerConsole.Vault;

/// <summary>
/// passphrase → Argon2id (vault.json parameters) → 32-byte master key; from it, with HKDF-SHA256, the store key and
/// a key check value. The check value is a separate derivation, so storing it reveals nothing about the store key.
/// </summary>
internal static class VaultKeys
{
    public const int KeyCheckSize = 32;

    private static readonly byte[] StoreInfo = "whistle-review/v1/store-key"u8.ToArray();
    private static readonly byte[] CheckInfo = "whistle-review/v1/key-check"u8.ToArray();

    /// <summary>Derives (store key, key check). The caller zeroes the store key.</summary>
    public static (byte[] StoreKey, byte[] KeyCheck) Derive(ReadOnlySpan<byte> passphrase, KdfParameters kdf)
    {
        // Konscious takes an array; this copy is zeroed below, the caller zeroes its own.
        byte[] password = passphrase.ToArray();
        byte[]? master = null;
        try
        {
            using var argon2 = new Argon2id(password)
            {
                Salt = Convert.FromBase64String(kdf.Salt),
                MemorySize = kdf.MemoryKiB,
                Iterations = kdf.Iterations,
                DegreeOfParallelism = kdf.Parallelism,
            };
            master = argon2.GetBytes(32);
            byte[] storeKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, master, 32, [], StoreInfo);
            byte[] check = HKDF.DeriveKey(HashAlgorithmName.SHA256, master, KeyCheckSize, [], CheckInfo);
            return (storeKey, check);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(password);
            if (master is not null)
            {
                CryptographicOperations.ZeroMemory(master);
            }
        }
    }
}

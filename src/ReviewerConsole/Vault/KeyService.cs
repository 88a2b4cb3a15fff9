using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using WhistleSubmit.Crypto.Age;
using WhistleSubmit.ReviewerConsole.Audit;
using WhistleSubmit.ReviewerConsole.Records;
using WhistleSubmit.ReviewerConsole.Shared;

namespace WhistleSubmit.ReviewerConsole.Vault;

/// <summary>
/// Reviewer keys: post-quantum identities kept as <c>keys/&lt;name&gt;.age</c>, an age-keygen style identity file
/// encrypted with an scrypt recipient under the vault passphrase, so plain <c>age -d</c> opens it too
/// (docs/CONSOLE.md#keys). The store lists name, recipient, fingerprint and creation time, so listing keys and
/// encrypting replies need no private key.
/// </summary>
internal static partial class KeyService
{
    /// <summary>age's default scrypt work factor; docs/FORMATS.md#age-encryption requires at least 18.</summary>
    public const int MinKeyFileWorkFactor = 18;

    /// <summary>The largest work factor age (and our <see cref="ScryptIdentity"/>) opens by default: 2^22 is 4 GiB of scrypt memory.</summary>
    public const int MaxKeyFileWorkFactor = 22;

    /// <summary>
    /// The scrypt work factor for key files: the smallest logN ≥ 18 with 1 KiB·2^logN (scrypt's memory at r = 8) at
    /// least the vault's Argon2id memory × passes, capped at 22. A key file is guarded by the same passphrase as the
    /// vault, so it must not be the cheaper target for guessing it: 20 for the default 256 MiB × 3.
    /// </summary>
    public static int KeyFileWorkFactor(KdfParameters kdf)
    {
        long cost = (long)kdf.MemoryKiB * kdf.Iterations;
        int logN = MinKeyFileWorkFactor;
        while (logN < MaxKeyFileWorkFactor && (1L << logN) < cost)
        {
            logN++;
        }

        return logN;
    }

    public static VaultKey Generate(VaultSession vault, string name)
    {
        if (!KeyName().IsMatch(name))
        {
            throw new CliException("a key name is 1 to 32 lower-case letters, digits, '-' or '_', starting with a letter or digit",
                "for example: --name alice");
        }

        if (vault.Read(data => data.KeyExists(name)) || File.Exists(vault.Paths.KeyFile(name)))
        {
            throw new CliException($"the vault already has a key named \"{name}\"", "choose another name; 'whistle-review keys' lists them");
        }

        using MlKem768X25519Identity identity = MlKem768X25519Identity.Generate();
        string recipient = identity.Recipient.ToString();
        var key = new VaultKey(name, recipient, RecipientFingerprint.Compute(recipient), vault.Now());
        WriteKeyFile(vault, name, identity, key.Created);
        try
        {
            vault.Write(data =>
            {
                data.InsertKey(key);
                AuditLog.Append(data, vault.Actor, vault.Now(), AuditActions.KeyCreate, null, null, $"key \"{name}\", fingerprint {key.Fingerprint}");
            });
        }
        catch
        {
            // The store does not know the key, so neither may the disk.
            File.Delete(vault.Paths.KeyFile(name));
            throw;
        }

        return key;
    }

    public static IReadOnlyList<VaultKey> List(VaultSession vault) =>
        vault.Read(data => data.AllKeys().OrderBy(k => k.Created, StringComparer.Ordinal).ToList());

    /// <summary>Decrypts every key file (one scrypt each) and checks it is the key the store lists.</summary>
    public static UnlockedKeys Unlock(VaultSession vault)
    {
        IReadOnlyList<VaultKey> keys = List(vault);
        if (keys.Count == 0)
        {
            throw new CliException("the vault has no keys yet", "create one with 'whistle-review keygen --name NAME' and add it to the portal");
        }

        var identities = new List<MlKem768X25519Identity>();
        try
        {
            foreach (VaultKey key in keys)
            {
                identities.Add(ReadKeyFile(vault, key));
            }

            return new UnlockedKeys(identities);
        }
        catch
        {
            identities.ForEach(i => i.Dispose());
            throw;
        }
    }

    private static void WriteKeyFile(VaultSession vault, string name, MlKem768X25519Identity identity, string created)
    {
        string secret = identity.ExportSecretKey();
        byte[] text = Encoding.UTF8.GetBytes(
            $"# created: {created}\n# public key: {identity.Recipient}\n{secret}\n");
        try
        {
            int workFactor = vault.KeyFileWorkFactor;
            using var recipient = new ScryptRecipient(vault.Passphrase, workFactor);
            byte[] encrypted = AgeEncryption.Encrypt(text, [recipient]);
            DurableFiles.WriteNew(vault.Paths.KeyFile(name), encrypted, ownerOnly: true);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(text);
        }
    }

    private static MlKem768X25519Identity ReadKeyFile(VaultSession vault, VaultKey key)
    {
        string path = vault.Paths.KeyFile(key.Name);
        byte[] plaintext;
        try
        {
            byte[] ciphertext = File.ReadAllBytes(path);
            // Key files written before the work factor followed the vault's KDF have 18: any factor up to 22 opens.
            using var scrypt = new ScryptIdentity(vault.Passphrase, MaxKeyFileWorkFactor);
            plaintext = AgeEncryption.Decrypt(ciphertext, [scrypt]);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or AgeException)
        {
            throw KeyFileDamaged(key.Name, ex);
        }

        try
        {
            // Parsed from the bytes, never a string (issue 14): plaintext is zeroed below.
            if (KeyFileText.SingleKeyLine(plaintext) is not { } line)
            {
                throw KeyFileDamaged(key.Name, null);
            }

            var identity = MlKem768X25519Identity.ParseAscii(plaintext.AsSpan(line));
            if (identity.Recipient.ToString() == key.Recipient)
            {
                return identity;
            }

            identity.Dispose();
            throw KeyFileDamaged(key.Name, null);
        }
        catch (FormatException ex)
        {
            throw KeyFileDamaged(key.Name, ex);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    private static CliException KeyFileDamaged(string name, Exception? inner) => new(
        $"the key file keys/{name}.age is missing, damaged, or not the key the vault lists",
        ErrorReporter.VaultDamagedHint, inner, ErrorReporter.IntegrityFailure);

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,31}$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyName();
}

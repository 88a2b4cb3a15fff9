using System.Security.Cryptography;
using System.Text;
using WhistleSubmit.Crypto.Age;
using WhistleSubmit.Crypto.Signing;
using WhistleSubmit.ReviewerConsole.Audit;
using WhistleSubmit.ReviewerConsole.Records;
using WhistleSubmit.ReviewerConsole.Shared;

namespace WhistleSubmit.ReviewerConsole.Vault;

/// <summary>
/// The team signing key (protocol v2, docs/FORMATS.md#team-signature): one per vault, its secret text kept in
/// <c>team.age</c>, an age file encrypted with an scrypt recipient under the vault passphrase exactly as the reviewer
/// key files are (so plain <c>age -d</c> opens it too). The store records the public key, so showing it needs no
/// decryption and a swapped file is caught on <see cref="Load"/>.
/// </summary>
internal static class TeamKeyService
{
    /// <summary>Creates the team key; refuses if the vault has one (in the store or as a file).</summary>
    public static TeamKeyRecord Generate(VaultSession vault)
    {
        if (vault.Read(data => data.TeamKey()) is not null || File.Exists(vault.Paths.TeamKeyFile))
        {
            throw new CliException("the vault already has a team key",
                "'whistle-review team show' prints it; a new team key would have to be published again everywhere");
        }

        using TeamSigningKey key = TeamSigningKey.Generate();
        var record = new TeamKeyRecord(key.PublicKey.Text, key.PublicKey.DisplayFingerprint, vault.Now());
        WriteKeyFile(vault, key, record.Created);
        try
        {
            vault.Write(data =>
            {
                data.InsertTeamKey(record);
                AuditLog.Append(data, vault.Actor, vault.Now(), AuditActions.TeamKeyCreate, null, null, $"team key, fingerprint {record.Fingerprint}");
            });
        }
        catch
        {
            // The store does not know the key, so neither may the disk.
            File.Delete(vault.Paths.TeamKeyFile);
            throw;
        }

        return record;
    }

    /// <summary>The team key the vault lists, or null if it has none yet. Decrypts nothing.</summary>
    public static TeamKeyRecord? Find(VaultSession vault) => vault.Read(data => data.TeamKey());

    /// <summary>The team public key, from the store (no decryption). Throws a <see cref="CliException"/> if there is none.</summary>
    public static TeamPublicKey PublicKey(VaultSession vault) => TeamPublicKey.Parse(Require(vault).PublicKey);

    /// <summary>
    /// Decrypts <c>team.age</c> (one scrypt) and checks it is the key the store lists. The caller disposes the key,
    /// which zeroes our copy of the seeds.
    /// </summary>
    public static TeamSigningKey Load(VaultSession vault)
    {
        TeamKeyRecord record = Require(vault);
        byte[] plaintext;
        try
        {
            byte[] ciphertext = File.ReadAllBytes(vault.Paths.TeamKeyFile);
            using var scrypt = new ScryptIdentity(vault.Passphrase, KeyService.MaxKeyFileWorkFactor);
            plaintext = AgeEncryption.Decrypt(ciphertext, [scrypt]);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or AgeException)
        {
            throw KeyFileDamaged(ex);
        }

        try
        {
            // Parsed from the bytes, never a string (issue 14): plaintext is zeroed below.
            TeamSigningKey key = TeamSigningKey.FromSecretTextAscii(
                KeyFileText.SingleKeyLine(plaintext) is { } line ? plaintext.AsSpan(line) : throw KeyFileDamaged(null));
            if (key.PublicKey.Text != record.PublicKey)
            {
                key.Dispose();
                throw KeyFileDamaged(null);
            }

            return key;
        }
        catch (FormatException ex)
        {
            throw KeyFileDamaged(ex);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    private static TeamKeyRecord Require(VaultSession vault) =>
        Find(vault) ?? throw new CliException("the vault has no team key yet", "create it with 'whistle-review team keygen'");

    private static void WriteKeyFile(VaultSession vault, TeamSigningKey key, string created)
    {
        byte[] text = Encoding.UTF8.GetBytes($"# created: {created}\n# public key: {key.PublicKey.Text}\n{key.SecretText}\n");
        try
        {
            // The same work factor as the reviewer key files (at least the vault's Argon2id cost): the team key is worth
            // as much as any of them.
            using var recipient = new ScryptRecipient(vault.Passphrase, vault.KeyFileWorkFactor);
            byte[] encrypted = AgeEncryption.Encrypt(text, [recipient]);
            DurableFiles.WriteNew(vault.Paths.TeamKeyFile, encrypted, ownerOnly: true);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(text);
        }
    }

    private static CliException KeyFileDamaged(Exception? inner) => new(
        "the team key file team.age is missing, damaged, or not the key the vault lists",
        ErrorReporter.VaultDamagedHint, inner, ErrorReporter.IntegrityFailure);
}

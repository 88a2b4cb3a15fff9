using System.Security.Cryptography;
using WhistleSubmit.EncryptedStore;
using WhistleSubmit.ReviewerConsole.Audit;
using WhistleSubmit.ReviewerConsole.Shared;

namespace WhistleSubmit.ReviewerConsole.Vault.Sharing;

/// <summary>
/// Creates a shared vault (<c>init --shares N --threshold K --holders A,B,C</c>) and re-seals one holder's share under a
/// new passphrase. The vault secret is 32 random bytes, split with <see cref="Shamir"/>; no single passphrase derives it.
/// </summary>
internal static class SharedVaultSetup
{
    /// <summary>Checks the shape before anyone types a passphrase: 2 ≤ K ≤ N ≤ 16 and N distinct valid names.</summary>
    public static void CheckShape(int shares, int threshold, IReadOnlyList<string> names)
    {
        if (shares is < 2 or > SharedVaultFile.MaxHolders)
        {
            throw new CliException($"--shares must be between 2 and {SharedVaultFile.MaxHolders}");
        }

        if (threshold < 2 || threshold > shares)
        {
            throw new CliException($"--threshold must be between 2 and --shares ({shares})",
                "one holder alone opening the vault is a single-passphrase vault: run 'init' without --shares");
        }

        if (names.Count != shares)
        {
            throw new CliException($"--holders names {names.Count} holders, but --shares is {shares}", "name each holder once: --holders ana,ben,cy");
        }

        if (names.FirstOrDefault(n => !HolderNames.IsValid(n)) is { } bad)
        {
            throw new CliException($"\"{TerminalText.Line(bad, 40)}\" is not a holder's name", HolderNames.Rule);
        }

        if (names.Distinct(StringComparer.Ordinal).Count() != names.Count)
        {
            throw new CliException("a holder is named twice in --holders", "each holder keeps one share");
        }
    }

    // passphrases: UTF-8 bytes in the order of names, checked and distinct; the caller zeroes them.
    public static void Create(string root, IReadOnlyList<string> names, int threshold, IReadOnlyList<byte[]> passphrases, int memoryMiB,
        string actor, TimeProvider clock)
    {
        VaultPaths paths = VaultService.CheckNewVault(root, memoryMiB);
        CheckShape(names.Count, threshold, names);
        var header = new SharedVaultFile.Header(Convert.ToBase64String(RandomNumberGenerator.GetBytes(SharedVaultFile.IdSize)), threshold, names.Count);
        byte[] secret = RandomNumberGenerator.GetBytes(VaultSecret.Size);
        byte[][] shares = Shamir.Split(secret, names.Count, threshold);
        (byte[] storeKey, byte[] check) = VaultKeys.FromMaster(secret);
        byte[] keyFilePassphrase = VaultSecret.KeyFilePassphrase(secret);
        try
        {
            var holders = new List<ShareHolder>();
            for (int i = 0; i < names.Count; i++)
            {
                holders.Add(ShareHolder.Seal(header, names[i], i + 1, shares[i], passphrases[i], memoryMiB));
            }

            VaultService.CreateDirectory(paths.Root);
            VaultService.CreateDirectory(paths.Keys);
            VaultService.CreateDirectory(paths.Evidence);
            using (DurableStore store = DurableStore.Open(paths.Store, storeKey))
            {
                using var vault = new VaultSession(paths, store, keyFilePassphrase, VaultSecret.KeyFileWorkFactor, names, threshold, actor, clock);
                vault.Write(data =>
                {
                    data.EnsureIndexes();
                    AuditLog.Append(data, vault.Actor, vault.Now(), AuditActions.VaultCreate, null, null,
                        $"shared: {threshold} of {names.Count} holders ({string.Join(", ", names)}); "
                        + $"argon2id memory {memoryMiB * 1024} KiB, {KdfParameters.DefaultIterations} passes, {KdfParameters.DefaultParallelism} lanes");
                });
            }

            var file = new SharedVaultFile(SharedVaultFile.Version, header.Id, threshold, Convert.ToBase64String(check), holders);
            DurableFiles.WriteNew(paths.VaultFile, file.ToJson(), ownerOnly: true);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
            CryptographicOperations.ZeroMemory(storeKey);
            CryptographicOperations.ZeroMemory(keyFilePassphrase);
            foreach (byte[] share in shares)
            {
                CryptographicOperations.ZeroMemory(share);
            }
        }
    }

    /// <summary>
    /// Re-seals <paramref name="name"/>'s share under a new passphrase (fresh salt and nonce) after checking the old one.
    /// Needs no other holder: the share is never combined, so it opens nothing more than before.
    /// </summary>
    public static void ChangePassphrase(string root, string name, Func<byte[]> readOld, Func<byte[]> readNew, int? memoryMiB)
    {
        var paths = new VaultPaths(Path.GetFullPath(root));
        if (VaultFile.ReadAny(paths) is not SharedVaultFile file)
        {
            throw new CliException("this vault has one passphrase, not shares", "a vault made with 'init --shares N --threshold K' has holders");
        }

        ShareHolder holder = file.Find(name) ?? throw new CliException($"\"{TerminalText.Line(name, 40)}\" holds no share of this vault",
            $"the holders are {string.Join(", ", file.Holders.Select(h => h.Name))}");
        byte[] old = readOld();
        byte[]? share = null;
        try
        {
            share = holder.Unseal(file.Binding, old) ?? throw new CliException($"wrong passphrase for {name}",
                "nothing was changed", null, ErrorReporter.WrongPassphrase);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(old);
        }

        byte[] fresh = readNew();
        try
        {
            int memory = memoryMiB ?? holder.Kdf.MemoryKiB / 1024;
            ShareHolder resealed = ShareHolder.Seal(file.Binding, name, holder.X, share, fresh, memory);
            var updated = file with { Holders = file.Holders.Select(h => h.Name == name ? resealed : h).ToList() };
            DurableFiles.Write(paths.VaultFile, updated.ToJson(), ownerOnly: true, overwrite: true);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(fresh);
            CryptographicOperations.ZeroMemory(share);
        }
    }
}

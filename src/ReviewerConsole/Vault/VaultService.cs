using System.Security.Cryptography;
using WhistleSubmit.ReviewerConsole.Audit;
using WhistleSubmit.ReviewerConsole.Shared;
using WhistleSubmit.ReviewerConsole.Vault.Sharing;
using WhistleSubmit.EncryptedStore;

namespace WhistleSubmit.ReviewerConsole.Vault;

/// <summary>Creates and opens vaults (docs/CONSOLE.md#vault: the store keyed from the passphrase via Argon2id).</summary>
internal static class VaultService
{
    /// <summary>Shorter passphrases fall to an offline guessing attack on a stolen laptop, whatever the KDF.</summary>
    public const int MinPassphraseLength = 12;

    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>
    /// Creates a vault in <paramref name="root"/>, which must not exist yet or be empty. vault.json is written last,
    /// so an interrupted init never looks like a vault (and the non-empty directory makes the next init refuse).
    /// </summary>
    // passphrase: UTF-8 bytes; the caller zeroes them.
    public static void Create(string root, byte[] passphrase, int memoryMiB, string actor, TimeProvider clock)
    {
        VaultPaths paths = CheckNewVault(root, memoryMiB);
        CheckPassphrase(passphrase);

        var kdf = new KdfParameters(KdfParameters.Argon2id, memoryMiB * 1024, KdfParameters.DefaultIterations,
            KdfParameters.DefaultParallelism, Convert.ToBase64String(RandomNumberGenerator.GetBytes(KdfParameters.SaltSize)));
        (byte[] storeKey, byte[] check) = VaultKeys.Derive(passphrase, kdf);
        try
        {
            CreateDirectory(paths.Root);
            CreateDirectory(paths.Keys);
            CreateDirectory(paths.Evidence);
            using (DurableStore store = DurableStore.Open(paths.Store, storeKey))
            {
                var vault = new VaultSession(paths, store, passphrase, kdf, actor, clock);
                vault.Write(data =>
                {
                    data.EnsureIndexes();
                    AuditLog.Append(data, vault.Actor, vault.Now(), AuditActions.VaultCreate, null, null,
                        $"argon2id memory {kdf.MemoryKiB} KiB, {kdf.Iterations} passes, {kdf.Parallelism} lanes");
                });
            }

            var file = new VaultFile(1, kdf, Convert.ToBase64String(check));
            DurableFiles.WriteNew(paths.VaultFile, file.ToJson(), ownerOnly: true);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(storeKey);
        }
    }

    /// <summary>Refuses an existing vault, a non-empty directory or a memory size out of bounds; the new vault's layout.</summary>
    internal static VaultPaths CheckNewVault(string root, int memoryMiB)
    {
        var paths = new VaultPaths(Path.GetFullPath(root));
        if (File.Exists(paths.VaultFile))
        {
            throw new CliException($"a vault already exists in \"{paths.Root}\"", "nothing was changed; use --data DIR to create another one elsewhere");
        }

        if (Directory.Exists(paths.Root) && Directory.EnumerateFileSystemEntries(paths.Root).Any())
        {
            throw new CliException($"\"{paths.Root}\" is not empty",
                "a vault needs a directory of its own; if an earlier init was interrupted, remove the directory and try again");
        }

        if (memoryMiB is < KdfParameters.MinMemoryMiB or > KdfParameters.MaxMemoryMiB)
        {
            throw new CliException($"--kdf-memory must be between {KdfParameters.MinMemoryMiB} and {KdfParameters.MaxMemoryMiB} MiB");
        }

        return paths;
    }

    /// <summary>
    /// Opens the vault: reads vault.json first (so a wrong --data fails before any prompt), then asks for the
    /// passphrase, checks it, and opens the store.
    /// </summary>
    // readPassphrase returns the passphrase's UTF-8 bytes, which this zeroes once the session has its copy.
    public static VaultSession Open(string root, Func<byte[]> readPassphrase, string actor, TimeProvider clock) =>
        Open(root, readPassphrase, null, actor, clock);

    /// <summary>
    /// Opens a vault of either kind: a single-passphrase vault with <paramref name="readPassphrase"/>, a shared one with
    /// its holders through <paramref name="holders"/> (refused when that is null).
    /// </summary>
    public static VaultSession Open(string root, Func<byte[]> readPassphrase, IHolderInput? holders, string actor, TimeProvider clock)
    {
        var paths = new VaultPaths(Path.GetFullPath(root));
        object any = VaultFile.ReadAny(paths);
        if (any is SharedVaultFile shared)
        {
            return SharedVaultService.Open(paths, shared, holders ?? throw new CliException(
                "this vault is shared among several holders", "open it with whistle-review, each holder typing their passphrase"), actor, clock);
        }

        var file = (VaultFile)any;
        byte[] passphrase = readPassphrase();
        byte[]? storeKey = null;
        try
        {
            (storeKey, byte[] check) = VaultKeys.Derive(passphrase, file.Kdf);
            if (!CryptographicOperations.FixedTimeEquals(check, Convert.FromBase64String(file.KeyCheck)))
            {
                throw new CliException("wrong passphrase", "the vault was not opened; type the passphrase given at 'init'",
                    null, ErrorReporter.WrongPassphrase);
            }

            DurableStore store = OpenStore(paths, storeKey);
            return new VaultSession(paths, store, passphrase, file.Kdf, actor, clock, storeKey);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(passphrase);
            if (storeKey is not null)
            {
                CryptographicOperations.ZeroMemory(storeKey);
            }
        }
    }

    /// <summary>Opens the store with a key whose key check has passed.</summary>
    internal static DurableStore OpenStore(VaultPaths paths, byte[] storeKey)
    {
        if (!File.Exists(Path.Combine(paths.Store, DurableStore.DataFileName)))
        {
            throw new CliException(ErrorReporter.VaultDamaged + " (its store is missing)", ErrorReporter.VaultDamagedHint,
                null, ErrorReporter.IntegrityFailure);
        }

        try
        {
            DurableStore store = DurableStore.Open(paths.Store, storeKey);
            if (Retention.DestroyService.IsPending(store))
            {
                // A 'destroy' was killed after its transaction: finish erasing before anything else reads the vault.
                store.Dispose();
                int wiped = Retention.DestroyService.Complete(paths, storeKey);
                ErrorReporter.Warning($"finished destroying a case that an interrupted 'destroy' left ({wiped} evidence files erased, vault compacted)");
                store = DurableStore.Open(paths.Store, storeKey);
            }

            return store;
        }
        catch (Exception ex) when (ex is StoreCorruptException or StoreKeyException)
        {
            // The key check passed, so the key is right: the store's files were changed or damaged.
            throw new CliException(ErrorReporter.VaultDamaged, ErrorReporter.VaultDamagedHint, ex, ErrorReporter.IntegrityFailure);
        }
    }

    /// <summary>For tests and tools that hold the passphrase as a string already (a string cannot be wiped).</summary>
    public static VaultSession Open(string root, Func<string> readPassphrase, string actor, TimeProvider clock) =>
        Open(root, () => System.Text.Encoding.UTF8.GetBytes(readPassphrase()), actor, clock);

    public static void CheckPassphrase(byte[] passphrase)
    {
        if (PassphrasePrompt.CharacterCount(passphrase) < MinPassphraseLength)
        {
            throw new CliException($"the passphrase is too short (at least {MinPassphraseLength} characters)",
                "use several unrelated words: it is all that protects the reports if this machine is stolen");
        }
    }

    internal static void CreateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, OwnerOnlyDirectory);
        }
    }
}

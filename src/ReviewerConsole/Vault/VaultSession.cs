using System.Globalization;
using WhistleSubmit.EncryptedStore;
using WhistleSubmit.ReviewerConsole.Persistence;

namespace WhistleSubmit.ReviewerConsole.Vault;

/// <summary>
/// An open, unlocked vault: the store, the layout, who is acting, the share holders who joined (in a shared vault),
/// and the key files' passphrase as UTF-8 bytes (the vault passphrase, or in a shared vault the text derived from the
/// vault secret; kept only to open the key files when a verb needs private keys, and zeroed on dispose). Every application service
/// takes one. Open it with <see cref="VaultService.Open(string, Func{byte[]}, string, TimeProvider)"/>; dispose it to
/// close the store, release its lock and wipe the passphrase.
/// </summary>
internal sealed class VaultSession : IDisposable
{
    private readonly byte[] passphrase;
    private readonly byte[] storeKey;

    // passphrase: UTF-8 bytes, copied: the caller zeroes its own array.
    // storeKey: copied likewise (empty from init).
    internal VaultSession(VaultPaths paths, DurableStore store, ReadOnlySpan<byte> passphrase, KdfParameters kdf, string actor, TimeProvider clock,
        ReadOnlySpan<byte> storeKey = default)
        : this(paths, store, passphrase, KeyService.KeyFileWorkFactor(kdf), [], 0, actor, clock, storeKey)
    {
    }

    // keyFilePassphrase: copied, the caller zeroes its own array.
    internal VaultSession(VaultPaths paths, DurableStore store, ReadOnlySpan<byte> keyFilePassphrase, int keyFileWorkFactor,
        IReadOnlyList<string> holders, int threshold, string actor, TimeProvider clock, ReadOnlySpan<byte> storeKey = default)
    {
        this.storeKey = storeKey.ToArray();
        Paths = paths;
        KeyFileWorkFactor = keyFileWorkFactor;
        Store = store;
        passphrase = keyFilePassphrase.ToArray();
        Holders = holders;
        Threshold = threshold;
        Actor = actor;
        Clock = clock;
    }

    public VaultPaths Paths { get; }

    /// <summary>scrypt's work factor for new key files: at least the vault's Argon2id cost, or 18 in a shared vault (a random passphrase).</summary>
    public int KeyFileWorkFactor { get; }

    /// <summary>
    /// The holders whose shares opened a shared vault, in the order they joined; empty for a single-passphrase vault.
    /// A check that needs several people (a second reviewer's approval) counts these.
    /// </summary>
    public IReadOnlyList<string> Holders { get; }

    /// <summary>How many holders a shared vault needs (its k); 0 for a single-passphrase vault.</summary>
    public int Threshold { get; }

    public bool IsShared => Holders.Count > 0;

    /// <summary>
    /// The store engine itself, for opening and closing (and for tests that tamper with it): services go through
    /// <see cref="Read"/> and <see cref="Write{T}(Func{VaultData, T})"/>, the vault's one door to its documents.
    /// </summary>
    public DurableStore Store { get; }

    /// <summary>The name recorded in the audit log for what this session does.</summary>
    public string Actor { get; }

    public TimeProvider Clock { get; }

    /// <summary>The key files' passphrase as UTF-8 bytes, for <c>ScryptIdentity</c> and <c>ScryptRecipient</c>, which copy them.</summary>
    internal ReadOnlySpan<byte> Passphrase => passphrase;

    /// <summary>The store key, for the compaction that ends 'destroy' (the store must be closed for it); zeroed on dispose.</summary>
    internal ReadOnlySpan<byte> StoreKey => storeKey;

    /// <summary>The current UTC time as stored everywhere in the vault: ISO 8601 with milliseconds and "Z".</summary>
    public string Now() => FormatTime(Clock.GetUtcNow());

    public static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Runs <paramref name="query"/> on a consistent view of the vault's data.</summary>
    public T Read<T>(Func<VaultData, T> query) => Store.Read(db => query(new VaultData(db)));

    /// <summary>Runs <paramref name="transaction"/> as one durable store transaction: all of it is committed, or none.</summary>
    public T Write<T>(Func<VaultData, T> transaction) => Store.Write(db => transaction(new VaultData(db)));

    /// <inheritdoc cref="Write{T}(Func{VaultData, T})"/>
    public void Write(Action<VaultData> transaction) => Store.Write(db => transaction(new VaultData(db)));

    public void Dispose()
    {
        System.Security.Cryptography.CryptographicOperations.ZeroMemory(passphrase);
        System.Security.Cryptography.CryptographicOperations.ZeroMemory(storeKey);
        Store.Dispose();
    }

    public override string ToString() => $"VaultSession({Paths.Root})";
}

namespace WhistleSubmit.EncryptedStore;

/// <summary>
/// The one-writer rule (docs/DEVELOPMENT.md#litedb: mixing processes loses LiteDB writes): an exclusive lock file held open
/// with FileShare.None, which .NET maps to flock(LOCK_EX) on Unix and a sharing lock on Windows. The OS drops it when
/// the process dies, so a killed server never leaves a stale lock.
/// </summary>
internal sealed class StoreLock : IDisposable
{
    public const string FileName = "store.lock";

    private readonly FileStream file;

    private StoreLock(FileStream file) => this.file = file;

    public static StoreLock Acquire(string directory)
    {
        var path = Path.Combine(directory, FileName);
        try
        {
            return new StoreLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new StoreLockedException(
                "The store is in use by another process (its lock file is held); stop that process first.", e);
        }
    }

    public void Dispose() => file.Dispose();
}

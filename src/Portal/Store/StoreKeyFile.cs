using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace WhistleSubmit.Portal.Store;

/// <summary>
/// The store's 32-byte key in &lt;data&gt;/store.key, protected with DataProtection (key ring in the data directory),
/// so the store file alone, or a copy of it, opens nothing. Created once, atomically: a half-written key file would
/// lock the operator out of every stored report.
/// </summary>
public static class StoreKeyFile
{
    public const string FileName = "store.key";
    public const string Purpose = "WhistleSubmit.Portal.Store.v1";

    /// <summary>Returns the key, creating it (and the file) on first use. The caller zeroes the returned array.</summary>
    public static byte[] LoadOrCreate(string dataDirectory, IDataProtectionProvider provider)
    {
        var protector = provider.CreateProtector(Purpose);
        string path = Path.Combine(dataDirectory, FileName);
        if (File.Exists(path))
        {
            byte[] key = protector.Unprotect(File.ReadAllBytes(path));
            SyncKeyRing(dataDirectory);
            if (key.Length != 32)
            {
                CryptographicOperations.ZeroMemory(key);
                throw new CryptographicException("The store key file does not hold a 32-byte key.");
            }

            return key;
        }

        byte[] fresh = RandomNumberGenerator.GetBytes(32);
        byte[] protectedKey = protector.Protect(fresh);
        SyncKeyRing(dataDirectory);
        string temp = path + ".new";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var file = new FileStream(temp, options))
        {
            file.Write(protectedKey);
            file.Flush(flushToDisk: true);
        }

        // The key is durable under its final name before any item is encrypted with it.
        File.Move(temp, path, overwrite: false);
        WhistleSubmit.EncryptedStore.DirectorySync.Flush(dataDirectory);
        return fresh;
    }

    /// <summary>
    /// Syncs the DataProtection key ring (&lt;data&gt;/dataprotection-keys). ASP.NET writes its key files without fsync,
    /// so a power cut in the minute after the first start kept the synced store.key but lost the key protecting it:
    /// the store never opened again (found by bench/CrashBench --power-cut). Also on every load, for a ring written
    /// by a start that ended before it reached the disk.
    /// </summary>
    private static void SyncKeyRing(string dataDirectory)
    {
        string ring = Path.Combine(dataDirectory, "dataprotection-keys");
        if (!Directory.Exists(ring))
        {
            return;
        }

        foreach (string file in Directory.EnumerateFiles(ring))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.ReadWrite);
            stream.Flush(flushToDisk: true);
        }

        WhistleSubmit.EncryptedStore.DirectorySync.Flush(ring);
        WhistleSubmit.EncryptedStore.DirectorySync.Flush(dataDirectory);
    }
}

using System.Security.Cryptography;
using WhistleSubmit.EncryptedStore.Paging;

namespace WhistleSubmit.EncryptedStore;

// Format 1 stores (pages under the caller's key, no data key file) are migrated when they are opened, by the
// compaction's own swap: their pages are copied as they are into current-format files under a fresh data key.
public sealed partial class DurableStore
{
    private static void Migrate(string directory, ReadOnlySpan<byte> key)
    {
        string work = Path.Combine(directory, CompactionDirectoryName);
        var storeId = RandomNumberGenerator.GetBytes(16);
        var dataKey = RandomNumberGenerator.GetBytes(32);
        try
        {
            using (var oldData = OpenFile(Path.Combine(directory, DataFileName)))
            using (var oldLog = OpenFile(Path.Combine(directory, LogFileName)))
            using (var data = LegacyPageReader.Open(oldData, key, StoreFileKind.Data, default))
            using (var log = LegacyPageReader.Open(oldLog, key, StoreFileKind.Log, data.StoreId))
            {
                // The old files are under the caller's key, which stays: the swap zeroes them in place (Finish).
                Step("migrate");
                DataKeyFile.Create(directory, key, storeId, dataKey);
                Directory.CreateDirectory(work);
                CreateFiles(work, storeId, dataKey);
                CopyPages(data, Path.Combine(work, DataFileName), dataKey, StoreFileKind.Data, storeId);
                CopyPages(log, Path.Combine(work, LogFileName), dataKey, StoreFileKind.Log, storeId);
                DirectorySync.Flush(work);
            }

            Finish(directory, work);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    // The log is copied as it is, unreplayed: LiteDB replays it into the new data file when the store opens.
    private static void CopyPages(LegacyPageReader source, string path, byte[] dataKey, StoreFileKind kind, byte[] storeId)
    {
        var page = new byte[EncryptedPageStream.PageSize];
        using var target = EncryptedPageStream.Open(OpenFile(path), dataKey, kind, storeId);
        for (long offset = 0, index = 0; offset < source.Length; offset += page.Length, index++)
        {
            source.ReadPage(index, page);
            target.Position = offset;
            target.Write(page, 0, (int)Math.Min(page.Length, source.Length - offset));
        }

        target.Flush();
        CryptographicOperations.ZeroMemory(page);
    }
}

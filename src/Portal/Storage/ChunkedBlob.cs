using LiteDB;

namespace WhistleSubmit.Portal.Storage;

/// <summary>
/// Ciphertext lives in LiteDB FileStorage as one file per chunk of at most <see cref="StoreOptions.ChunkSize"/> bytes,
/// named "&lt;blob id&gt;.&lt;index&gt;". A resumable upload then writes each chunk in its own short transaction (a slow
/// client never holds the write lock) and completing it is a small metadata transaction, not a 2 GiB copy.
/// </summary>
internal static class ChunkedBlob
{
    public static string ChunkId(string blob, int index) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{blob}.{index:D6}");

    public static int ChunkCount(long size) => checked((int)((size + StoreOptions.ChunkSize - 1) / StoreOptions.ChunkSize));

    public static long ChunkLength(long size, int index) =>
        Math.Min(StoreOptions.ChunkSize, size - ((long)index * StoreOptions.ChunkSize));

    public static void Delete(ILiteDatabase db, string blob, int chunks)
    {
        for (int i = 0; i < chunks; i++)
        {
            db.FileStorage.Delete(ChunkId(blob, i));
        }
    }

    /// <summary>A read-only stream over the chunks in order; each chunk is opened only when reached.</summary>
    public static Stream Open(ILiteDatabase db, string blob, int chunks, long size) =>
        new ConcatenatedStream(Enumerable.Range(0, chunks).Select(i => (Func<Stream>)(() => db.FileStorage.OpenRead(ChunkId(blob, i)))), size);
}

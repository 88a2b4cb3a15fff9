using LiteDB;

namespace WhistleSubmit.Portal.Store;

/// <summary>
/// Ciphertext lives in LiteDB FileStorage as one file per chunk of at most <see cref="StoreOptions.ChunkSize"/> bytes,
/// named "&lt;blob id&gt;.&lt;index&gt;". A resumable upload then writes each chunk in its own short transaction (a slow
/// client never holds the write lock) and completing it is a small metadata transaction, not a 2 GiB copy.
/// </summary>
internal static class ChunkedBlob
{
    /// <summary>LiteDB FileStorage's own piece size (5.0.21 Constants.MAX_CHUNK_SIZE): one "_chunks" document each.</summary>
    public const int PieceSize = 255 * 1024;

    private const string Files = "_files";
    private const string Pieces = "_chunks";

    public static string ChunkId(string blob, int index) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{blob}.{index:D6}");

    public static int ChunkCount(long size) => checked((int)((size + StoreOptions.ChunkSize - 1) / StoreOptions.ChunkSize));

    public static long ChunkLength(long size, int index) =>
        Math.Min(StoreOptions.ChunkSize, size - ((long)index * StoreOptions.ChunkSize));

    /// <summary>
    /// Stores one chunk as a FileStorage file, written directly in FileStorage's layout ("_files" document, then
    /// "_chunks" pieces of <see cref="PieceSize"/>) so that FileStorage reads and deletes it like its own. Not through
    /// FileStorage.Upload: that copies the data through growing MemoryStreams and a fresh 255 KiB array per piece
    /// (about four times the chunk in large-object-heap garbage, which is what kept the server's memory high during a
    /// 2 GiB upload), and it stamps each file with the local time of day, which the store must never keep. Here every
    /// full piece goes through one reused scratch array (LiteDB serialises a document on Insert and keeps no
    /// reference) and the date is the UTC day.
    /// </summary>
    public static void Write(ILiteDatabase db, string chunkId, ReadOnlySpan<byte> data, byte[] scratch, DateTime utcDay)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(scratch.Length, PieceSize);
        int pieces = (data.Length + PieceSize - 1) / PieceSize;
        db.GetCollection(Files).Insert(new BsonDocument
        {
            ["_id"] = chunkId,
            ["filename"] = "chunk",
            ["mimeType"] = "application/octet-stream",
            ["length"] = (long)data.Length,
            ["chunks"] = pieces,
            ["uploadDate"] = DateTime.SpecifyKind(utcDay.Date, DateTimeKind.Utc),
            ["metadata"] = new BsonDocument(),
        });
        var collection = db.GetCollection(Pieces);
        for (int n = 0; n < pieces; n++)
        {
            var piece = data.Slice(n * PieceSize, Math.Min(PieceSize, data.Length - (n * PieceSize)));
            byte[] bytes = piece.Length == PieceSize ? scratch : new byte[piece.Length];
            piece.CopyTo(bytes);
            collection.Insert(new BsonDocument
            {
                ["_id"] = new BsonDocument { ["f"] = chunkId, ["n"] = n },
                ["data"] = bytes,
            });
        }
    }

    public static void Delete(ILiteDatabase db, string blob, int chunks)
    {
        for (int i = 0; i < chunks; i++)
        {
            db.FileStorage.Delete(ChunkId(blob, i));
        }
    }

    /// <summary>A read-only stream over the chunks in order; each chunk is opened only when reached.</summary>
    public static Stream Open(ILiteDatabase db, string blob, int chunks, long size, Action? onDispose = null) =>
        new ConcatenatedStream(Enumerable.Range(0, chunks).Select(i => (Func<Stream>)(() => db.FileStorage.OpenRead(ChunkId(blob, i)))), size, onDispose);
}

using System.Buffers.Binary;
using System.Security.Cryptography;
using WhistleSubmit.EncryptedStore.Crypto;

namespace WhistleSubmit.EncryptedStore.Paging;

// File header (format version, kind, store id, key check value) and the two alternating commit records.
public sealed partial class EncryptedPageStream
{
    private ulong recordSequence;
    private int recordSlot;

    /// <summary>
    /// Formats an empty inner stream as a new store file and syncs it. The stream takes ownership of inner.
    /// An empty storeId draws a fresh random one (a new store); a log file passes its data file's id.
    /// </summary>
    public static EncryptedPageStream Create(
        Stream inner, ReadOnlySpan<byte> key, StoreFileKind kind, ReadOnlySpan<byte> storeId = default)
    {
        ArgumentNullException.ThrowIfNull(inner);
        if (inner.Length != 0)
        {
            throw new ArgumentException("A new store file must start empty.", nameof(inner));
        }

        if (!storeId.IsEmpty && storeId.Length != PageLayout.StoreIdSize)
        {
            throw new ArgumentException("A store id is 16 bytes.", nameof(storeId));
        }

        var id = storeId.IsEmpty ? RandomNumberGenerator.GetBytes(PageLayout.StoreIdSize) : storeId.ToArray();
        var stream = new EncryptedPageStream(inner, new XAes256Gcm(key), kind, id);
        var header = new byte[PageLayout.HeaderSize];
        PageLayout.Magic.CopyTo(header);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(8), PageLayout.FormatVersion);
        header[12] = unchecked((byte)kind);
        id.CopyTo(header, 16);
        var nonce = header.AsSpan(PageLayout.HeaderNonceOffset, XAes256Gcm.NonceSize);
        RandomNumberGenerator.Fill(nonce);
        stream.aead.Encrypt(
            nonce, [], [], header.AsSpan(PageLayout.HeaderTagOffset, XAes256Gcm.TagSize),
            header.AsSpan(0, PageLayout.HeaderAuthenticatedSize));
        inner.Position = 0;
        inner.Write(header);
        stream.recordSlot = 1;
        stream.WriteRecord(0);
        stream.SyncInner();
        return stream;
    }

    /// <summary>
    /// Opens an existing store file. Throws <see cref="StoreKeyException"/> when the key does not authenticate the
    /// header and <see cref="StoreCorruptException"/> for anything else wrong. Cuts off never-synced pages past the
    /// recorded length. An empty expectedStoreId accepts any store. The stream takes ownership of inner.
    /// </summary>
    public static EncryptedPageStream Open(
        Stream inner, ReadOnlySpan<byte> key, StoreFileKind kind, ReadOnlySpan<byte> expectedStoreId = default)
    {
        ArgumentNullException.ThrowIfNull(inner);
        var header = new byte[PageLayout.HeaderSize];
        inner.Position = 0;
        var read = inner.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        if (read < PageLayout.HeaderSize || !header.AsSpan(0, 8).SequenceEqual(PageLayout.Magic))
        {
            throw new StoreCorruptException("The file is not a WhistleSubmit store file, or its header is truncated.");
        }

        if (BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(8)) != PageLayout.FormatVersion)
        {
            throw new StoreCorruptException("The store file has an unsupported format version.");
        }

        if (header[12] != (byte)kind)
        {
            throw new StoreCorruptException($"The file is not the store's {kind.ToString().ToLowerInvariant()} file.");
        }

        // The id is compared before the key check: under the store's own data key a file of another store (which
        // has a data key of its own) would otherwise look like a wrong key.
        var id = header.AsSpan(16, PageLayout.StoreIdSize).ToArray();
        if (!expectedStoreId.IsEmpty && !expectedStoreId.SequenceEqual(id))
        {
            throw new StoreCorruptException("The file belongs to a different store.");
        }

        var aead = new XAes256Gcm(key);
        if (!aead.TryDecrypt(
                header.AsSpan(PageLayout.HeaderNonceOffset, XAes256Gcm.NonceSize), [],
                header.AsSpan(PageLayout.HeaderTagOffset, XAes256Gcm.TagSize), [],
                header.AsSpan(0, PageLayout.HeaderAuthenticatedSize)))
        {
            aead.Dispose();
            throw new StoreKeyException();
        }

        var stream = new EncryptedPageStream(inner, aead, kind, id);
        try
        {
            stream.LoadNewestRecord(header);
            stream.CutUnsyncedTail();
            return stream;
        }
        catch
        {
            stream.aead.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The unauthenticated part of a store file's header: its format version and store id (which names the data key
    /// that authenticates it). Null when the file is too short or not a store file.
    /// </summary>
    public static (uint Version, byte[] StoreId)? PeekHeader(string path)
    {
        var header = new byte[PageLayout.HeaderAuthenticatedSize];
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.None);
        if (file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length
            || !header.AsSpan(0, 8).SequenceEqual(PageLayout.Magic))
        {
            return null;
        }

        return (BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(8)), header.AsSpan(16, PageLayout.StoreIdSize).ToArray());
    }

    private void LoadNewestRecord(byte[] header)
    {
        var found = false;
        Span<byte> aad = stackalloc byte[PageLayout.AadSize];
        for (var slot = 0; slot < 2; slot++)
        {
            var record = header.AsSpan((int)PageLayout.RecordOffset(slot), PageLayout.RecordSize);
            var sequence = BinaryPrimitives.ReadUInt64LittleEndian(record);
            var length = BinaryPrimitives.ReadInt64LittleEndian(record[8..]);
            PageLayout.RecordAad(aad, Kind, storeId, slot, sequence, length);
            var authentic = record.ContainsAnyExcept((byte)0) && length >= 0 && aead.TryDecrypt(
                record.Slice(PageLayout.RecordNonceOffset, XAes256Gcm.NonceSize), [],
                record.Slice(PageLayout.RecordTagOffset, XAes256Gcm.TagSize), [], aad);
            if (authentic && (!found || sequence > recordSequence))
            {
                found = true;
                recordSequence = sequence;
                recordSlot = slot;
                syncedLength = length;
            }
        }

        if (!found)
        {
            throw new StoreCorruptException("The store file's commit records failed authentication.");
        }

        length = syncedLength;
    }

    private void CutUnsyncedTail()
    {
        var pages = PageLayout.PageCount(length);
        var minimum = pages == 0 ? PageLayout.HeaderSize : PageLayout.SlotOffset(pages - 1, 0) + PageLayout.SlotSize;
        var maximum = PageLayout.HeaderSize + (pages * PageLayout.PairSize);
        var physical = inner.Length;
        if (physical < minimum)
        {
            throw new StoreCorruptException("The store file is truncated.");
        }

        if (physical > maximum)
        {
            // Synced before any new write, or a stale slot with a high counter could outrank a new page here.
            inner.SetLength(maximum);
            SyncInner();
        }
    }

    private void WriteRecord(long length)
    {
        // After a failed sync the other slot may hold the last durable record: never overwrite it.
        ThrowIfSyncFailed();
        var sequence = recordSequence + 1;
        var slot = 1 - recordSlot;
        Span<byte> record = stackalloc byte[PageLayout.RecordSize];
        BinaryPrimitives.WriteUInt64LittleEndian(record, sequence);
        BinaryPrimitives.WriteInt64LittleEndian(record[8..], length);
        var nonce = record.Slice(PageLayout.RecordNonceOffset, XAes256Gcm.NonceSize);
        RandomNumberGenerator.Fill(nonce);
        Span<byte> aad = stackalloc byte[PageLayout.AadSize];
        PageLayout.RecordAad(aad, Kind, storeId, slot, sequence, length);
        aead.Encrypt(nonce, [], [], record.Slice(PageLayout.RecordTagOffset, XAes256Gcm.TagSize), aad);
        inner.Position = PageLayout.RecordOffset(slot);
        inner.Write(record);
        recordSequence = sequence;
        recordSlot = slot;
    }
}

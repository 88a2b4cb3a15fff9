using System.Buffers.Binary;
using System.Security.Cryptography;
using WhistleSubmit.EncryptedStore.Crypto;

namespace WhistleSubmit.EncryptedStore.Paging;

// File header (format version, kind, store id, key check value) and the two alternating commit records.
public sealed partial class EncryptedPageStream
{
    private ulong recordSequence;
    private int recordSlot;
    private ulong durableSequence;

    // The newest durable (or being written) record's commit epoch and page-table digest.
    private ulong committedEpoch;
    private byte[] committedDigest = new byte[PageLayout.DigestSize];

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
        var stream = new EncryptedPageStream(inner, key, kind, id);
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
        stream.WriteRecord(0, 0, stream.digest);
        stream.SyncRecord();
        return stream;
    }

    /// <summary>
    /// Opens an existing store file. Throws <see cref="StoreKeyException"/> when the key does not authenticate the
    /// header and <see cref="StoreCorruptException"/> for anything else wrong, including pages or a commit record
    /// that do not match the last commit. Clears what a crash left uncommitted. An empty expectedStoreId accepts any
    /// store. The stream takes ownership of inner.
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

        var stream = new EncryptedPageStream(inner, key, kind, id);
        try
        {
            if (!stream.aead.TryDecrypt(
                    header.AsSpan(PageLayout.HeaderNonceOffset, XAes256Gcm.NonceSize), [],
                    header.AsSpan(PageLayout.HeaderTagOffset, XAes256Gcm.TagSize), [],
                    header.AsSpan(0, PageLayout.HeaderAuthenticatedSize)))
            {
                throw new StoreKeyException();
            }

            var nextEpoch = stream.LoadNewestRecord(header);
            stream.ScanPages(nextEpoch);
            return stream;
        }
        catch
        {
            stream.ReleaseSecrets();
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

    // The newest authentic record wins. A record fits in one 512-byte sector, which a disk writes whole or not at
    // all, so a crash leaves a record slot old or new, never torn: a slot that is not empty and fails
    // authentication was altered (or the disk is failing), and the file is refused rather than rolled back to the
    // other record. Returns the recorded next epoch.
    private ulong LoadNewestRecord(byte[] header)
    {
        var found = false;
        ulong nextEpoch = 0;
        Span<byte> aad = stackalloc byte[PageLayout.RecordAadSize];
        for (var slot = 0; slot < 2; slot++)
        {
            var record = header.AsSpan((int)PageLayout.RecordOffset(slot), PageLayout.RecordSize);
            if (!record.ContainsAnyExcept((byte)0))
            {
                continue;
            }

            PageLayout.RecordAad(aad, Kind, storeId, slot, record[..PageLayout.RecordFieldsSize]);
            var sequence = BinaryPrimitives.ReadUInt64LittleEndian(record);
            var recorded = BinaryPrimitives.ReadInt64LittleEndian(record[8..]);
            if (recorded < 0 || !aead.TryDecrypt(
                    record.Slice(PageLayout.RecordNonceOffset, XAes256Gcm.NonceSize), [],
                    record.Slice(PageLayout.RecordTagOffset, XAes256Gcm.TagSize), [], aad))
            {
                throw new StoreCorruptException(
                    $"A commit record of the store's {Kind.ToString().ToLowerInvariant()} file was altered or damaged.");
            }

            if (!found || sequence > recordSequence)
            {
                found = true;
                recordSequence = sequence;
                recordSlot = slot;
                syncedLength = recorded;
                committedEpoch = BinaryPrimitives.ReadUInt64LittleEndian(record[16..]);
                nextEpoch = BinaryPrimitives.ReadUInt64LittleEndian(record[24..]);
                committedDigest = record.Slice(32, PageLayout.DigestSize).ToArray();
                RecordedPeerSequence = BinaryPrimitives.ReadUInt64LittleEndian(record[64..]);
            }
        }

        if (!found)
        {
            throw new StoreCorruptException("The store file has no commit record.");
        }

        length = syncedLength;
        LoadedSequence = recordSequence;
        Volatile.Write(ref durableSequence, recordSequence);
        return nextEpoch;
    }

    /// <summary>The sequence of the newest commit record found when the file was opened.</summary>
    internal ulong LoadedSequence { get; private set; }

    /// <summary>The sequence of the newest commit record known to be on disk.</summary>
    internal ulong DurableSequence => Volatile.Read(ref durableSequence);

    /// <summary>
    /// The other file's <see cref="DurableSequence"/>, recorded in each commit record: in the log, so that a data file
    /// rolled back behind its (already emptied) log is refused; in the data file, so that a log put back from before
    /// a checkpoint is refused.
    /// </summary>
    internal Func<ulong>? PeerSequence { get; set; }

    /// <summary>The peer sequence in the newest commit record (kept by records written without a peer).</summary>
    internal ulong RecordedPeerSequence { get; private set; }

    private void SyncRecord()
    {
        SyncInner();
        Volatile.Write(ref durableSequence, recordSequence);
    }

    private void WriteRecord(long length, ulong commitEpoch, ReadOnlySpan<byte> pageDigest)
    {
        // After a failed sync the other slot may hold the last durable record: never overwrite it.
        ThrowIfSyncFailed();
        var sequence = recordSequence + 1;
        var slot = 1 - recordSlot;
        Span<byte> record = stackalloc byte[PageLayout.RecordSize];
        record.Clear();
        BinaryPrimitives.WriteUInt64LittleEndian(record, sequence);
        BinaryPrimitives.WriteInt64LittleEndian(record[8..], length);
        BinaryPrimitives.WriteUInt64LittleEndian(record[16..], commitEpoch);
        BinaryPrimitives.WriteUInt64LittleEndian(record[24..], writeEpoch);
        pageDigest.CopyTo(record[32..]);
        BinaryPrimitives.WriteUInt64LittleEndian(record[64..], PeerSequence?.Invoke() ?? RecordedPeerSequence);
        var nonce = record.Slice(PageLayout.RecordNonceOffset, XAes256Gcm.NonceSize);
        RandomNumberGenerator.Fill(nonce);
        Span<byte> aad = stackalloc byte[PageLayout.RecordAadSize];
        PageLayout.RecordAad(aad, Kind, storeId, slot, record[..PageLayout.RecordFieldsSize]);
        aead.Encrypt(nonce, [], [], record.Slice(PageLayout.RecordTagOffset, XAes256Gcm.TagSize), aad);
        inner.Position = PageLayout.RecordOffset(slot);
        inner.Write(record);
        recordSequence = sequence;
        recordSlot = slot;
        committedEpoch = commitEpoch;
        RecordedPeerSequence = BinaryPrimitives.ReadUInt64LittleEndian(record[64..]);
        committedDigest = pageDigest.ToArray();
    }
}

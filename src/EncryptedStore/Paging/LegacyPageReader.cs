using System.Buffers.Binary;
using WhistleSubmit.EncryptedStore.Crypto;

namespace WhistleSubmit.EncryptedStore.Paging;

/// <summary>
/// Reads a format 1 store file (pages under the caller's key, no data key file, no binding to commits) so that
/// <see cref="DurableStore"/> can migrate it: each logical page, as format 1 read it (the newest authentic slot),
/// is copied into a current store. Read-only; nothing here is ever written in format 1.
/// </summary>
internal sealed class LegacyPageReader : IDisposable
{
    public const uint FormatVersion = 1;

    private const int RecordNonceOffset = 16;
    private const int RecordTagOffset = 40;
    private const int RecordSize = 56;
    private const int AadSize = 41;

    private readonly Stream inner;
    private readonly XAes256Gcm aead;
    private readonly StoreFileKind kind;
    private readonly byte[] storeId;
    private readonly byte[] pair = new byte[PageLayout.PairSize];

    private LegacyPageReader(Stream inner, XAes256Gcm aead, StoreFileKind kind, byte[] storeId, long length)
    {
        this.inner = inner;
        this.aead = aead;
        this.kind = kind;
        this.storeId = storeId;
        Length = length;
    }

    /// <summary>The logical length in the newest authentic commit record.</summary>
    public long Length { get; }

    public ReadOnlySpan<byte> StoreId => storeId;

    /// <summary>Opens a format 1 file; the stream is borrowed, not disposed.</summary>
    public static LegacyPageReader Open(Stream inner, ReadOnlySpan<byte> key, StoreFileKind kind, ReadOnlySpan<byte> expectedStoreId)
    {
        var header = new byte[PageLayout.HeaderSize];
        inner.Position = 0;
        if (inner.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length
            || !header.AsSpan(0, 8).SequenceEqual(PageLayout.Magic)
            || BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(8)) != FormatVersion || header[12] != (byte)kind)
        {
            throw new StoreCorruptException("The format 1 store file's header is damaged.");
        }

        var aead = new XAes256Gcm(key);
        try
        {
            if (!aead.TryDecrypt(
                    header.AsSpan(PageLayout.HeaderNonceOffset, XAes256Gcm.NonceSize), [],
                    header.AsSpan(PageLayout.HeaderTagOffset, XAes256Gcm.TagSize), [],
                    header.AsSpan(0, PageLayout.HeaderAuthenticatedSize)))
            {
                throw new StoreKeyException();
            }

            var id = header.AsSpan(16, PageLayout.StoreIdSize).ToArray();
            if (!expectedStoreId.IsEmpty && !expectedStoreId.SequenceEqual(id))
            {
                throw new StoreCorruptException("The file belongs to a different store.");
            }

            long? length = null;
            ulong newest = 0;
            Span<byte> aad = stackalloc byte[AadSize];
            for (var slot = 0; slot < 2; slot++)
            {
                var record = header.AsSpan((int)PageLayout.RecordOffset(slot), RecordSize);
                var sequence = BinaryPrimitives.ReadUInt64LittleEndian(record);
                var recorded = BinaryPrimitives.ReadInt64LittleEndian(record[8..]);
                "WSCREC"u8.CopyTo(aad);
                aad[6] = (byte)FormatVersion;
                aad[7] = (byte)kind;
                id.CopyTo(aad[8..]);
                aad[24] = (byte)slot;
                BinaryPrimitives.WriteUInt64LittleEndian(aad[25..], sequence);
                BinaryPrimitives.WriteInt64LittleEndian(aad[33..], recorded);
                if (record.ContainsAnyExcept((byte)0) && recorded >= 0 && (length is null || sequence > newest)
                    && aead.TryDecrypt(
                        record.Slice(RecordNonceOffset, XAes256Gcm.NonceSize), [],
                        record.Slice(RecordTagOffset, XAes256Gcm.TagSize), [], aad))
                {
                    length = recorded;
                    newest = sequence;
                }
            }

            return length is { } found
                ? new LegacyPageReader(inner, aead, kind, id, found)
                : throw new StoreCorruptException("The format 1 store file's commit records failed authentication.");
        }
        catch
        {
            aead.Dispose();
            throw;
        }
    }

    /// <summary>Reads logical page <paramref name="page"/> (below the length) into destination.</summary>
    public void ReadPage(long page, Span<byte> destination)
    {
        inner.Position = PageLayout.SlotOffset(page, 0);
        var read = inner.ReadAtLeast(pair, pair.Length, throwOnEndOfStream: false);
        pair.AsSpan(read).Clear();
        var counter0 = BinaryPrimitives.ReadUInt64LittleEndian(pair);
        var counter1 = BinaryPrimitives.ReadUInt64LittleEndian(pair.AsSpan(PageLayout.SlotSize));
        int[] order = counter1 > counter0 ? [1, 0] : [0, 1];
        Span<byte> aad = stackalloc byte[AadSize];
        foreach (var slot in order)
        {
            var bytes = pair.AsSpan(slot * PageLayout.SlotSize, PageLayout.SlotSize);
            var counter = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
            "WSPAGE"u8.CopyTo(aad);
            aad[6] = (byte)FormatVersion;
            aad[7] = (byte)kind;
            storeId.CopyTo(aad[8..]);
            BinaryPrimitives.WriteInt64LittleEndian(aad[24..], page);
            aad[32] = (byte)slot;
            BinaryPrimitives.WriteUInt64LittleEndian(aad[33..], counter);
            if (bytes.ContainsAnyExcept((byte)0) && aead.TryDecrypt(
                    bytes.Slice(8, XAes256Gcm.NonceSize), bytes.Slice(32, PageLayout.PageSize),
                    bytes.Slice(32 + PageLayout.PageSize, XAes256Gcm.TagSize), destination[..PageLayout.PageSize], aad))
            {
                return;
            }
        }

        throw new StoreCorruptException($"Page {page} of the format 1 store's {kind.ToString().ToLowerInvariant()} file failed authentication.");
    }

    public void Dispose()
    {
        aead.Dispose();
        pair.AsSpan().Clear();
    }
}

using System.Buffers.Binary;

namespace WhistleSubmit.EncryptedStore.Paging;

/// <summary>
/// On-disk layout of an <see cref="EncryptedPageStream"/> file (format version 1):
/// <code>
/// [0, 4096)       header: magic "WSSTORE\0" | version u32 | kind u8 | 3 zero bytes | store id (16)
///                 | nonce (24) | tag (16)   — the tag, over the first 32 bytes, is the key check value
/// [4096, 8192)    commit record slot 0: seq u64 | logical length u64 | nonce (24) | tag (16)
/// [8192, 12288)   commit record slot 1
/// then per logical page p, two slots of 8,240 bytes: counter u64 | nonce (24) | ciphertext (8192) | tag (16)
/// </code>
/// All integers little-endian. Every tag is XAES-256-GCM with a fresh random nonce; the associated data binds the
/// format version, the file kind, the store id, and the page number, slot and counter (or the record's fields).
/// </summary>
internal static class PageLayout
{
    public const int PageSize = 8192;
    public const uint FormatVersion = 2;
    public const int BlockSize = 4096;
    public const int HeaderSize = 3 * BlockSize;
    public const int StoreIdSize = 16;

    public const int CounterOffset = 0;
    public const int NonceOffset = 8;
    public const int CipherOffset = NonceOffset + 24;
    public const int TagOffset = CipherOffset + PageSize;
    public const int SlotSize = TagOffset + 16;
    public const int PairSize = 2 * SlotSize;

    public const int HeaderAuthenticatedSize = 32;
    public const int HeaderNonceOffset = 32;
    public const int HeaderTagOffset = 56;
    public const int HeaderUsedSize = 72;

    public const int RecordNonceOffset = 16;
    public const int RecordTagOffset = 40;
    public const int RecordSize = 56;

    public const int AadSize = 41;

    public static ReadOnlySpan<byte> Magic => "WSSTORE\0"u8;

    public static long PageCount(long length) => (length + PageSize - 1) / PageSize;

    public static long SlotOffset(long page, int slot) => HeaderSize + (page * PairSize) + (slot * SlotSize);

    public static long RecordOffset(int slot) => BlockSize * (1L + slot);

    public static void PageAad(
        Span<byte> aad, StoreFileKind kind, ReadOnlySpan<byte> storeId, long page, int slot, ulong counter)
    {
        "WSPAGE"u8.CopyTo(aad);
        aad[6] = unchecked((byte)FormatVersion);
        aad[7] = unchecked((byte)kind);
        storeId.CopyTo(aad[8..]);
        BinaryPrimitives.WriteInt64LittleEndian(aad[24..], page);
        aad[32] = unchecked((byte)slot);
        BinaryPrimitives.WriteUInt64LittleEndian(aad[33..], counter);
    }

    public static void RecordAad(
        Span<byte> aad, StoreFileKind kind, ReadOnlySpan<byte> storeId, int slot, ulong sequence, long length)
    {
        "WSCREC"u8.CopyTo(aad);
        aad[6] = unchecked((byte)FormatVersion);
        aad[7] = unchecked((byte)kind);
        storeId.CopyTo(aad[8..]);
        aad[24] = unchecked((byte)slot);
        BinaryPrimitives.WriteUInt64LittleEndian(aad[25..], sequence);
        BinaryPrimitives.WriteInt64LittleEndian(aad[33..], length);
    }
}

using System.Buffers.Binary;
using System.Security.Cryptography;

namespace WhistleSubmit.EncryptedStore.Paging;

/// <summary>
/// On-disk layout of an <see cref="EncryptedPageStream"/> file (format version 2):
/// <code>
/// [0, 4096)       header: magic "WSSTORE\0" | version u32 | kind u8 | 3 zero bytes | store id (16)
///                 | nonce (24) | tag (16)   — the tag, over the first 32 bytes, is the key check value
/// [4096, 8192)    commit record slot 0: seq u64 | logical length u64 | commit epoch u64 | next epoch u64
///                 | page-table digest (32) | peer sequence u64 | nonce (24) | tag (16)
/// [8192, 12288)   commit record slot 1
/// then per logical page p, two slots of 8,240 bytes: counter u64 | nonce (24), whose first 8 bytes are the
///                 write's epoch u64 | ciphertext (8192) | tag (16)
/// </code>
/// All integers little-endian. Every tag is XAES-256-GCM under the store generation's data key with a nonce that is
/// random but for a page's epoch prefix; the associated data binds the format version, the file kind, the store id,
/// and the page number, slot, counter and epoch (or the record's slot and fields). The page-table digest is the XOR,
/// over every page below the length, of HMAC-SHA256(digest key, page u64 | slot u8 | counter u64 | epoch u64), the
/// digest key being HMAC-SHA256(data key, "WhistleSubmit store page table v2" | kind u8 | store id). A log's peer
/// sequence is its data file's newest durable record sequence when the log record was written (0 in a data file).
/// Format 1 (read only to migrate it, <see cref="LegacyPageReader"/>) had the same offsets, random nonces and no epochs
/// or digest.
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

    public const int DigestSize = 32;
    public const int RecordFieldsSize = 72;
    public const int RecordNonceOffset = RecordFieldsSize;
    public const int RecordTagOffset = RecordNonceOffset + 24;
    public const int RecordSize = RecordTagOffset + 16;

    public const int AadSize = 49;
    public const int RecordAadSize = 25 + RecordFieldsSize;
    public const int DigestInputSize = 25;

    public static ReadOnlySpan<byte> Magic => "WSSTORE\0"u8;

    private static ReadOnlySpan<byte> DigestLabel => "WhistleSubmit store page table v2"u8;

    public static long PageCount(long length) => (length + PageSize - 1) / PageSize;

    public static long SlotOffset(long page, int slot) => HeaderSize + (page * PairSize) + (slot * SlotSize);

    public static long RecordOffset(int slot) => BlockSize * (1L + slot);

    public static void PageAad(
        Span<byte> aad, StoreFileKind kind, ReadOnlySpan<byte> storeId, long page, int slot, ulong counter, ulong epoch)
    {
        "WSPAGE"u8.CopyTo(aad);
        aad[6] = unchecked((byte)FormatVersion);
        aad[7] = unchecked((byte)kind);
        storeId.CopyTo(aad[8..]);
        BinaryPrimitives.WriteInt64LittleEndian(aad[24..], page);
        aad[32] = unchecked((byte)slot);
        BinaryPrimitives.WriteUInt64LittleEndian(aad[33..], counter);
        BinaryPrimitives.WriteUInt64LittleEndian(aad[41..], epoch);
    }

    public static void RecordAad(
        Span<byte> aad, StoreFileKind kind, ReadOnlySpan<byte> storeId, int slot, ReadOnlySpan<byte> fields)
    {
        "WSCREC"u8.CopyTo(aad);
        aad[6] = unchecked((byte)FormatVersion);
        aad[7] = unchecked((byte)kind);
        storeId.CopyTo(aad[8..]);
        aad[24] = unchecked((byte)slot);
        fields.CopyTo(aad[25..]);
    }

    public static void DigestInput(Span<byte> input, long page, int slot, ulong counter, ulong epoch)
    {
        BinaryPrimitives.WriteInt64LittleEndian(input, page);
        input[8] = unchecked((byte)slot);
        BinaryPrimitives.WriteUInt64LittleEndian(input[9..], counter);
        BinaryPrimitives.WriteUInt64LittleEndian(input[17..], epoch);
    }

    public static byte[] DigestKey(ReadOnlySpan<byte> dataKey, StoreFileKind kind, ReadOnlySpan<byte> storeId)
    {
        Span<byte> label = stackalloc byte[DigestLabel.Length + 1 + StoreIdSize];
        DigestLabel.CopyTo(label);
        label[DigestLabel.Length] = unchecked((byte)kind);
        storeId.CopyTo(label[(DigestLabel.Length + 1)..]);
        return HMACSHA256.HashData(dataKey, label);
    }
}

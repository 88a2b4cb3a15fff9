using System.Buffers.Binary;
using System.Security.Cryptography;
using WhistleSubmit.EncryptedStore.Crypto;

namespace WhistleSubmit.EncryptedStore;

/// <summary>
/// The store's data keys (docs/ARCHITECTURE.md#encryptedstore, crypto-erase): store.keys holds two 4,096-byte slots,
/// each empty (zeros) or one store generation's random data key, sealed with the caller's key and bound to that
/// generation's store id. Pages are encrypted under the data key, never under the caller's key. Compaction puts the
/// new generation's key in the free slot and, once the new files are in place, overwrites the old slot with zeros in
/// place and syncs: old store bytes left in freed disk blocks then decrypt with nothing that is still on disk.
/// Slots are written in place, never by rename: a rename would free the block holding the old key instead of
/// overwriting it.
/// <code>
/// slot: magic "WSDKEYS\0" | version u32 | slot u8 | 3 zero bytes | store id (16) | nonce (24) | sealed key (32) | tag (16)
/// </code>
/// </summary>
internal static class DataKeyFile
{
    public const string FileName = "store.keys";

    private const int SlotSize = 4096;
    private const uint Version = 1;
    private const int AuthenticatedSize = 32;
    private const int NonceOffset = 32;
    private const int KeyOffset = NonceOffset + XAes256Gcm.NonceSize;
    private const int TagOffset = KeyOffset + XAes256Gcm.KeySize;

    private static ReadOnlySpan<byte> Magic => "WSDKEYS\0"u8;

    /// <summary>A new store's key file: the first generation in slot 0, slot 1 empty. Replaces a leftover file.</summary>
    public static void Create(string directory, ReadOnlySpan<byte> key, ReadOnlySpan<byte> storeId, ReadOnlySpan<byte> dataKey)
    {
        var path = Path.Combine(directory, FileName);
        var temp = path + ".new";
        using (var file = OpenNew(temp))
        {
            file.Write(Seal(key, 0, storeId, dataKey));
            file.Write(new byte[SlotSize]);
            file.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
        DirectorySync.Flush(directory);
    }

    /// <summary>
    /// Returns the data key of the generation whose store id is given. Throws <see cref="StoreKeyException"/> when no
    /// slot opens with this key (wrong key, or both slots damaged), <see cref="StoreCorruptException"/> when the
    /// generation's key is not there (the file is missing or was replaced).
    /// </summary>
    public static byte[] Load(string directory, ReadOnlySpan<byte> key, ReadOnlySpan<byte> storeId)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            throw new StoreCorruptException("The store's key file is missing.");
        }

        var slots = ReadSlots(path, key, out var opened);
        try
        {
            foreach (var (id, dataKey) in slots)
            {
                if (id is not null && id.AsSpan().SequenceEqual(storeId))
                {
                    return dataKey!.ToArray();
                }
            }

            throw opened
                ? new StoreCorruptException("The store's key file holds no key for its current files.")
                : new StoreKeyException();
        }
        finally
        {
            Wipe(slots);
        }
    }

    /// <summary>
    /// Puts a new generation's key in the slot that does not hold <paramref name="liveStoreId"/>'s, in place, synced.
    /// </summary>
    public static void AddGeneration(
        string directory, ReadOnlySpan<byte> key, ReadOnlySpan<byte> liveStoreId, ReadOnlySpan<byte> storeId,
        ReadOnlySpan<byte> dataKey)
    {
        var path = Path.Combine(directory, FileName);
        var slots = ReadSlots(path, key, out _);
        var free = slots[0].Id is { } id0 && id0.AsSpan().SequenceEqual(liveStoreId) ? 1 : 0;
        Wipe(slots);
        WriteSlot(path, free, Seal(key, free, storeId, dataKey));
    }

    /// <summary>
    /// Crypto-erase: overwrites with zeros, in place and synced, every non-empty slot that is not
    /// <paramref name="liveStoreId"/>'s (an old generation, an unfinished compaction's, or a torn write).
    /// </summary>
    public static void EraseAllBut(string directory, ReadOnlySpan<byte> key, ReadOnlySpan<byte> liveStoreId)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            return;
        }

        var raw = File.ReadAllBytes(path);
        var slots = ReadSlots(path, key, out _);
        try
        {
            for (var slot = 0; slot < 2; slot++)
            {
                var live = slots[slot].Id is { } id && id.AsSpan().SequenceEqual(liveStoreId);
                var empty = raw.Length >= (slot + 1) * SlotSize
                    && !raw.AsSpan(slot * SlotSize, SlotSize).ContainsAnyExcept((byte)0);
                if (!live && !empty)
                {
                    WriteSlot(path, slot, new byte[SlotSize]);
                }
            }
        }
        finally
        {
            Wipe(slots);
        }
    }

    private static (byte[]? Id, byte[]? Key)[] ReadSlots(string path, ReadOnlySpan<byte> key, out bool opened)
    {
        var raw = File.ReadAllBytes(path);
        var result = new (byte[]? Id, byte[]? Key)[2];
        opened = false;
        using var aead = new XAes256Gcm(key);
        for (var slot = 0; slot < 2 && raw.Length >= (slot + 1) * SlotSize; slot++)
        {
            var bytes = raw.AsSpan(slot * SlotSize, SlotSize);
            if (!bytes[..8].SequenceEqual(Magic) || BinaryPrimitives.ReadUInt32LittleEndian(bytes[8..]) != Version
                || bytes[12] != slot)
            {
                continue;
            }

            var dataKey = new byte[XAes256Gcm.KeySize];
            if (aead.TryDecrypt(
                    bytes.Slice(NonceOffset, XAes256Gcm.NonceSize), bytes.Slice(KeyOffset, XAes256Gcm.KeySize),
                    bytes.Slice(TagOffset, XAes256Gcm.TagSize), dataKey, bytes[..AuthenticatedSize]))
            {
                opened = true;
                result[slot] = (bytes.Slice(16, 16).ToArray(), dataKey);
            }
        }

        CryptographicOperations.ZeroMemory(raw);
        return result;
    }

    private static byte[] Seal(ReadOnlySpan<byte> key, int slot, ReadOnlySpan<byte> storeId, ReadOnlySpan<byte> dataKey)
    {
        var bytes = new byte[SlotSize];
        Magic.CopyTo(bytes);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8), Version);
        bytes[12] = (byte)slot;
        storeId.CopyTo(bytes.AsSpan(16));
        var nonce = bytes.AsSpan(NonceOffset, XAes256Gcm.NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aead = new XAes256Gcm(key);
        aead.Encrypt(
            nonce, dataKey, bytes.AsSpan(KeyOffset, XAes256Gcm.KeySize), bytes.AsSpan(TagOffset, XAes256Gcm.TagSize),
            bytes.AsSpan(0, AuthenticatedSize));
        return bytes;
    }

    // In place: the same file, the same offset, then fsync.
    private static void WriteSlot(string path, int slot, byte[] bytes)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
        if (file.Length < 2 * SlotSize)
        {
            throw new StoreCorruptException("The store's key file is truncated.");
        }

        file.Position = (long)slot * SlotSize;
        file.Write(bytes);
        file.Flush(flushToDisk: true);
    }

    private static FileStream OpenNew(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, BufferSize = 0 };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return new FileStream(path, options);
    }

    private static void Wipe((byte[]? Id, byte[]? Key)[] slots)
    {
        foreach (var (_, dataKey) in slots)
        {
            if (dataKey is not null)
            {
                CryptographicOperations.ZeroMemory(dataKey);
            }
        }
    }
}

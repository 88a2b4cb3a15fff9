using WhistleSubmit.EncryptedStore.Crypto;
using WhistleSubmit.EncryptedStore.Paging;

namespace WhistleSubmit.EncryptedStore.Tests.Support;

/// <summary>
/// Decrypts every page slot of a store file, current and stale alike, so a test can look for plaintext that
/// should be gone: the raw file is ciphertext, so searching it alone could never find anything.
/// </summary>
internal static class SlotScanner
{
    /// <summary>True when any page slot of the file decrypts, under any of the keys, to bytes containing pattern.</summary>
    public static bool Contains(string path, IEnumerable<byte[]> keys, StoreFileKind kind, byte[] pattern) =>
        keys.Any(key => Contains(File.ReadAllBytes(path), key, kind, pattern));

    public static bool Contains(byte[] file, byte[] key, StoreFileKind kind, byte[] pattern) =>
        Scan(file, key, kind, plain => plain.AsSpan().IndexOf(pattern) >= 0) > 0;

    /// <summary>How many page slots of the file authenticate under any of the keys.</summary>
    public static int AuthenticSlots(byte[] file, IEnumerable<byte[]> keys, StoreFileKind kind) =>
        keys.Sum(key => Scan(file, key, kind, _ => true));

    // Counts the slots that authenticate and whose plaintext matches.
    private static int Scan(byte[] file, byte[] key, StoreFileKind kind, Func<byte[], bool> match)
    {
        var found = 0;
        if (file.Length < PageLayout.HeaderSize)
        {
            return 0;
        }

        var storeId = file.AsSpan(16, PageLayout.StoreIdSize);
        using var aead = new XAes256Gcm(key);
        var aad = new byte[PageLayout.AadSize];
        var plain = new byte[PageLayout.PageSize];
        for (long page = 0; PageLayout.SlotOffset(page, 0) < file.Length; page++)
        {
            for (int slot = 0; slot < 2; slot++)
            {
                long offset = PageLayout.SlotOffset(page, slot);
                if (offset + PageLayout.SlotSize > file.Length)
                {
                    continue;
                }

                var bytes = file.AsSpan(checked((int)offset), PageLayout.SlotSize);
                ulong counter = BitConverter.ToUInt64(bytes[..8]);
                ulong epoch = BitConverter.ToUInt64(bytes.Slice(PageLayout.NonceOffset, 8));
                PageLayout.PageAad(aad, kind, storeId, page, slot, counter, epoch);
                if (aead.TryDecrypt(
                        bytes.Slice(PageLayout.NonceOffset, XAes256Gcm.NonceSize),
                        bytes.Slice(PageLayout.CipherOffset, PageLayout.PageSize),
                        bytes.Slice(PageLayout.TagOffset, XAes256Gcm.TagSize), plain, aad)
                    && match(plain))
                {
                    found++;
                }
            }
        }

        return found;
    }
}

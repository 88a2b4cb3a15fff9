using WhistleSubmit.EncryptedStore.Crypto;
using WhistleSubmit.EncryptedStore.Paging;

namespace WhistleSubmit.EncryptedStore.Tests.Support;

/// <summary>
/// Decrypts every page slot of a store file, current and stale alike, so a test can look for plaintext that
/// should be gone: the raw file is ciphertext, so searching it alone could never find anything.
/// </summary>
internal static class SlotScanner
{
    public static bool Contains(string path, byte[] key, StoreFileKind kind, byte[] pattern)
    {
        byte[] file = File.ReadAllBytes(path);
        if (file.Length < PageLayout.HeaderSize)
        {
            return false;
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
                PageLayout.PageAad(aad, kind, storeId, page, slot, counter);
                if (aead.TryDecrypt(
                        bytes.Slice(PageLayout.NonceOffset, XAes256Gcm.NonceSize),
                        bytes.Slice(PageLayout.CipherOffset, PageLayout.PageSize),
                        bytes.Slice(PageLayout.TagOffset, XAes256Gcm.TagSize), plain, aad)
                    && plain.AsSpan().IndexOf(pattern) >= 0)
                {
                    return true;
                }
            }
        }

        return false;
    }
}

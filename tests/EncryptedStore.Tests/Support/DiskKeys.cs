using WhistleSubmit.EncryptedStore.Crypto;

namespace WhistleSubmit.EncryptedStore.Tests.Support;

/// <summary>
/// Every key a full disk image of a store directory yields to someone holding the caller's key (for the portal, the
/// Data Protection ring on the same disk): that key itself and each data key still sealed in store.keys, read here
/// independently of the store's code from the documented slot layout.
/// </summary>
internal static class DiskKeys
{
    private const int SlotSize = 4096;

    public static List<byte[]> All(string directory, byte[] callerKey)
    {
        var keys = new List<byte[]> { callerKey };
        var path = Path.Combine(directory, "store.keys");
        if (!File.Exists(path))
        {
            return keys;
        }

        var raw = File.ReadAllBytes(path);
        using var aead = new XAes256Gcm(callerKey);
        for (var offset = 0; offset + SlotSize <= raw.Length; offset += SlotSize)
        {
            var slot = raw.AsSpan(offset, SlotSize);
            var dataKey = new byte[32];
            if (aead.TryDecrypt(slot.Slice(32, 24), slot.Slice(56, 32), slot.Slice(88, 16), dataKey, slot[..32]))
            {
                keys.Add(dataKey);
            }
        }

        return keys;
    }
}

using System.Security.Cryptography;
using WhistleSubmit.EncryptedStore.Paging;

namespace WhistleSubmit.EncryptedStore.Tests.Paging;

/// <summary>Test helper: a page stream over a MemoryStream whose raw bytes can be taken, altered and reopened.</summary>
internal sealed class PageFile
{
    public static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);

    private PageFile(MemoryStream raw, EncryptedPageStream stream)
    {
        Raw = raw;
        Stream = stream;
    }

    public MemoryStream Raw { get; }

    public EncryptedPageStream Stream { get; }

    public static PageFile Create(StoreFileKind kind = StoreFileKind.Data, byte[]? storeId = null)
    {
        var raw = new MemoryStream();
        return new PageFile(raw, EncryptedPageStream.Create(raw, Key, kind, storeId));
    }

    public static EncryptedPageStream Open(
        byte[] bytes, StoreFileKind kind = StoreFileKind.Data, byte[]? key = null, byte[]? storeId = null) =>
        EncryptedPageStream.Open(new MemoryStream(bytes), key ?? Key, kind, storeId);

    /// <summary>The raw bytes as they are now (ToArray works on a disposed MemoryStream too).</summary>
    public byte[] Snapshot() => Raw.ToArray();

    public static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}

using System.Globalization;
using System.Text;
using WhistleSubmit.Crypto.Padding;

namespace WhistleSubmit.ReviewerConsole.Tests.Support;

/// <summary>Builds tar bytes by hand, so tests can make headers no well-behaved writer would (as in Crypto.Tests).</summary>
internal static class RawTar
{
    internal const int Block = 512;

    internal static byte[] Header(string name, long size, char type = '0', string magic = "ustar\0", string version = "00",
        string linkName = "", string prefix = "", string? sizeField = null)
    {
        byte[] h = new byte[Block];
        Put(h, 0, name);
        Put(h, 100, "0000644\0");
        Put(h, 108, "0000000\0");
        Put(h, 116, "0000000\0");
        Put(h, 124, sizeField ?? Convert.ToString(size, 8).PadLeft(11, '0') + "\0");
        Put(h, 136, "00000000000\0");
        h[156] = (byte)type;
        Put(h, 157, linkName);
        Put(h, 257, magic);
        Put(h, 263, version);
        Put(h, 345, prefix);
        SetChecksum(h);
        return h;
    }

    internal static void SetChecksum(byte[] h)
    {
        h.AsSpan(148, 8).Fill((byte)' ');
        int sum = h.Sum(b => b);
        Put(h, 148, Convert.ToString(sum, 8).PadLeft(6, '0') + "\0 ");
    }

    internal static byte[] Entry(string name, byte[] data, char type = '0', string magic = "ustar\0", string linkName = "", string prefix = "")
    {
        byte[] header = Header(name, data.Length, type, magic, linkName: linkName, prefix: prefix);
        return [.. header, .. data, .. new byte[PadTo(data.Length)]];
    }

    internal static byte[] Entry(string name, string text, char type = '0', string magic = "ustar\0") => Entry(name, Encoding.UTF8.GetBytes(text), type, magic);

    internal static int PadTo(long length) => (int)((Block - (length % Block)) % Block);

    internal static byte[] EndOfArchive() => new byte[2 * Block];

    /// <summary>Entries, the end-of-archive marker and zero padding to the PADMÉ length: a container's shape.</summary>
    internal static byte[] Container(params byte[][] entries)
    {
        byte[] tar = [.. entries.SelectMany(e => e), .. EndOfArchive()];
        return [.. tar, .. new byte[Padme.PaddedLength(tar.Length) - tar.Length]];
    }

    private static void Put(byte[] h, int offset, string s) => Encoding.UTF8.GetBytes(s).CopyTo(h, offset);

    internal static string Octal(long value) => Convert.ToString(value, 8).ToString(CultureInfo.InvariantCulture);
}

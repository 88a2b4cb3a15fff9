using System.Text;

namespace WhistleSubmit.Crypto.Age.AsciiArmor;

/// <summary>Spec "ASCII armor": strict PEM (RFC 7468 Figure 3) with label "AGE ENCRYPTED FILE".</summary>
internal static class ArmorFormat
{
    public const int ColumnsPerLine = 64;
    public const int BytesPerLine = ColumnsPerLine / 4 * 3;

    /// <summary>Whitespace tolerated before and after the PEM block, in bytes.</summary>
    public const int MaxOuterWhitespace = 1024;

    public static readonly byte[] BeginLine = Encoding.ASCII.GetBytes("-----BEGIN AGE ENCRYPTED FILE-----");
    public static readonly byte[] EndLine = Encoding.ASCII.GetBytes("-----END AGE ENCRYPTED FILE-----");

    private static readonly byte[] BinaryPrefix = Encoding.ASCII.GetBytes("age-encryption.org/");

    /// <summary>Bytes needed by <see cref="LooksBinary"/>.</summary>
    public static int SniffLength => BinaryPrefix.Length;

    /// <summary>
    /// Binary age files start with "age-encryption.org/"; anything else (leading whitespace, garbage, a PEM line)
    /// goes to the strict armor decoder, which then reports an armor failure rather than a header failure.
    /// An empty or shorter input that agrees with the prefix so far is treated as binary.
    /// </summary>
    public static bool LooksBinary(ReadOnlySpan<byte> start) =>
        BinaryPrefix.AsSpan(0, Math.Min(start.Length, BinaryPrefix.Length)).SequenceEqual(start);

    public static bool IsWhitespace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0x0B or 0x0C;
}

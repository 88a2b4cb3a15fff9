namespace WhistleSubmit.Crypto.Tests;

/// <summary>Hex helpers for published vectors, which wrap long values over several lines.</summary>
internal static class Hex
{
    public static byte[] Decode(string hex) => Convert.FromHexString(string.Concat(hex.Where(c => !char.IsWhiteSpace(c))));
}

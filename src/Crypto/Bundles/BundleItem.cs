using System.Security.Cryptography;

namespace WhistleSubmit.Crypto.Bundles;

/// <summary>One manifest entry; its data is the tar entry <c>items/&lt;id&gt;.age</c>.</summary>
public sealed record BundleItem
{
    /// <summary>32 lower-case hex digits (128 random bits).</summary>
    public required string Id { get; init; }

    /// <summary>The mailbox it belongs to: 64 lower-case hex digits (SHA-256 of the mailbox token).</summary>
    public required string MailboxId { get; init; }

    /// <summary>What it is.</summary>
    public required BundleItemKind Kind { get; init; }

    /// <summary>Size in bytes.</summary>
    public required long Size { get; init; }

    /// <summary>SHA-256 of the data, 64 lower-case hex digits.</summary>
    public required string Sha256 { get; init; }

    /// <summary>A fresh random item id.</summary>
    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>Whether <paramref name="id"/> is a well-formed item id (32 lower-case hex digits).</summary>
    public static bool IsValidId(string? id) => IsLowerHex(id, 32);

    /// <summary>Whether <paramref name="value"/> is a well-formed mailbox id or SHA-256 (64 lower-case hex digits).</summary>
    public static bool IsValidSha256Hex(string? value) => IsLowerHex(value, 64);

    /// <summary>Compares a computed SHA-256 with a manifest's hex digest in constant time, as for any MAC or tag.</summary>
    internal static bool HashMatches(ReadOnlySpan<byte> computed, string expectedHex)
    {
        byte[] expected = Convert.FromHexString(expectedHex);
        return CryptographicOperations.FixedTimeEquals(computed, expected);
    }

    private static bool IsLowerHex(string? s, int length) => s is not null && s.Length == length && s.All(c => char.IsAsciiHexDigitLower(c) || char.IsAsciiDigit(c));
}

using System.Security.Cryptography;
using System.Text;

namespace WhistleSubmit.Crypto.Age;

/// <summary>
/// A short, human-comparable fingerprint of an age recipient string, shown by the portal and the console so a source
/// can compare it with one published elsewhere. Definition: the first 32 hex digits (128 bits) of SHA-256 over the
/// recipient's ASCII text in lower case, in groups of four. The same value comes out of
/// <c>printf '%s' RECIPIENT | sha256sum | cut -c1-32</c>, so anyone can check it without our software.
/// </summary>
public static class RecipientFingerprint
{
    /// <summary>The number of hex digits kept: 128 bits is far beyond what a second-preimage search can reach.</summary>
    public const int HexDigits = 32;

    // A PQ recipient is about 1,960 characters; anything far longer is not a recipient.
    private const int MaxRecipientLength = 4096;

    /// <summary>Computes the fingerprint, for example <c>3f2a 9b10 …</c> (eight groups of four hex digits).</summary>
    /// <exception cref="ArgumentException">The recipient is empty, too long, or not printable ASCII.</exception>
    public static string Compute(string recipient)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(recipient);
        if (recipient.Length > MaxRecipientLength || !recipient.All(c => c is > ' ' and < '\u007f'))
        {
            throw new ArgumentException("A recipient is printable ASCII without spaces.", nameof(recipient));
        }

        // Bech32 is case-insensitive as a whole, so an all-upper-case copy must give the same fingerprint.
        byte[] hash = SHA256.HashData(Encoding.ASCII.GetBytes(recipient.ToLowerInvariant()));
        string hex = Convert.ToHexStringLower(hash.AsSpan(0, HexDigits / 2));
        return string.Join(' ', hex.Chunk(4).Select(group => new string(group)));
    }
}

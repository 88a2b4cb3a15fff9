namespace WhistleSubmit.Crypto.ProofOfWork;

/// <summary>
/// The client's answer: an unsigned 64-bit integer written in canonical decimal (no sign, no leading zeros, no
/// spaces), hashed as 8 bytes big-endian after the token bytes.
/// </summary>
public static class ProofOfWorkNonce
{
    /// <summary>The longest canonical nonce (<see cref="ulong.MaxValue"/> has 20 digits).</summary>
    public const int MaxLength = 20;

    /// <summary>Parses a canonical decimal nonce.</summary>
    /// <exception cref="ProofOfWorkException">The text is not a canonical decimal 64-bit unsigned integer.</exception>
    public static ulong Parse(string nonce) =>
        TryParse(nonce) ?? throw new ProofOfWorkException("The proof-of-work nonce is malformed.");

    /// <summary>Writes a nonce in canonical form.</summary>
    public static string Format(ulong nonce) => nonce.ToString(System.Globalization.CultureInfo.InvariantCulture);

    internal static ulong? TryParse(string? nonce)
    {
        if (string.IsNullOrEmpty(nonce) || nonce.Length > MaxLength || !nonce.All(char.IsAsciiDigit)
            || (nonce.Length > 1 && nonce[0] == '0'))
        {
            return null;
        }

        return ulong.TryParse(nonce, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out ulong value)
            ? value
            : null;
    }
}

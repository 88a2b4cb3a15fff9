using System.Security.Cryptography;
using System.Text;

namespace WhistleSubmit.Crypto.Codenames;

/// <summary>
/// A source's codename: 8 words from the EFF large wordlist, ≈ 103 bits (docs/FORMATS.md#codename-derivation).
/// </summary>
public static class Codename
{
    /// <summary>The number of words in a codename.</summary>
    public const int WordCount = 8;

    // Longest word is 9 letters: 8 × 9 + 7 separators = 79. The cap bounds work on hostile input long before scrypt.
    private const int MaxInputLength = 256;

    /// <summary>Generates a fresh codename from the CSPRNG (each word uniform and independent).</summary>
    public static string Generate()
    {
        IReadOnlyList<string> words = Wordlist.Words;
        var picked = new string[WordCount];
        for (int i = 0; i < WordCount; i++)
        {
            // GetInt32 rejects out-of-range samples, so there is no modulo bias.
            picked[i] = words[RandomNumberGenerator.GetInt32(Wordlist.Count)];
        }

        return string.Join(' ', picked);
    }

    /// <summary>
    /// Returns the canonical form (lower-case words joined by single spaces) of a codename typed by a source.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="codename"/> is null.</exception>
    /// <exception cref="FormatException">Not exactly 8 words from the list. The message never echoes the input.</exception>
    public static string Normalize(string codename)
    {
        if (TryNormalize(codename, out string? normalized))
        {
            return normalized;
        }

        throw new FormatException("That is not a valid codename.");
    }

    /// <summary>Like <see cref="Normalize"/>, but returns false instead of throwing on an invalid codename.</summary>
    public static bool TryNormalize(string codename, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? normalized)
    {
        ArgumentNullException.ThrowIfNull(codename);
        normalized = null;
        if (codename.Length > MaxInputLength)
        {
            return false;
        }

        // U+0085 is white space to .NET but not to JavaScript's \s: refuse it rather than split differently.
        if (codename.Contains('\u0085', StringComparison.Ordinal))
        {
            return false;
        }

        string[] words = codename.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length != WordCount)
        {
            return false;
        }

        for (int i = 0; i < words.Length; i++)
        {
            // ASCII only: Unicode lower-casing maps some non-ASCII letters onto list words (the Kelvin sign K to
            // "k"), where the browser's toLowerCase may not, so the two sides would derive different keys.
            if (!Ascii.IsValid(words[i]))
            {
                return false;
            }

            words[i] = words[i].ToLowerInvariant();
            if (!Wordlist.Contains(words[i]))
            {
                return false;
            }
        }

        normalized = string.Join(' ', words);
        return true;
    }
}

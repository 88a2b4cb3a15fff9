using System.Text;

namespace WhistleSubmit.ReviewerConsole.Cases;

/// <summary>
/// Near-duplicate detection over descriptions (report description, follow-up text). Two texts are near-duplicates when
/// the Jaccard similarity of their word 3-shingle sets is at least <see cref="NearThreshold"/>. Words are maximal runs
/// of letters and digits, lower-cased (invariant); a text of fewer than three words is one shingle. To avoid comparing
/// every pair in full, each item keeps a 64-value MinHash signature; only pairs whose estimated similarity reaches
/// <see cref="CandidateThreshold"/> are compared exactly (the estimate's standard error is about 0.06, so a real
/// 0.8 pair is missed with negligible probability).
/// </summary>
internal static class Similarity
{
    public const double NearThreshold = 0.8;
    public const double CandidateThreshold = 0.55;
    public const int SignatureLength = 64;

    private const int ShingleWords = 3;

    public static HashSet<ulong> Shingles(string text)
    {
        string[] words = [.. Words(text)];
        var shingles = new HashSet<ulong>();
        if (words.Length == 0)
        {
            return shingles;
        }

        if (words.Length < ShingleWords)
        {
            shingles.Add(Fnv1a(string.Join(' ', words)));
            return shingles;
        }

        for (int i = 0; i + ShingleWords <= words.Length; i++)
        {
            shingles.Add(Fnv1a(string.Join(' ', words, i, ShingleWords)));
        }

        return shingles;
    }

    public static double Jaccard(HashSet<ulong> a, HashSet<ulong> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        int common = a.Count < b.Count ? a.Count(b.Contains) : b.Count(a.Contains);
        return (double)common / (a.Count + b.Count - common);
    }

    /// <summary>The MinHash signature (64 × 32-bit minima, little-endian bytes); empty text gives all-ones.</summary>
    public static byte[] Signature(HashSet<ulong> shingles)
    {
        var minima = new uint[SignatureLength];
        Array.Fill(minima, uint.MaxValue);
        foreach (ulong shingle in shingles)
        {
            for (int i = 0; i < SignatureLength; i++)
            {
                uint h = unchecked((uint)(SplitMix64(shingle ^ ((ulong)(i + 1) * 0x9E3779B97F4A7C15UL)) >> 32));
                if (h < minima[i])
                {
                    minima[i] = h;
                }
            }
        }

        byte[] bytes = new byte[SignatureLength * 4];
        for (int i = 0; i < SignatureLength; i++)
        {
            BitConverter.TryWriteBytes(bytes.AsSpan(i * 4), minima[i]);
        }

        return bytes;
    }

    public static double Estimate(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        if (a.Length != SignatureLength * 4 || b.Length != a.Length)
        {
            return 0;
        }

        int equal = 0;
        for (int i = 0; i < SignatureLength; i++)
        {
            uint x = BitConverter.ToUInt32(a.Slice(i * 4, 4));
            if (x != uint.MaxValue && x == BitConverter.ToUInt32(b.Slice(i * 4, 4)))
            {
                equal++;
            }
        }

        return (double)equal / SignatureLength;
    }

    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (char c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(char.ToLowerInvariant(c));
            }
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return words;
    }

    private static ulong Fnv1a(string s)
    {
        ulong hash = 14695981039346656037UL;
        foreach (byte b in Encoding.UTF8.GetBytes(s))
        {
            hash = unchecked((hash ^ b) * 1099511628211UL);
        }

        return hash;
    }

    private static ulong SplitMix64(ulong x)
    {
        unchecked
        {
            x += 0x9E3779B97F4A7C15UL;
            x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
            x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
            return x ^ (x >> 31);
        }
    }
}

using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace WhistleSubmit.ReviewerConsole.Tests.Support;

/// <summary>
/// Looks for a planted string in bytes as anyone reading them might find it: raw UTF-8 in any letter case, after
/// decoding HTML entities (once and twice) and URL (percent) encoding, with tags stripped, as UTF-16 (LE and BE), as
/// base64 (standard and URL-safe, at each of the three alignments) and as hex.
/// </summary>
internal static partial class LeakScan
{
    /// <returns>How it was found, or null when it is in none of the forms.</returns>
    public static string? Find(byte[] bytes, string planted)
    {
        string text = Encoding.UTF8.GetString(bytes);
        string once = WebUtility.HtmlDecode(text);
        var views = new (string Name, string View)[]
        {
            ("raw", text),
            ("HTML-decoded", once),
            ("HTML-decoded twice", WebUtility.HtmlDecode(once)),
            ("tags stripped", WebUtility.HtmlDecode(Tags().Replace(text, string.Empty))),
            ("URL-decoded", Uri.UnescapeDataString(text.Replace('+', ' '))),
            ("URL-decoded HTML", Uri.UnescapeDataString(once.Replace('+', ' '))),
        };
        foreach ((string name, string view) in views)
        {
            if (view.Contains(planted, StringComparison.OrdinalIgnoreCase))
            {
                return name;
            }
        }

        byte[] utf8 = Encoding.UTF8.GetBytes(planted);
        foreach (string variant in new[] { planted, planted.ToUpperInvariant(), planted.ToLowerInvariant() })
        {
            if (Contains(bytes, Encoding.Unicode.GetBytes(variant)) || Contains(bytes, Encoding.BigEndianUnicode.GetBytes(variant)))
            {
                return "UTF-16";
            }
        }

        if (text.Contains(Convert.ToHexString(utf8), StringComparison.OrdinalIgnoreCase))
        {
            return "hex";
        }

        for (int shift = 0; shift < 3; shift++)
        {
            string encoded = Convert.ToBase64String([.. new byte[shift], .. utf8]);
            // Only the characters that depend on the planted bytes alone: drop the first 4 and the last 4.
            if (encoded.Length > 12)
            {
                string core = encoded[4..^4];
                if (text.Contains(core, StringComparison.Ordinal) || text.Contains(core.Replace('+', '-').Replace('/', '_'), StringComparison.Ordinal))
                {
                    return "base64";
                }
            }
        }

        return null;
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}

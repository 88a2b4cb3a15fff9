using System.Globalization;
using System.Text;

namespace WhistleSubmit.ReviewerConsole.Redaction;

/// <summary>
/// Finds a redacted string in a text the way a reader would recognise it, so a mark never misses a variant: case is
/// ignored (invariant upper case), accents on Latin letters (á, ñ, ü …) and combining marks are ignored, full-width
/// forms count as ASCII, and invisible format characters (zero-width spaces and joiners, bidirectional controls) are
/// skipped, so "Jose" finds "JOSÉ", "Jo\u200Bse" and "Ｊｏｓｅ". Matching more than asked is the safe side. The
/// console runs with invariant globalization (no ICU, so no Unicode normalization): the folding is done here.
/// </summary>
internal static class TextMatcher
{
    // Latin-1 letters with accents, upper case (the text is upper-cased first), and the letter each folds to.
    private const string Accented = "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝŸ";
    private const string Plain = "AAAAAACEEEEIIIINOOOOOOUUUUYY";

    /// <summary>Every occurrence of <paramref name="needle"/> in <paramref name="text"/>, as UTF-16 ranges, left to right.</summary>
    public static IReadOnlyList<Range> FindAll(string text, string needle)
    {
        (string foldedNeedle, _) = Fold(needle);
        if (foldedNeedle.Length == 0)
        {
            return [];
        }

        (string folded, int[] origin) = Fold(text);
        var found = new List<Range>();
        int from = 0;
        while (from <= folded.Length - foldedNeedle.Length)
        {
            int at = folded.IndexOf(foldedNeedle, from, StringComparison.Ordinal);
            if (at < 0)
            {
                break;
            }

            int last = at + foldedNeedle.Length - 1;
            found.Add(new Range(origin[at], End(text, origin[last])));
            from = at + 1;
        }

        return found;
    }

    public static bool Contains(string text, string needle) => FindAll(text, needle).Count > 0;

    /// <summary>The folded form of <paramref name="text"/>, and for each folded char the index of the char it came from.</summary>
    internal static (string Folded, int[] Origin) Fold(string text)
    {
        var folded = new StringBuilder(text.Length);
        var origin = new List<int>(text.Length);
        int index = 0;
        foreach (Rune r in text.EnumerateRunes())
        {
            UnicodeCategory category = Rune.GetUnicodeCategory(r);
            if (category is not (UnicodeCategory.Format or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark))
            {
                foreach (char c in FoldRune(r))
                {
                    folded.Append(c);
                    origin.Add(index);
                }
            }

            index += r.Utf16SequenceLength;
        }

        return (folded.ToString(), [.. origin]);
    }

    private static string FoldRune(Rune r)
    {
        // Full-width ASCII (U+FF01–U+FF5E) is ASCII shifted by 0xFEE0.
        if (r.Value is >= 0xFF01 and <= 0xFF5E)
        {
            r = new Rune(r.Value - 0xFEE0);
        }

        string upper = Rune.ToUpperInvariant(r).ToString();
        if (upper.Length == 1 && Accented.IndexOf(upper[0], StringComparison.Ordinal) is int i and >= 0)
        {
            return Plain[i].ToString();
        }

        return upper;
    }

    // The end (exclusive) of the rune starting at index, with the combining marks that follow it (they belong to it).
    private static int End(string text, int index)
    {
        int end = index + (char.IsHighSurrogate(text[index]) && index + 1 < text.Length ? 2 : 1);
        while (end < text.Length && Rune.DecodeFromUtf16(text.AsSpan(end), out Rune next, out int length) == System.Buffers.OperationStatus.Done
            && Rune.GetUnicodeCategory(next) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark)
        {
            end += length;
        }

        return end;
    }
}

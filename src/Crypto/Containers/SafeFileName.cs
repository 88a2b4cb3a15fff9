using System.Globalization;
using System.Text;

namespace WhistleSubmit.Crypto.Containers;

/// <summary>
/// The "safe basename" of an attachment entry <c>files/NNN-&lt;name&gt;</c> (docs/FORMATS.md#attachment-names).
/// A name is safe when it is 1–90 UTF-8 bytes (so the ustar name field of 100 bytes fits), contains no path
/// separator, none of <c>&lt;&gt;:"|?*</c>, no control, format, private-use, surrogate or line/paragraph separator
/// character, no space character other than U+0020, and neither starts nor ends with '.' or ' '. These rules are the
/// contract with the browser, which sanitises names itself: the reader checks them, not equality with our sanitiser.
/// </summary>
internal static class SafeFileName
{
    internal const string Prefix = "files/";

    /// <summary>100 bytes of ustar name minus "files/NNN-".</summary>
    internal const int MaxBytes = 100 - 10;

    internal const string Fallback = "file";

    private const int MaxExtensionBytes = 16;

    /// <summary>The entry name of attachment number <paramref name="number"/> (1-based).</summary>
    internal static string EntryName(int number, string safeName) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}{number:D3}-{safeName}");

    /// <summary>Reduces any original name to a safe one (never fails; falls back to "file").</summary>
    internal static string Sanitize(string original)
    {
        // Strip directories of either convention: the original may come from any OS.
        string name = original[(original.LastIndexOfAny(['/', '\\']) + 1)..];
        var kept = new StringBuilder(name.Length);
        foreach (Rune r in name.EnumerateRunes())
        {
            if (IsAllowed(r))
            {
                kept.Append(r.ToString());
            }
        }

        string cleaned = Trim(kept.ToString());
        cleaned = Trim(Truncate(cleaned));
        return cleaned.Length == 0 ? Fallback : cleaned;
    }

    /// <summary>Whether <paramref name="name"/> satisfies the rules above exactly.</summary>
    internal static bool IsSafe(string name)
    {
        if (name.Length == 0 || Encoding.UTF8.GetByteCount(name) > MaxBytes || Trim(name).Length != name.Length)
        {
            return false;
        }

        int runeChars = 0;
        foreach (Rune r in name.EnumerateRunes())
        {
            // EnumerateRunes turns a lone surrogate into U+FFFD; counting chars catches that substitution.
            if (!IsAllowed(r) || r == Rune.ReplacementChar && name[runeChars] != '\uFFFD')
            {
                return false;
            }

            runeChars += r.Utf16SequenceLength;
        }

        return true;
    }

    private static bool IsAllowed(Rune r)
    {
        if (r.Value is '/' or '\\' or '<' or '>' or ':' or '"' or '|' or '?' or '*')
        {
            return false;
        }

        return Rune.GetUnicodeCategory(r) switch
        {
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => false,
            UnicodeCategory.SpaceSeparator => r.Value == ' ',
            _ => true,
        };
    }

    private static string Trim(string s) => s.Trim('.', ' ');

    /// <summary>Cuts to <see cref="MaxBytes"/> on a rune boundary, keeping a short extension so the type stays visible.</summary>
    private static string Truncate(string s)
    {
        if (Encoding.UTF8.GetByteCount(s) <= MaxBytes)
        {
            return s;
        }

        int dot = s.LastIndexOf('.');
        string extension = dot > 0 && Encoding.UTF8.GetByteCount(s[dot..]) <= MaxExtensionBytes ? s[dot..] : string.Empty;
        string stem = extension.Length > 0 ? s[..dot] : s;
        int budget = MaxBytes - Encoding.UTF8.GetByteCount(extension);
        var result = new StringBuilder();
        int used = 0;
        foreach (Rune r in stem.EnumerateRunes())
        {
            if (used + r.Utf8SequenceLength > budget)
            {
                break;
            }

            result.Append(r.ToString());
            used += r.Utf8SequenceLength;
        }

        // Trim the stem before re-attaching the extension so "abc .pdf" style seams do not appear.
        return Trim(result.ToString()) + extension;
    }
}

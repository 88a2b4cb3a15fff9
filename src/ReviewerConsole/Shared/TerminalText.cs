using System.Globalization;
using System.Text;

namespace WhistleSubmit.ReviewerConsole.Shared;

/// <summary>
/// Makes untrusted text (anything a source wrote) safe to print on a terminal: control characters (C0, C1, DEL) and
/// invisible format characters (bidirectional overrides and the like) become U+FFFD or a space, so a report can never
/// send escape sequences to the reviewer's terminal or disguise what it says.
/// </summary>
internal static class TerminalText
{
    /// <summary>Multi-line text: newlines kept (CR dropped), tabs become spaces, everything else unsafe replaced.</summary>
    public static string Block(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (Rune r in text.EnumerateRunes())
        {
            if (r.Value == '\n')
            {
                result.Append('\n');
            }
            else if (r.Value == '\r')
            {
                continue;
            }
            else
            {
                AppendSafe(result, r);
            }
        }

        return result.ToString();
    }

    /// <summary>One line, at most <paramref name="maxLength"/> characters (with "…" when cut).</summary>
    public static string Line(string text, int maxLength)
    {
        var result = new StringBuilder();
        foreach (Rune r in text.EnumerateRunes())
        {
            if (r.Value is '\n' or '\r' or '\t')
            {
                if (result.Length > 0 && result[^1] != ' ')
                {
                    result.Append(' ');
                }

                continue;
            }

            AppendSafe(result, r);
        }

        string line = result.ToString().Trim();
        if (line.Length <= maxLength)
        {
            return line;
        }

        int cut = maxLength - 1;
        if (char.IsHighSurrogate(line[cut - 1]))
        {
            cut--;
        }

        return line[..cut].TrimEnd() + "…";
    }

    private static void AppendSafe(StringBuilder result, Rune r)
    {
        if (r.Value == '\t')
        {
            result.Append("    ");
            return;
        }

        UnicodeCategory category = Rune.GetUnicodeCategory(r);
        if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.OtherNotAssigned)
        {
            result.Append('\uFFFD');
            return;
        }

        result.Append(r.ToString());
    }
}

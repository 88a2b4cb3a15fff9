using System.Text;
using Terminal.Gui.Text;

namespace WhistleSubmit.ReviewerConsole.Tui;

/// <summary>
/// Wraps the case text to the view's width with a hanging indent: a line's continuation starts under its first word,
/// not at column 0 (issue 12 item 9: the TextView's own word wrap put a report's indented description back at the
/// margin, mixing it with the headings). Widths are terminal columns (wide characters count two).
/// </summary>
internal static class HangingWrap
{
    public static string Wrap(string text, int width)
    {
        if (width < 8)
        {
            return text;
        }

        var output = new StringBuilder(text.Length + (text.Length / width * 8));
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            WrapLine(output, lines[i], width);
            if (i < lines.Length - 1)
            {
                output.Append('\n');
            }
        }

        return output.ToString();
    }

    private static void WrapLine(StringBuilder output, string line, int width)
    {
        if (Columns(line) <= width)
        {
            output.Append(line);
            return;
        }

        string indent = line[..(line.Length - line.TrimStart(' ').Length)];
        // A deep indent would leave too little room: then continuation lines start at the margin.
        string hanging = indent.Length <= width / 2 ? indent : string.Empty;
        string rest = line[indent.Length..];
        string prefix = indent;
        while (true)
        {
            int room = width - prefix.Length;
            if (Columns(rest) <= room)
            {
                output.Append(prefix).Append(rest);
                return;
            }

            int cut = BreakAt(rest, room);
            output.Append(prefix).Append(rest[..cut].TrimEnd(' ')).Append('\n');
            rest = rest[cut..].TrimStart(' ');
            prefix = hanging;
        }
    }

    // The last space that keeps the piece within room columns, else a hard cut at room columns (never inside a rune).
    private static int BreakAt(string text, int room)
    {
        int columns = 0;
        int hard = 0;
        int lastSpace = -1;
        int index = 0;
        foreach (Rune rune in text.EnumerateRunes())
        {
            int w = Math.Max(0, rune.GetColumns());
            if (columns + w > room)
            {
                break;
            }

            columns += w;
            if (rune.Value == ' ')
            {
                lastSpace = index;
            }

            index += rune.Utf16SequenceLength;
            hard = index;
        }

        return lastSpace > 0 ? lastSpace + 1 : Math.Max(hard, 1);
    }

    private static int Columns(string text)
    {
        int columns = 0;
        foreach (Rune rune in text.EnumerateRunes())
        {
            columns += Math.Max(0, rune.GetColumns());
        }

        return columns;
    }
}

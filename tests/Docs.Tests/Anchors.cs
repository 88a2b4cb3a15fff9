using System.Text;
using System.Text.RegularExpressions;

namespace WhistleSubmit.Docs.Tests;

/// <summary>
/// Heading anchors as GitHub makes them: the heading's text lower-cased, every character but letters, digits, '-', '_'
/// and spaces dropped, each space turned into '-'; a repeated anchor gets "-1", "-2" and so on.
/// </summary>
internal static partial class Anchors
{
    /// <summary>The anchor of one heading's text.</summary>
    public static string For(string heading)
    {
        // What GitHub renders: a link's text, code without its backticks.
        string text = LinkPattern().Replace(heading, "$1").Replace("`", string.Empty, StringComparison.Ordinal);
        var anchor = new StringBuilder(text.Length);
        foreach (char c in text.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '_')
            {
                anchor.Append(c);
            }
            else if (c == ' ')
            {
                anchor.Append('-');
            }
        }

        return anchor.ToString();
    }

    /// <summary>Every anchor a Markdown document defines (ATX headings outside fenced code blocks).</summary>
    public static IReadOnlySet<string> In(string markdown)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string line in Markdown.LinesOutsideCode(markdown))
        {
            Match heading = HeadingPattern().Match(line);
            if (!heading.Success)
            {
                continue;
            }

            string anchor = For(heading.Groups["text"].Value);
            int count = seen.GetValueOrDefault(anchor);
            seen[anchor] = count + 1;
            anchors.Add(count == 0 ? anchor : $"{anchor}-{count}");
        }

        return anchors;
    }

    [GeneratedRegex(@"^ {0,3}#{1,6}[ \t]+(?<text>.*?)(?:[ \t]+#+)?[ \t]*$")]
    private static partial Regex HeadingPattern();

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex LinkPattern();
}

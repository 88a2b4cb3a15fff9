using System.Text.RegularExpressions;

namespace WhistleSubmit.Docs.Tests;

/// <summary>Just enough Markdown: lines outside fenced code blocks, and the targets of inline links.</summary>
internal static partial class Markdown
{
    public static IEnumerable<string> LinesOutsideCode(string markdown)
    {
        string? fence = null;
        foreach (string line in markdown.Split('\n'))
        {
            string trimmed = line.TrimStart();
            if (fence is null && (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal)))
            {
                fence = trimmed[..3];
                continue;
            }

            if (fence is not null)
            {
                if (trimmed.StartsWith(fence, StringComparison.Ordinal))
                {
                    fence = null;
                }

                continue;
            }

            yield return line.TrimEnd('\r');
        }
    }

    /// <summary>The targets of <c>[text](target)</c> links outside code (fenced blocks and inline code spans).</summary>
    public static IEnumerable<string> LinkTargets(string markdown)
    {
        foreach (string line in LinesOutsideCode(markdown))
        {
            string prose = CodeSpanPattern().Replace(line, string.Empty);
            foreach (Match link in LinkPattern().Matches(prose))
            {
                yield return link.Groups["target"].Value;
            }
        }
    }

    [GeneratedRegex(@"`[^`]*`")]
    private static partial Regex CodeSpanPattern();

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex LinkPattern();
}

using System.Text;

namespace WhistleSubmit.Portal.Features.Rights;

/// <summary>
/// Reads the rights page's text format (deploy/README.md, section 5c): UTF-8 lines; <c># </c> the title (once, first),
/// <c>## </c> a section heading, <c>- </c> a list item, any other line a paragraph, blank lines ignored. Nothing else is
/// markup, and anything that looks like HTML is refused rather than passed on: the operator learns at startup that
/// the page shows text as written, and the page never depends on escaping alone.
/// </summary>
public static class RightsTextParser
{
    /// <summary>Largest file, in bytes.</summary>
    public const int MaxBytes = 32 * 1024;

    /// <summary>Most lines, blank ones included.</summary>
    public const int MaxLines = 400;

    /// <summary>Longest line, in UTF-16 code units.</summary>
    public const int MaxLineLength = 2_000;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static RightsText Parse(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > MaxBytes)
        {
            throw new RightsTextException(0, $"the file is larger than {MaxBytes / 1024} KiB.");
        }

        if (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new RightsTextException(0, "the file is not valid UTF-8.");
        }

        string[] lines = text.Split('\n');
        if (lines.Length > MaxLines)
        {
            throw new RightsTextException(0, $"the file has more than {MaxLines} lines.");
        }

        return new Builder().Read(lines);
    }

    /// <summary>Why a line's characters are refused, or null.</summary>
    private static string? Refusal(string line)
    {
        if (line.Length > MaxLineLength)
        {
            return $"the line is longer than {MaxLineLength:N0} characters.";
        }

        foreach (char c in line)
        {
            if (c is '<' or '>')
            {
                return "'<' and '>' are not allowed: HTML is not supported, the page shows text exactly as written.";
            }

            // Bidirectional embeddings, overrides and isolates can make text read differently from what it says; line
            // and paragraph separators would break lines where the format sees none.
            if (char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u2028' or '\u2029')
            {
                return "the line holds a control or text-direction character (tabs included).";
            }
        }

        return null;
    }

    private sealed class Builder
    {
        private readonly List<RightsBlock> intro = [];
        private readonly List<RightsSection> sections = [];
        private string? title;
        private string? heading;
        private List<RightsBlock> blocks = [];
        private List<string>? list;
        private int headingLine;

        public RightsText Read(string[] lines)
        {
            for (int i = 0; i < lines.Length; i++)
            {
                int n = i + 1;
                string line = lines[i].EndsWith('\r') ? lines[i][..^1] : lines[i];
                if (Refusal(line) is { } reason)
                {
                    throw new RightsTextException(n, reason);
                }

                string trimmed = line.Trim();
                if (trimmed.Length == 0)
                {
                    list = null;
                    continue;
                }

                if (title is null)
                {
                    title = trimmed.StartsWith("# ", StringComparison.Ordinal) ? Content(trimmed, 2, n)
                        : throw new RightsTextException(n, "the first line must be the title, written '# Title'.");
                    continue;
                }

                if (trimmed.StartsWith("## ", StringComparison.Ordinal))
                {
                    CloseSection();
                    heading = Content(trimmed, 3, n);
                    headingLine = n;
                    continue;
                }

                if (trimmed.StartsWith('#'))
                {
                    throw new RightsTextException(n, "only the first line may be a title ('# '); sections start with '## '.");
                }

                if (trimmed.StartsWith("- ", StringComparison.Ordinal))
                {
                    if (list is null)
                    {
                        list = [];
                        Current.Add(new RightsBlock(list, IsList: true));
                    }

                    list.Add(Content(trimmed, 2, n));
                    continue;
                }

                list = null;
                Current.Add(new RightsBlock([trimmed], IsList: false));
            }

            if (title is null)
            {
                throw new RightsTextException(0, "the file is empty: it needs a '# ' title and at least one '## ' section.");
            }

            CloseSection();
            return sections.Count > 0 ? new RightsText(title, intro, sections)
                : throw new RightsTextException(0, "the text needs at least one section ('## Heading').");
        }

        private List<RightsBlock> Current => heading is null ? intro : blocks;

        private void CloseSection()
        {
            list = null;
            if (heading is null)
            {
                return;
            }

            if (blocks.Count == 0)
            {
                throw new RightsTextException(headingLine, "a section heading needs text after it.");
            }

            sections.Add(new RightsSection(heading, blocks));
            blocks = [];
        }

        private static string Content(string trimmed, int marker, int n)
        {
            string content = trimmed[marker..].Trim();
            return content.Length > 0 ? content : throw new RightsTextException(n, "a title, heading or list item needs text.");
        }
    }
}

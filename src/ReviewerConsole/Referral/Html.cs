using System.Text;
using WhistleSubmit.ReviewerConsole.Shared;

namespace WhistleSubmit.ReviewerConsole.Referral;

/// <summary>
/// Text for the referral packet's HTML. Everything a source or reviewer wrote is attacker-controlled: it is first made
/// visible (control, bidirectional and other invisible format characters become U+FFFD, as on the terminal, so text
/// cannot reorder or hide itself), then encoded so that it can only ever be element text or a quoted attribute value.
/// </summary>
internal static class Html
{
    /// <summary>Multi-line text (newlines kept; the stylesheet shows them with pre-wrap).</summary>
    public static string Block(string text) => Encode(TerminalText.Block(text));

    /// <summary>One line, cut at <paramref name="maxLength"/> characters.</summary>
    public static string Line(string text, int maxLength = 2000) => Encode(TerminalText.Line(text, maxLength));

    /// <summary>The five characters that matter in element text and quoted attributes, as entities.</summary>
    public static string Encode(string text)
    {
        var result = new StringBuilder(text.Length + 16);
        foreach (char c in text)
        {
            result.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }

        return result.ToString();
    }
}

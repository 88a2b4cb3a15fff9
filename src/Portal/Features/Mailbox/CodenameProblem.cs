using System.Globalization;
using WhistleSubmit.Crypto.Codenames;
using WhistleSubmit.Portal.Localization;

namespace WhistleSubmit.Portal.Features.Mailbox;

/// <summary>
/// Why a typed codename is not one, in the source's language: the number of words, or the first word not in the list.
/// The same checks and words as the browser's codenameProblem (ClientApp/src/codename-generate.js). Never the whole
/// codename: only the one unknown word, which the source typed and needs to find.
/// </summary>
internal static class CodenameProblem
{
    private const int MaxShownLength = 20;

    public static string Explain(string typed, MailboxText text)
    {
        string[] words = typed.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length != Codename.WordCount)
        {
            return string.Format(CultureInfo.InvariantCulture, text.WrongWordCount, words.Length);
        }

        string? unknown = words.FirstOrDefault(w => !IsListWord(w));
        if (unknown is null)
        {
            // Eight list words that still do not normalise (a character JavaScript would split differently).
            return text.NotFound;
        }

        string shown = unknown.ToLowerInvariant();
        return string.Format(CultureInfo.InvariantCulture, text.UnknownWord, shown.Length > MaxShownLength ? shown[..MaxShownLength] + "…" : shown);
    }

    // The list itself is internal to Crypto; a word is in it exactly when eight of it make a valid codename.
    private static bool IsListWord(string word) =>
        word.Length <= MaxShownLength && Codename.TryNormalize(string.Join(' ', Enumerable.Repeat(word, Codename.WordCount)), out _);
}

using System.Collections.Frozen;

namespace WhistleSubmit.Crypto.Codenames;

/// <summary>
/// The EFF large wordlist (7,776 words; © 2016 Electronic Frontier Foundation, CC BY 3.0 US, see NOTICE.md here),
/// loaded once from the embedded resource and checked, so a damaged build fails loudly instead of weakening codenames.
/// </summary>
internal static class Wordlist
{
    internal const int Count = 7776;

    private const string ResourceName = "WhistleSubmit.Crypto.Codenames.eff_large_wordlist.txt";

    private static readonly Lazy<(string[] Words, FrozenSet<string> Set)> Loaded = new(Load);

    internal static IReadOnlyList<string> Words => Loaded.Value.Words;

    internal static bool Contains(string word) => Loaded.Value.Set.Contains(word);

    private static (string[] Words, FrozenSet<string> Set) Load()
    {
        using Stream stream = typeof(Wordlist).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("The codename wordlist resource is missing.");
        using var reader = new StreamReader(stream, System.Text.Encoding.ASCII);
        string[] words = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        FrozenSet<string> set = words.ToFrozenSet(StringComparer.Ordinal);
        if (words.Length != Count || set.Count != Count || !words.All(IsPlainWord))
        {
            throw new InvalidOperationException("The codename wordlist resource is damaged.");
        }

        return (words, set);
    }

    private static bool IsPlainWord(string w) => w.Length > 0 && w.All(c => c is (>= 'a' and <= 'z') or '-');
}

using System.Collections.Frozen;
using WhistleSubmit.Portal.Configuration;
using WhistleSubmit.Portal.Localization;

namespace WhistleSubmit.Portal.Features.Rights;

/// <summary>
/// The rights page's text per language: the operator's <c>rights.LANG.txt</c> in the data directory where there is one
/// (reviewed by counsel, deploy/README.md), otherwise the built-in text (<c>rights-LANG.txt</c> next to this file,
/// embedded). Read once at startup; a file that breaks the format stops the portal before it listens.
/// </summary>
public sealed class RightsTexts
{
    private readonly FrozenDictionary<string, RightsText> texts;

    private RightsTexts(FrozenDictionary<string, RightsText> texts, IReadOnlyList<string> fromOperator)
    {
        this.texts = texts;
        FromOperator = fromOperator;
    }

    /// <summary>The languages whose text came from the operator's file.</summary>
    public IReadOnlyList<string> FromOperator { get; }

    public RightsText For(PortalText language)
    {
        ArgumentNullException.ThrowIfNull(language);
        return texts[language.Code];
    }

    /// <summary>The operator's file name for a language, in the data directory.</summary>
    public static string FileName(string code) => $"rights.{code}.txt";

    /// <summary>The built-in text of a language, as its file bytes (also the template operators start from).</summary>
    public static byte[] BuiltIn(string code)
    {
        using var stream = typeof(RightsTexts).Assembly.GetManifestResourceStream($"rights-{code}.txt")
            ?? throw new InvalidOperationException($"No built-in rights text for '{code}'.");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }

    public static RightsTexts Load(PortalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string directory = options.DataDirectoryFullPath;
        RefuseUnknownLanguages(directory);

        var texts = new Dictionary<string, RightsText>(StringComparer.Ordinal);
        var fromOperator = new List<string>();
        foreach (var language in Languages.All)
        {
            string path = Path.Combine(directory, FileName(language.Code));
            byte[]? own = ReadBounded(path);
            try
            {
                texts[language.Code] = RightsTextParser.Parse(own ?? BuiltIn(language.Code));
            }
            catch (RightsTextException e) when (own is not null)
            {
                throw new PortalStartupException(
                    $"{FileName(language.Code)} in the data directory is not a valid rights text: {e.Message}",
                    "correct it (deploy/README.md, \"Rights page\", describes the format) or remove it to serve the built-in text.");
            }

            if (own is not null)
            {
                fromOperator.Add(language.Code);
            }
        }

        return new RightsTexts(texts.ToFrozenDictionary(StringComparer.Ordinal), fromOperator);
    }

    // A rights.fr.txt or rights.EN.txt would otherwise be ignored without a word while the operator believes it is served.
    private static void RefuseUnknownLanguages(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return;
        }

        foreach (string path in Directory.EnumerateFiles(directory, "rights*.txt"))
        {
            string name = Path.GetFileName(path);
            if (!Languages.All.Any(l => name == FileName(l.Code)))
            {
                throw new PortalStartupException(
                    $"{name} in the data directory is not a rights text the portal knows.",
                    $"the rights page reads {string.Join(" and ", Languages.All.Select(l => FileName(l.Code)))} (lower case); rename or remove {name}.");
            }
        }
    }

    // Reads at most one byte past the limit, so a huge file costs nothing and is still refused by the parser.
    private static byte[]? ReadBounded(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.None);
        var buffer = new byte[RightsTextParser.MaxBytes + 1];
        int total = 0;
        int read;
        while (total < buffer.Length && (read = file.Read(buffer, total, buffer.Length - total)) > 0)
        {
            total += read;
        }

        return buffer[..total];
    }
}

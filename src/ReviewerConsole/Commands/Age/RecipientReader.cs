using WhistleSubmit.Crypto.Age;
using WhistleSubmit.ReviewerConsole.Shared;

namespace WhistleSubmit.ReviewerConsole.Commands.Age;

/// <summary>Parses -r strings and -R files into recipients. Errors name the position or file, never the text.</summary>
internal static class RecipientReader
{
    public static List<IRecipient> Read(IReadOnlyList<string> recipientStrings, IReadOnlyList<string> recipientFiles)
    {
        var recipients = new List<IRecipient>();
        for (int i = 0; i < recipientStrings.Count; i++)
        {
            recipients.Add(ParseOne(recipientStrings[i], i + 1));
        }

        foreach (string path in recipientFiles)
        {
            recipients.AddRange(ParseFile(path));
        }

        return recipients;
    }

    /// <summary>
    /// Refuses sets whose labels differ: a file encrypted to a post-quantum and a classic key is only as strong as
    /// the classic one, and a passphrase must be the file's only protection (spec: scrypt stanza must be alone).
    /// </summary>
    public static void EnsureCompatible(IReadOnlyList<IRecipient> recipients)
    {
        IReadOnlySet<string> first = recipients[0].Labels;
        if (recipients.Skip(1).Any(recipient => !recipient.Labels.SetEquals(first)))
        {
            throw new CliException(
                "post-quantum (age1pq1…) and classic (age1…) recipients can't be mixed in one file",
                "a file encrypted to both is only as safe as the classic key; use only age1pq1… keys, or only age1… keys");
        }
    }

    private static IRecipient ParseOne(string text, int position)
    {
        try
        {
            return AgeKeys.ParseRecipient(text.Trim());
        }
        catch (FormatException ex)
        {
            throw new CliException($"recipient #{position} (given with -r) is not a valid age public key", HintFor(text), ex);
        }
    }

    private static IReadOnlyList<IRecipient> ParseFile(string path)
    {
        byte[] bytes = InputSource.ReadAll(path, "recipients file");
        try
        {
            using var reader = new StringReader(System.Text.Encoding.UTF8.GetString(bytes));
            return AgeKeys.ParseRecipientsFile(reader);
        }
        catch (FormatException ex)
        {
            // The parser's message names the line number only, never the line: safe to show.
            throw new CliException(
                $"recipients file \"{path}\" is not a valid age recipients file ({ErrorReporter.Detail(ex)})",
                "a recipients file holds one age1… public key per line, plus empty lines and # comments", ex);
        }
    }

    private static string HintFor(string text)
    {
        if (text.TrimStart().StartsWith("AGE-SECRET-KEY-", StringComparison.OrdinalIgnoreCase))
        {
            return "that is a secret key: encrypt to its public key (the \"# public key:\" line of the key file) and keep the secret key private";
        }

        return File.Exists(text)
            ? "to read recipients from a file, use -R/--recipients-file"
            : "public keys look like age1… (or age1pq1… for post-quantum keys)";
    }
}

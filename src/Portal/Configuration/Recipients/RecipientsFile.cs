using WhistleSubmit.Crypto.Age;

namespace WhistleSubmit.Portal.Configuration.Recipients;

/// <summary>
/// Reads recipients.txt: one <c>age1pq1…</c> recipient per line, blank lines and <c>#</c> comments ignored, so the same
/// file works with <c>age -R</c>. A comment line directly above a recipient names it (shown next to its fingerprint).
/// </summary>
public static class RecipientsFile
{
    // Generous for any realistic team (a PQ recipient is ~2 KB): reading stops long before memory matters.
    private const int MaxLines = 1000;
    private const int MaxLineLength = 4096;

    /// <exception cref="PortalStartupException">A line is not a recipient this portal accepts.</exception>
    public static IReadOnlyList<ReviewerKey> Parse(TextReader reader, string fileName)
    {
        var keys = new List<ReviewerKey>();
        string? pendingName = null;
        int lineNumber = 0;
        while (reader.ReadLine() is { } raw)
        {
            lineNumber++;
            if (lineNumber > MaxLines || raw.Length > MaxLineLength)
            {
                throw Invalid(fileName, lineNumber, "is too long");
            }

            string line = raw.Trim();
            if (line.Length == 0)
            {
                pendingName = null;
            }
            else if (line.StartsWith('#'))
            {
                pendingName = line[1..].Trim() is { Length: > 0 } name ? name : null;
            }
            else
            {
                keys.Add(new ReviewerKey(pendingName, line, ParseRecipient(line, fileName, lineNumber)));
                pendingName = null;
            }
        }

        if (keys.Select(k => k.Recipient).Distinct(StringComparer.Ordinal).Count() != keys.Count)
        {
            throw new PortalStartupException($"{fileName} lists the same recipient twice.", "Remove the duplicate line.");
        }

        return keys;
    }

    private static IRecipient ParseRecipient(string line, string fileName, int lineNumber)
    {
        // Reviewers' keys are post-quantum (docs/FORMATS.md#age-encryption): reports must stay secret for decades. Accepting only one kind
        // also guarantees that one file never mixes PQ and classic recipients.
        try
        {
            return MlKem768X25519Recipient.Parse(line);
        }
        catch (FormatException)
        {
            throw Invalid(fileName, lineNumber, "is not a post-quantum age recipient (age1pq1…)");
        }
    }

    // The line's text is never repeated: a mistake might have put a secret key there.
    private static PortalStartupException Invalid(string fileName, int lineNumber, string problem) =>
        new($"{fileName} line {lineNumber} {problem}.",
            "Put one reviewer public key per line (age1pq1…), optionally with a '# name' comment line above it.");
}

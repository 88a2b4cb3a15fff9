namespace WhistleSubmit.Crypto.Age;

/// <summary>
/// Parses age key text by its prefix (spec "Native recipient types"). Errors are <see cref="FormatException"/>s
/// with generic messages that never repeat the key.
/// </summary>
public static class AgeKeys
{
    private const int MaxKeyFileLines = 10_000;

    /// <summary>Parses one recipient (<c>age1…</c>, <c>age1pq1…</c>).</summary>
    public static IRecipient ParseRecipient(string recipient)
    {
        ArgumentNullException.ThrowIfNull(recipient);

        // Post-quantum merge point (coordinator): replace this throw with MlKem768X25519Recipient.Parse(recipient).
        if (recipient.StartsWith("age1pq1", StringComparison.Ordinal))
        {
            throw new FormatException("post-quantum keys are not supported yet");
        }

        if (recipient.StartsWith("age1", StringComparison.Ordinal))
        {
            return X25519Recipient.Parse(recipient);
        }

        throw new FormatException("The text is not a recognised age recipient.");
    }

    /// <summary>Parses one identity (<c>AGE-SECRET-KEY-1…</c>, <c>AGE-SECRET-KEY-PQ-1…</c>).</summary>
    public static IIdentity ParseIdentity(string identity)
    {
        ArgumentNullException.ThrowIfNull(identity);

        // Post-quantum merge point (coordinator): replace this throw with MlKem768X25519Identity.Parse(identity).
        if (identity.StartsWith("AGE-SECRET-KEY-PQ-1", StringComparison.Ordinal))
        {
            throw new FormatException("post-quantum keys are not supported yet");
        }

        if (identity.StartsWith("AGE-SECRET-KEY-1", StringComparison.Ordinal))
        {
            return X25519Identity.Parse(identity);
        }

        throw new FormatException("The text is not a recognised age identity.");
    }

    /// <summary>One recipient per line; <c>#</c> comments and blank lines are skipped; at least one is required.</summary>
    public static IReadOnlyList<IRecipient> ParseRecipientsFile(TextReader reader) => ParseFile(reader, ParseRecipient, "recipient");

    /// <summary>One identity per line; <c>#</c> comments and blank lines are skipped; at least one is required.</summary>
    public static IReadOnlyList<IIdentity> ParseIdentitiesFile(TextReader reader) => ParseFile(reader, ParseIdentity, "identity");

    private static List<T> ParseFile<T>(TextReader reader, Func<string, T> parse, string what)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(reader);
        var keys = new List<T>();
        int lineNumber = 0;
        try
        {
            while (reader.ReadLine() is { } line)
            {
                if (++lineNumber > MaxKeyFileLines)
                {
                    throw new FormatException($"The {what} file has too many lines.");
                }

                string trimmed = line.Trim();
                if (trimmed.Length == 0 || trimmed.StartsWith('#'))
                {
                    continue;
                }

                try
                {
                    keys.Add(parse(trimmed));
                }
                catch (FormatException e)
                {
                    // The line number helps the user; the line itself may be a secret and is never echoed.
                    throw new FormatException($"Malformed {what} at line {lineNumber}.", e);
                }
            }

            if (keys.Count == 0)
            {
                throw new FormatException($"No {what} found.");
            }

            return keys;
        }
        catch
        {
            foreach (IDisposable d in keys.OfType<IDisposable>())
            {
                d.Dispose();
            }

            throw;
        }
    }
}

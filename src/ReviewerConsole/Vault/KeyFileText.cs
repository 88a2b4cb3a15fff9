namespace WhistleSubmit.ReviewerConsole.Vault;

/// <summary>
/// Reads the decrypted text of a vault key file (keys/NAME.age, team.age: "# …" comment lines and one key line) as
/// bytes, so the secret never becomes a .NET string, which could not be wiped (issue 14).
/// </summary>
internal static class KeyFileText
{
    /// <summary>The one line that is neither empty nor a comment (without its line end), or null if there is not exactly one.</summary>
    public static Range? SingleKeyLine(ReadOnlySpan<byte> text)
    {
        Range? found = null;
        int start = 0;
        while (start < text.Length)
        {
            int end = text[start..].IndexOf((byte)'\n') is var at and >= 0 ? start + at : text.Length;
            int trimmed = end > start && text[end - 1] == (byte)'\r' ? end - 1 : end;
            if (trimmed > start && text[start] != (byte)'#')
            {
                if (found is not null)
                {
                    return null;
                }

                found = start..trimmed;
            }

            start = end + 1;
        }

        return found;
    }
}

using System.Text;

namespace WhistleSubmit.ReviewerConsole.Shared;

/// <summary>
/// Reads passphrases: from the file named by <see cref="FileVariable"/> when it is set (scripts, tests, and later
/// the vault's <c>init</c>), otherwise from the terminal with echo off: standard input when it is the terminal,
/// else /dev/tty. Never from a pipe: standard input then carries data.
/// </summary>
internal static class PassphrasePrompt
{
    public const string FileVariable = "WHISTLE_REVIEW_PASSPHRASE_FILE";

    /// <summary>Asks once, for decrypting.</summary>
    public static string Read(string prompt)
    {
        string passphrase = FromFile() ?? FromTerminal(prompt);
        return RequireNonEmpty(passphrase);
    }

    /// <summary>Asks twice on a terminal, for encrypting: a typo here would lock the file forever.</summary>
    /// <param name="check">Throws if the passphrase is unacceptable; run before the confirmation is asked for.</param>
    public static string ReadNew(Action<string>? check = null)
    {
        if (FromFile() is { } fromFile)
        {
            string given = RequireNonEmpty(fromFile);
            check?.Invoke(given);
            return given;
        }

        string first = RequireNonEmpty(FromTerminal("Enter passphrase:"));
        check?.Invoke(first);
        string second = FromTerminal("Confirm passphrase:");
        if (!string.Equals(first, second, StringComparison.Ordinal))
        {
            throw new CliException("the passphrases didn't match", "run the command again and type the same passphrase twice");
        }

        return first;
    }

    private static string? FromFile()
    {
        string? path = Environment.GetEnvironmentVariable(FileVariable);
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        try
        {
            using var reader = new StreamReader(path, Encoding.UTF8);
            // The first line only, without its line ending, so files written by `echo` work.
            return reader.ReadLine() ?? string.Empty;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"can't read the passphrase file named by {FileVariable}", $"check that \"{path}\" exists and is readable", ex);
        }
    }

    private static string FromTerminal(string prompt)
    {
        // Console.ReadKey reads standard input; when that is a file or pipe it holds the data, not keystrokes,
        // so ask on the controlling terminal instead, as age does.
        if (Console.IsInputRedirected)
        {
            return ControllingTerminal.TryReadSecret(prompt) ?? throw new CliException(
                "a passphrase is needed, but there is no terminal to type it on",
                $"set {FileVariable} to the path of a file whose first line is the passphrase");
        }

        Console.Error.Write(prompt + " ");
        var typed = new StringBuilder();
        while (true)
        {
            // intercept: true keeps the characters off the screen (echo off).
            ConsoleKeyInfo key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                break;
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (typed.Length > 0)
                {
                    typed.Length--;
                }
            }
            else if (key.KeyChar == '\u0004' && typed.Length == 0)
            {
                Console.Error.WriteLine();
                throw new CliException("no passphrase was entered");
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }

        Console.Error.WriteLine();
        return typed.ToString();
    }

    private static string RequireNonEmpty(string passphrase) =>
        passphrase.Length > 0
            ? passphrase
            : throw new CliException("the passphrase is empty", "an empty passphrase would protect nothing; choose a long one");
}

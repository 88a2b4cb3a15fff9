using System.Security.Cryptography;
using System.Text;
using System.Text.Unicode;

namespace WhistleSubmit.ReviewerConsole.Shared;

/// <summary>
/// Reads passphrases: from the file named by <see cref="FileVariable"/> when it is set (scripts, tests, and later
/// the vault's <c>init</c>), otherwise from the terminal with echo off: standard input when it is the terminal,
/// else /dev/tty. Never from a pipe: standard input then carries data. The passphrase is returned as UTF-8 bytes
/// that the caller zeroes when done, and never becomes a managed string here (a string cannot be wiped; see
/// SECURITY.md, "Secrets in the console's memory").
/// </summary>
internal static class PassphrasePrompt
{
    public const string FileVariable = "WHISTLE_REVIEW_PASSPHRASE_FILE";

    /// <summary>Longer lines are refused, so a wrong file named by mistake is not read whole into memory.</summary>
    private const int MaxLength = 4096;

    /// <summary>Asks once, for decrypting. The caller zeroes the result.</summary>
    public static byte[] Read(string prompt) => Read(prompt, FileVariable);

    /// <summary>Asks once, from the file named by <paramref name="fileVariable"/> if set, else the terminal. The caller zeroes the result.</summary>
    public static byte[] Read(string prompt, string fileVariable)
    {
        byte[] passphrase = FromFile(fileVariable) ?? FromTerminal(prompt);
        return RequireNonEmpty(passphrase);
    }

    /// <summary>Asks twice on a terminal, for encrypting: a typo here would lock the file forever. The caller zeroes the result.</summary>
    /// <param name="check">Throws if the passphrase is unacceptable; run before the confirmation is asked for.</param>
    public static byte[] ReadNew(Action<byte[]>? check = null)
    {
        if (FromFile(FileVariable) is { } fromFile)
        {
            byte[] given = RequireNonEmpty(fromFile);
            RunCheck(check, given);
            return given;
        }

        byte[] first = RequireNonEmpty(FromTerminal("Enter passphrase:"));
        RunCheck(check, first);
        byte[] second = FromTerminal("Confirm passphrase:");
        try
        {
            if (!CryptographicOperations.FixedTimeEquals(first, second))
            {
                CryptographicOperations.ZeroMemory(first);
                throw new CliException("the passphrases didn't match", "run the command again and type the same passphrase twice");
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(second);
        }

        return first;
    }

    /// <summary>The number of characters (UTF-16 code units, as string.Length counts) in UTF-8 passphrase bytes.</summary>
    public static int CharacterCount(ReadOnlySpan<byte> passphrase) => Encoding.UTF8.GetCharCount(passphrase);

    private static void RunCheck(Action<byte[]>? check, byte[] passphrase)
    {
        try
        {
            check?.Invoke(passphrase);
        }
        catch
        {
            CryptographicOperations.ZeroMemory(passphrase);
            throw;
        }
    }

    private static byte[]? FromFile(string fileVariable)
    {
        string? path = Environment.GetEnvironmentVariable(fileVariable);
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        byte[] buffer = new byte[MaxLength + 4];
        try
        {
            int read;
            using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1))
            {
                read = file.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            }

            // The first line only, without its line ending (\n, \r\n or \r, as StreamReader.ReadLine), so files
            // written by `echo` work; a UTF-8 byte-order mark is skipped.
            Span<byte> text = buffer.AsSpan(0, read);
            if (text.StartsWith("\uFEFF"u8))
            {
                text = text[3..];
            }

            int end = text.IndexOfAny((byte)'\n', (byte)'\r');
            if (end < 0 ? read == buffer.Length : end > MaxLength)
            {
                throw new CliException($"the passphrase file named by {fileVariable} has a first line over {MaxLength} bytes");
            }

            return Validated(end < 0 ? text : text[..end]);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"can't read the passphrase file named by {fileVariable}", $"check that \"{path}\" exists and is readable", ex);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer);
        }
    }

    private static byte[] FromTerminal(string prompt)
    {
        // Console.ReadKey reads standard input; when that is a file or pipe it holds the data, not keystrokes,
        // so ask on the controlling terminal instead, as age does.
        if (Console.IsInputRedirected)
        {
            byte[] line = ControllingTerminal.TryReadSecret(prompt) ?? throw new CliException(
                "a passphrase is needed, but there is no terminal to type it on",
                $"set {FileVariable} to the path of a file whose first line is the passphrase");
            try
            {
                return Validated(line);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(line);
            }
        }

        Console.Error.Write(prompt + " ");
        char[] typed = new char[MaxLength];
        int length = 0;
        try
        {
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
                    length = Math.Max(0, length - 1);
                }
                else if (key.KeyChar == '\u0004' && length == 0)
                {
                    Console.Error.WriteLine();
                    throw new CliException("no passphrase was entered");
                }
                else if (!char.IsControl(key.KeyChar) && length < typed.Length)
                {
                    typed[length++] = key.KeyChar;
                }
            }

            Console.Error.WriteLine();
            byte[] bytes = new byte[Encoding.UTF8.GetByteCount(typed.AsSpan(0, length))];
            Encoding.UTF8.GetBytes(typed.AsSpan(0, length), bytes);
            return bytes;
        }
        finally
        {
            Array.Clear(typed);
        }
    }

    // The bytes must be UTF-8 (as the string path required implicitly): the same passphrase must give the same key
    // on every machine and in plain age.
    private static byte[] Validated(ReadOnlySpan<byte> line)
    {
        if (!Utf8.IsValid(line))
        {
            throw new CliException("the passphrase is not valid UTF-8 text");
        }

        return line.ToArray();
    }

    private static byte[] RequireNonEmpty(byte[] passphrase) =>
        passphrase.Length > 0
            ? passphrase
            : throw new CliException("the passphrase is empty", "an empty passphrase would protect nothing; choose a long one");
}

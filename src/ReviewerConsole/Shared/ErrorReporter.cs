using System.Text.RegularExpressions;
using WhistleSubmit.Crypto.Age;
using WhistleSubmit.EncryptedStore;

namespace WhistleSubmit.ReviewerConsole.Shared;

/// <summary>
/// Turns exceptions into age-style <c>error:</c>/<c>hint:</c> lines on stderr and the exit code. Like age, the age
/// verbs exit 1 on every failure; the vault verbs also use 2 (wrong passphrase) and 3 (the vault or its audit log
/// failed an integrity check), so scripts can tell "try again" from "call someone". The wording never includes key
/// material, plaintext or bytes of the input.
/// </summary>
internal static partial class ErrorReporter
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int WrongPassphrase = 2;
    public const int IntegrityFailure = 3;
    public const string ProgramName = "whistle-review";

    /// <summary>Runs one verb, mapping any exception to a message and exit code 1.</summary>
    public static int Run(Action verb)
    {
        try
        {
            verb();
            return Success;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            var (message, hint) = Describe(ex);
            Error(message, hint);
            return ex switch
            {
                CliException cli => cli.ExitCode,
                StoreCorruptException or StoreKeyException => IntegrityFailure,
                _ => Failure,
            };
        }
    }

    public const string VaultDamaged = "the vault has been modified or is damaged";
    public const string VaultDamagedHint = "nothing was read from the damaged part; restore the vault directory from a backup";

    public static void Error(string message, string? hint = null)
    {
        Console.Error.WriteLine($"{ProgramName}: error: {Redact(message)}");
        if (hint is not null)
        {
            Console.Error.WriteLine($"{ProgramName}: hint: {Redact(hint)}");
        }
    }

    public static void Warning(string message) => Console.Error.WriteLine($"{ProgramName}: warning: {message}");

    internal static (string Message, string? Hint) Describe(Exception ex) => ex switch
    {
        CliException cli => (cli.Message, cli.Hint),
        // A page that fails authentication can surface on any read, not only when the vault is opened.
        StoreCorruptException or StoreKeyException => (VaultDamaged, VaultDamagedHint),
        StoreLockedException => ("the vault is in use by another whistle-review process", "finish or close the other one first"),
        AgeException age => DescribeAge(age),
        // Key parsers promise generic messages; we still add none of the offending text ourselves.
        FormatException => ("invalid key text", "age keys look like age1… (public) or AGE-SECRET-KEY-1… (secret)"),
        FileNotFoundException notFound => ($"no such file: \"{notFound.FileName}\"", null),
        DirectoryNotFoundException => ("a directory in the given path does not exist", null),
        UnauthorizedAccessException => ("permission denied while opening a file", null),
        IOException io => ($"input/output failed: {io.Message}", null),
        // Encrypt refuses recipient sets whose labels differ; RecipientReader checks first, this is the backstop.
        ArgumentException => ("these recipients can't be used together in one file", null),
        _ => ($"unexpected internal failure ({ex.GetType().Name})", "please report this to the WhistleSubmit maintainers"),
    };

    private static (string, string?) DescribeAge(AgeException ex) => ex.Kind switch
    {
        AgeErrorKind.NoMatch => ("no identity matched any of the file's recipients",
            "check that you used the key file this file was encrypted to"),
        AgeErrorKind.Header => ("the input is not a valid age file, or its header is damaged", null),
        AgeErrorKind.Hmac => ("the file's header failed authentication: it was damaged or modified", null),
        AgeErrorKind.Payload => ("the file's contents failed authentication: it was truncated, damaged or modified",
            "nothing decrypted from it should be trusted"),
        AgeErrorKind.Armor => ("the input looks like ASCII-armored age, but the armor is invalid", null),
        _ => ("the input could not be decrypted", null),
    };

    /// <summary>A library message as a lower-case clause, for "… (detail)". Only for messages known to be generic.</summary>
    public static string Detail(Exception ex)
    {
        string message = ex.Message.TrimEnd('.');
        return message.Length == 0 ? message : char.ToLowerInvariant(message[0]) + message[1..];
    }

    // Defence in depth: a secret key pasted in the wrong place must not end up in a terminal scrollback or log.
    internal static string Redact(string text) => SecretKeyPattern().Replace(text, "AGE-SECRET-KEY-…");

    [GeneratedRegex("AGE-SECRET-KEY-[A-Z0-9-]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretKeyPattern();
}

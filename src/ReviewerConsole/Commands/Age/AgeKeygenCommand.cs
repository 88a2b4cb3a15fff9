using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using WhistleSubmit.Crypto.Age;
using WhistleSubmit.ReviewerConsole.Shared;

namespace WhistleSubmit.ReviewerConsole.Commands.Age;

/// <summary><c>whistle-review age keygen [--pq] [-o FILE]</c>: like age-keygen.</summary>
internal static class AgeKeygenCommand
{
    public static Command Create()
    {
        var pq = new Option<bool>("--pq")
        {
            Description = "Create a post-quantum key (age1pq1…), protected also against future quantum computers. "
                + "Recommended for new keys; older age tools (before 1.3) can't use it.",
        };
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Write the key to FILE (readable only by you; an existing file is never overwritten) "
                + "instead of printing it.",
            HelpName = "FILE",
        };

        var command = new Command("keygen", """
            Create a new key pair for receiving encrypted files.

            The output holds the SECRET key (AGE-SECRET-KEY-…): keep it on this machine, never send it by
            e-mail or chat. Give others only the public key, shown on the "# public key:" line (age1…).
            When the key goes to a file or pipe, the public key is also printed on the error output.

            Exit status: 0 on success, 1 on any error.
            """)
        {
            pq,
            output,
        };
        command.SetAction(parse => ErrorReporter.Run(() => Execute(parse.GetValue(pq), parse.GetValue(output))));
        return command;
    }

    private static void Execute(bool postQuantum, string? outputPath)
    {
        // Fail before generating anything; Commit(overwrite: false) closes the race with another writer.
        if (!OutputTarget.IsStandardOutput(outputPath) && File.Exists(outputPath))
        {
            throw new CliException($"output file \"{outputPath}\" already exists", "keygen never overwrites a key file; choose another name or remove it first");
        }

        (string publicKey, string secretKey) = postQuantum ? GeneratePostQuantum() : GenerateClassic();
        string keyFile = $"# created: {Rfc3339(DateTimeOffset.Now)}\n# public key: {publicKey}\n{secretKey}\n";

        using (OutputTarget target = OutputTarget.Open(outputPath, ownerOnly: true))
        {
            byte[] bytes = Encoding.UTF8.GetBytes(keyFile);
            target.Stream.Write(bytes);
            CryptographicOperations.ZeroMemory(bytes);
            target.Commit(overwrite: false);
        }

        // As age-keygen: a terminal already shows the public key; a file or pipe doesn't.
        if (!OutputTarget.IsStandardOutput(outputPath) || Console.IsOutputRedirected)
        {
            Console.Error.WriteLine($"Public key: {publicKey}");
        }
    }

    private static (string, string) GenerateClassic()
    {
        using X25519Identity identity = X25519Identity.Generate();
        return (identity.Recipient.ToString(), identity.ExportSecretKey());
    }

    private static (string, string) GeneratePostQuantum()
    {
        using MlKem768X25519Identity identity = MlKem768X25519Identity.Generate();
        return (identity.Recipient.ToString(), identity.ExportSecretKey());
    }

    // Go's time.RFC3339 layout: seconds precision, "Z" for UTC, otherwise "+hh:mm".
    internal static string Rfc3339(DateTimeOffset time) =>
        time.Offset == TimeSpan.Zero
            ? time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : time.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}

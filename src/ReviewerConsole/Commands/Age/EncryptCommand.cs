using System.CommandLine;
using WhistleSubmit.Crypto.Age;
using WhistleSubmit.ReviewerConsole.Shared;

namespace WhistleSubmit.ReviewerConsole.Commands.Age;

/// <summary><c>whistle-review age encrypt (-r R | -R FILE)… [-p] [-a] [-o OUT] [IN]</c>: like <c>age -e</c>.</summary>
internal static class EncryptCommand
{
    /// <summary>age's default scrypt work factor (2^18): about a second per attempt on a laptop.</summary>
    private const int ScryptWorkFactor = 18;

    public static Command Create()
    {
        var recipients = new Option<string[]>("--recipient", "-r")
        {
            Description = "Encrypt to this public key (age1… or age1pq1…). Repeat to let several people open the file.",
            HelpName = "RECIPIENT",
        };
        var recipientFiles = new Option<string[]>("--recipients-file", "-R")
        {
            Description = "Encrypt to every public key listed in FILE (one per line, # for comments). Can be repeated.",
            HelpName = "FILE",
        };
        var passphrase = new Option<bool>("--passphrase", "-p")
        {
            Description = "Protect the file with a passphrase instead of keys (typed twice, not shown). "
                + $"Scripts can name a file holding it in ${PassphrasePrompt.FileVariable}.",
        };
        var armor = new Option<bool>("--armor", "-a")
        {
            Description = "Write text (\"-----BEGIN AGE ENCRYPTED FILE-----\") instead of binary, e.g. to paste into a message.",
        };
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Write the encrypted file to OUT (replacing it only once encryption succeeded). "
                + "Default: standard output. \"-o -\" forces binary output to a terminal.",
            HelpName = "OUT",
        };
        var input = new Argument<string?>("IN")
        {
            Description = "The file to encrypt. Default (or \"-\"): standard input.",
            Arity = ArgumentArity.ZeroOrOne,
        };

        var command = new Command("encrypt", """
            Encrypt a file so that only the holders of the given keys (or of the passphrase) can read it.

            Examples:
              whistle-review age encrypt -r age1… -o report.pdf.age report.pdf
              whistle-review age encrypt -R team-keys.txt -a < notes.txt > notes.txt.age
              whistle-review age encrypt -p -o archive.zip.age archive.zip

            Post-quantum (age1pq1…) and classic (age1…) keys can't be mixed in one file.
            Exit status: 0 on success, 1 on any error.
            """)
        {
            recipients,
            recipientFiles,
            passphrase,
            armor,
            output,
            input,
        };
        command.SetAction(parse => ErrorReporter.Run(() => Execute(new Request(
            parse.GetValue(recipients) ?? [],
            parse.GetValue(recipientFiles) ?? [],
            parse.GetValue(passphrase),
            parse.GetValue(armor),
            parse.GetValue(output),
            parse.GetValue(input)))));
        return command;
    }

    private static void Execute(Request request)
    {
        Validate(request);
        List<IRecipient> recipients = request.Passphrase ? [] : RecipientReader.Read(request.Recipients, request.RecipientFiles);
        try
        {
            if (!request.Passphrase)
            {
                RecipientReader.EnsureCompatible(recipients);
            }

            using Stream input = InputSource.Open(request.Input);
            if (request.Passphrase)
            {
                // Asked only after the input opened, so a mistyped file name doesn't cost two passphrase entries.
                byte[] passphrase = PassphrasePrompt.ReadNew();
                try
                {
                    recipients.Add(new ScryptRecipient(passphrase, ScryptWorkFactor));
                }
                finally
                {
                    System.Security.Cryptography.CryptographicOperations.ZeroMemory(passphrase);
                }
            }

            using OutputTarget target = OutputTarget.Open(request.Output, ownerOnly: false);
            Stream encryptor = AgeEncryption.Encrypt(target.Stream, recipients, request.Armor, leaveOpen: true);
            input.CopyTo(encryptor, CopyBuffer.Size);

            // Dispose seals the final chunk, so it must run only after the whole input was read: sealing after a
            // failed read would put a valid file of the truncated plaintext on standard output (age exits instead).
            encryptor.Dispose();
            target.Commit();
        }
        finally
        {
            // The scrypt recipient holds the passphrase; release it as soon as we are done.
            foreach (IDisposable disposable in recipients.OfType<IDisposable>())
            {
                disposable.Dispose();
            }
        }
    }

    private static void Validate(Request request)
    {
        bool hasKeys = request.Recipients.Count > 0 || request.RecipientFiles.Count > 0;
        if (request.Passphrase && hasKeys)
        {
            throw new CliException(
                "-p/--passphrase can't be combined with -r/--recipient or -R/--recipients-file",
                "a passphrase-protected file can have no other recipients; encrypt twice if you need both");
        }

        if (!request.Passphrase && !hasKeys)
        {
            throw new CliException("missing recipients", "did you forget to specify -r/--recipient, -R/--recipients-file or -p/--passphrase?");
        }

        if (InputSource.IsStandardInput(request.Input) && request.RecipientFiles.Contains("-"))
        {
            throw new CliException("standard input can't be both a recipients file and the file to encrypt", "give the file to encrypt as an argument");
        }

        // Binary on a terminal garbles it and can send escape sequences; age refuses too. "-o -" overrides.
        if (request.Output is null && !request.Armor && !Console.IsOutputRedirected)
        {
            throw new CliException(
                "refusing to write binary encrypted output to the terminal",
                "did you mean to use -a/--armor? To do it anyway, use \"-o -\"");
        }
    }

    private sealed record Request(
        IReadOnlyList<string> Recipients,
        IReadOnlyList<string> RecipientFiles,
        bool Passphrase,
        bool Armor,
        string? Output,
        string? Input);
}

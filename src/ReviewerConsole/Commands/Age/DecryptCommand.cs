using System.CommandLine;
using WhistleSubmit.Crypto.Age;
using WhistleSubmit.ReviewerConsole.Shared;

namespace WhistleSubmit.ReviewerConsole.Commands.Age;

/// <summary><c>whistle-review age decrypt [-i IDENTITY_FILE]… [-o OUT] [IN]</c>: like <c>age -d</c>.</summary>
internal static class DecryptCommand
{
    public static Command Create()
    {
        var identityFiles = new Option<string[]>("--identity", "-i")
        {
            Description = "Your key file (as written by 'whistle-review age keygen'; it may hold several keys, and may itself be "
                + "passphrase-protected). Can be repeated. Omit it for a passphrase-protected file: you'll be asked.",
            HelpName = "IDENTITY_FILE",
        };
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Write the decrypted file to OUT, readable only by you. It appears only once the whole file "
                + "was decrypted and verified. Default: standard output.",
            HelpName = "OUT",
        };
        var input = new Argument<string?>("IN")
        {
            Description = "The encrypted file, binary or armored. Default (or \"-\"): standard input.",
            Arity = ArgumentArity.ZeroOrOne,
        };

        var command = new Command("decrypt", """
            Decrypt a file encrypted to one of your keys, or with a passphrase.

            Examples:
              whistle-review age decrypt -i my-key.txt -o report.pdf report.pdf.age
              whistle-review age decrypt archive.zip.age > archive.zip      (asks for the passphrase)

            A file that was changed or damaged after encryption is rejected with an error. With -o
            nothing is written at all; without -o, discard anything printed before the error.
            Exit status: 0 on success, 1 on any error.
            """)
        {
            identityFiles,
            output,
            input,
        };
        command.SetAction(parse => ErrorReporter.Run(() => Execute(
            parse.GetValue(identityFiles) ?? [], parse.GetValue(output), parse.GetValue(input))));
        return command;
    }

    private static void Execute(IReadOnlyList<string> identityFiles, string? outputPath, string? inputPath)
    {
        if (InputSource.IsStandardInput(inputPath) && identityFiles.Contains("-"))
        {
            throw new CliException("standard input can't be both an identity file and the file to decrypt", "give the encrypted file as an argument");
        }

        var identities = new List<IIdentity>();
        try
        {
            foreach (string path in identityFiles)
            {
                identities.AddRange(IdentityFileReader.Read(path));
            }

            Decrypt(identities, outputPath, inputPath);
        }
        finally
        {
            foreach (IDisposable disposable in identities.OfType<IDisposable>())
            {
                disposable.Dispose();
            }
        }
    }

    private static void Decrypt(List<IIdentity> keys, string? outputPath, string? inputPath)
    {
        // Without -i the file must be passphrase-protected; with -i, the recorder only explains a mismatch.
        var prompt = keys.Count == 0 ? new PassphrasePromptIdentity("Enter passphrase:") : null;
        var recorder = new StanzaTypeRecorder();
        IReadOnlyList<IIdentity> identities = prompt is null ? [.. keys, recorder] : [prompt];

        using Stream input = InputSource.Open(inputPath);
        Stream plaintext;
        try
        {
            // The header is read and authenticated here, before any output exists.
            plaintext = AgeEncryption.Decrypt(input, identities, leaveOpen: true);
        }
        catch (AgeException ex) when (ex.Kind == AgeErrorKind.NoMatch)
        {
            throw Explain(prompt, recorder, ex);
        }

        using (plaintext)
        using (OutputTarget target = OutputTarget.Open(outputPath, ownerOnly: true))
        {
            plaintext.CopyTo(target.Stream, CopyBuffer.Size);
            target.Commit();
        }
    }

    private static CliException Explain(PassphrasePromptIdentity? prompt, StanzaTypeRecorder recorder, AgeException ex)
    {
        if (prompt is not null)
        {
            return prompt.Prompted
                ? new CliException("incorrect passphrase", null, ex)
                : new CliException("the file is encrypted to keys, not protected with a passphrase",
                    "did you forget to specify -i/--identity?", ex);
        }

        return recorder.SawScrypt
            ? new CliException("the file is protected with a passphrase, not encrypted to a key",
                "run the command again without -i/--identity to be asked for the passphrase", ex)
            : new CliException("no identity matched any of the file's recipients",
                "the file was encrypted to other keys; check that you gave the right -i/--identity file", ex);
    }
}

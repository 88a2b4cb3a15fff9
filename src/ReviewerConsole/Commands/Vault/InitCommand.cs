using System.Security.Cryptography;
using System.CommandLine;
using WhistleSubmit.ReviewerConsole.Shared;
using WhistleSubmit.ReviewerConsole.Vault;

namespace WhistleSubmit.ReviewerConsole.Commands.Vault;

/// <summary><c>whistle-review init [--kdf-memory MIB]</c>: creates the vault.</summary>
internal static class InitCommand
{
    public static Command Create()
    {
        var memory = new Option<int>("--kdf-memory")
        {
            Description = $"Memory for deriving the key from the passphrase (Argon2id), in MiB. Default {KdfParameters.DefaultMemoryMiB}; "
                + $"at least {KdfParameters.MinMemoryMiB}. More memory makes guessing the passphrase slower.",
            HelpName = "MIB",
            DefaultValueFactory = _ => KdfParameters.DefaultMemoryMiB,
        };
        var command = new Command("init", $"""
            Create a new, empty vault (the encrypted place where reports, notes and keys are kept).

            You are asked for a passphrase twice (at least {VaultService.MinPassphraseLength} characters). It cannot be
            recovered: without it, nothing in the vault can be read. Scripts can name a file holding it in
            ${PassphrasePrompt.FileVariable}. Next step: 'whistle-review keygen --name NAME'.
            """)
        {
            memory,
        };
        command.SetAction(parse => ErrorReporter.Run(() =>
        {
            string root = VaultOptions.Root(parse);
            string actor = VaultOptions.Actor(parse);
            if (File.Exists(new VaultPaths(Path.GetFullPath(root)).VaultFile))
            {
                // Checked before the prompt too, so nobody types a new passphrase for nothing.
                throw new CliException($"a vault already exists in \"{Path.GetFullPath(root)}\"", "nothing was changed; use --data DIR to create another one elsewhere");
            }

            // Checked before the confirmation, so a too-short passphrase is not typed twice for nothing.
            byte[] passphrase = PassphrasePrompt.ReadNew(VaultService.CheckPassphrase);
            try
            {
                VaultService.Create(root, passphrase, parse.GetValue(memory), actor, TimeProvider.System);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(passphrase);
            }

            Console.Out.WriteLine($"Created a vault in {Path.GetFullPath(root)}");
            Console.Out.WriteLine($"Next: create your key with '{VaultOptions.Program(parse)} keygen --name NAME'.");
        }));
        return command;
    }
}

using System.CommandLine;
using System.Security.Cryptography;
using WhistleSubmit.ReviewerConsole.Audit;
using WhistleSubmit.ReviewerConsole.Shared;
using WhistleSubmit.ReviewerConsole.Vault;
using WhistleSubmit.ReviewerConsole.Vault.Sharing;

namespace WhistleSubmit.ReviewerConsole.Commands.Vault;

/// <summary>
/// <c>whistle-review holders [passphrase NAME]</c> and <c>whistle-review emergency-passphrase</c>: the holders of a
/// shared vault (docs/CONSOLE.md#shared-vault).
/// </summary>
internal static class HoldersCommand
{
    public static Command Create()
    {
        var command = new Command("holders", """
            List the holders of a shared vault's shares and how many must join to open it. Reads only vault.json:
            no passphrase is asked.
            """)
        {
            Passphrase(),
        };
        command.SetAction(parse => ErrorReporter.Run(() =>
        {
            SharedVaultFile file = Require(VaultOptions.Root(parse));
            Console.Out.WriteLine($"Any {file.Threshold} of these {file.Holders.Count} holders open the vault:");
            foreach (ShareHolder holder in file.Holders)
            {
                Console.Out.WriteLine($"  {holder.Name}");
            }
        }));
        return command;
    }

    public static Command Emergency()
    {
        var command = new Command("emergency-passphrase", """
            Print the passphrase of a shared vault's key files (keys/NAME.age and team.age), so that plain
            'age -d' opens them without this program (docs/FORMATS.md, "Emergency procedure"). It is derived
            from the vault secret, so the vault's holders must join as for opening it, and it is recorded in the
            audit log with their names. Whoever reads it can open every key file of this vault: write it
            nowhere, and only on the air-gapped machine.
            """);
        command.SetAction(parse => ErrorReporter.Run(() =>
        {
            using VaultSession vault = VaultOptions.Open(parse);
            if (!vault.IsShared)
            {
                throw new CliException("this vault has one passphrase: its key files open with that passphrase itself",
                    "'age -d -i keys/NAME.age' asks for the vault passphrase");
            }

            vault.Write(data => AuditLog.Append(data, vault.Actor, vault.Now(), AuditActions.EmergencyPassphrase, null, null,
                $"key-file passphrase shown to holders {string.Join(", ", vault.Holders)}"));
            // Written as bytes: the passphrase never becomes a string here.
            using Stream output = Console.OpenStandardOutput();
            output.Write(vault.Passphrase);
            output.Write("\n"u8);
            Console.Error.WriteLine("This opens every key file of this vault with 'age -d': use it on this machine only, store it in no file, and destroy any paper copy after the emergency.");
        }));
        return command;
    }

    private static Command Passphrase()
    {
        var name = new Argument<string>("NAME") { Description = "The holder whose passphrase changes." };
        var memory = new Option<int?>("--kdf-memory")
        {
            Description = $"Argon2id memory for the new passphrase, in MiB (default: as before; at least {KdfParameters.MinMemoryMiB}).",
            HelpName = "MIB",
        };
        var command = new Command("passphrase", $"""
            Change one holder's passphrase: the holder types the current one, then the new one twice (at least
            {VaultService.MinPassphraseLength} characters), and their share is sealed again under it. No other holder is
            needed, since the share is never combined; for the same reason this is not in the audit log, which is
            inside the vault. Scripts give the current passphrase in {PassphrasePrompt.FileVariable} and the new one in
            {PassphrasePrompt.FileVariableOf(2)}.
            """)
        {
            name,
            memory,
        };
        command.SetAction(parse => ErrorReporter.Run(() =>
        {
            string holder = parse.GetValue(name)!;
            int? memoryMiB = parse.GetValue(memory);
            if (memoryMiB is < KdfParameters.MinMemoryMiB or > KdfParameters.MaxMemoryMiB)
            {
                throw new CliException($"--kdf-memory must be between {KdfParameters.MinMemoryMiB} and {KdfParameters.MaxMemoryMiB} MiB");
            }

            var prompt = new HolderPrompt([holder]);
            SharedVaultSetup.ChangePassphrase(VaultOptions.Root(parse), holder,
                () => prompt.ReadPassphrase(1, holder),
                () => prompt.ReadNewPassphrase(2, holder, VaultService.CheckPassphrase),
                memoryMiB);
            Console.Out.WriteLine($"Changed the passphrase of {holder}; the other holders' passphrases are unchanged.");
        }));
        return command;
    }

    private static SharedVaultFile Require(string root) =>
        VaultFile.ReadAny(new VaultPaths(Path.GetFullPath(root))) as SharedVaultFile
            ?? throw new CliException("this vault has one passphrase, not shares", "a vault made with 'init --shares N --threshold K' has holders");
}

using System.Security.Cryptography;
using System.CommandLine;
using WhistleSubmit.ReviewerConsole.Shared;
using WhistleSubmit.ReviewerConsole.Vault;
using WhistleSubmit.ReviewerConsole.Vault.Sharing;

namespace WhistleSubmit.ReviewerConsole.Commands.Vault;

/// <summary>
/// <c>whistle-review init [--kdf-memory MIB] [--shares N --threshold K --holders A,B,C]</c>: creates the vault, with one
/// passphrase or shared among N holders, K of whom open it (docs/CONSOLE.md#shared-vault).
/// </summary>
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
        var shares = new Option<int?>("--shares")
        {
            Description = $"Share the vault among N holders (2 to {SharedVaultFile.MaxHolders}), each with their own passphrase; needs --threshold and --holders.",
            HelpName = "N",
        };
        var threshold = new Option<int?>("--threshold")
        {
            Description = "How many holders (K, 2 to N) must each type their passphrase to open the vault.",
            HelpName = "K",
        };
        var command = new Command("init", $"""
            Create a new, empty vault (the encrypted place where reports, notes and keys are kept).

            You are asked for a passphrase twice (at least {VaultService.MinPassphraseLength} characters). It cannot be
            recovered: without it, nothing in the vault can be read. Scripts can name a file holding it in
            ${PassphrasePrompt.FileVariable}. Next step: 'whistle-review keygen --name NAME'.

            With --shares N --threshold K --holders A,B,C the vault key is random and split among the N named
            holders (Shamir's scheme): each types a passphrase of their own twice, in the order named, and from then
            on any K of them together open the vault; fewer open nothing, and losing N-K shares loses nothing.
            Scripts give the n-th holder's passphrase file in {PassphrasePrompt.FileVariable}, ${PassphrasePrompt.FileVariable}_2, ...
            """)
        {
            memory,
            shares,
            threshold,
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

            if (parse.GetValue(shares) is not null || parse.GetValue(threshold) is not null)
            {
                CreateShared(parse, root, actor, parse.GetValue(shares), parse.GetValue(threshold), parse.GetValue(memory));
                return;
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

    private static void CreateShared(ParseResult parse, string root, string actor, int? shares, int? threshold, int memoryMiB)
    {
        if (shares is not { } n || threshold is not { } k)
        {
            throw new CliException("--shares and --threshold go together", "for two of three: --shares 3 --threshold 2 --holders ana,ben,cy");
        }

        IReadOnlyList<string> names = HolderPrompt.Split(parse.GetValue(HolderPrompt.Holders))
            ?? throw new CliException("--holders must name each holder of a share", "for example: --holders ana,ben,cy");
        SharedVaultSetup.CheckShape(n, k, names);
        VaultService.CheckNewVault(root, memoryMiB);
        var prompt = new HolderPrompt(names);
        var passphrases = new List<byte[]>();
        try
        {
            for (int i = 0; i < names.Count; i++)
            {
                passphrases.Add(prompt.ReadNewPassphrase(i + 1, names[i], candidate =>
                {
                    VaultService.CheckPassphrase(candidate);
                    // Holders who share a passphrase are one holder: the vault would need fewer people than it says.
                    if (passphrases.Any(other => CryptographicOperations.FixedTimeEquals(other, candidate)))
                    {
                        throw new CliException($"{names[passphrases.Count]}'s passphrase is another holder's", "each holder chooses a passphrase of their own");
                    }
                }));
            }

            SharedVaultSetup.Create(root, names, k, passphrases, memoryMiB, actor, TimeProvider.System);
        }
        finally
        {
            passphrases.ForEach(p => CryptographicOperations.ZeroMemory(p));
        }

        Console.Out.WriteLine($"Created a vault in {Path.GetFullPath(root)}, shared by {string.Join(", ", names)}: any {k} of them open it.");
        Console.Out.WriteLine($"Next: create a reviewer key with '{VaultOptions.Program(parse)} keygen --name NAME' ({k} holders join).");
    }
}

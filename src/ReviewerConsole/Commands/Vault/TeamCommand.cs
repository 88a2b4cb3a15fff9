using System.CommandLine;
using System.Text.Json;
using WhistleSubmit.ReviewerConsole.Records;
using WhistleSubmit.ReviewerConsole.Shared;
using WhistleSubmit.ReviewerConsole.Vault;

namespace WhistleSubmit.ReviewerConsole.Commands.Vault;

/// <summary><c>whistle-review team keygen|show</c>: the team signing key (protocol v2), kept in the vault.</summary>
internal static class TeamCommand
{
    public static Command Create() => new("team", """
        The team signing key: the reviewers sign what the portal must not be able to forge (the recipient set,
        import receipts, replies) and the portal and the source's browser check it against the published team
        public key.
        """)
    {
        Keygen(),
        Show(),
    };

    private static Command Keygen()
    {
        var command = new Command("keygen", """
            Create the team signing key inside the vault and print its public key and fingerprint.

            The secret key never leaves the vault: it is stored in team.age, encrypted with the vault passphrase.
            A vault has one team key; this refuses if it already has one.
            """);
        command.SetAction(parse => ErrorReporter.Run(() =>
        {
            using VaultSession vault = VaultOptions.Open(parse);
            TeamKeyRecord key = TeamKeyService.Generate(vault);
            Console.Out.WriteLine("Created the team key");
            Console.Out.WriteLine($"Fingerprint: {key.Fingerprint}");
            Console.Out.WriteLine($"Public key: {key.PublicKey}");
        }));
        return command;
    }

    private static Command Show()
    {
        var json = new Option<bool>("--json") { Description = "Print JSON: publicKey, fingerprint (32 hex digits) and created." };
        var command = new Command("show", "Print the team public key and its fingerprint.")
        {
            json,
        };
        command.SetAction(parse => ErrorReporter.Run(() =>
        {
            using VaultSession vault = VaultOptions.Open(parse);
            TeamKeyRecord key = TeamKeyService.Find(vault)
                ?? throw new CliException("the vault has no team key yet", $"create it with '{VaultOptions.Program(parse)} team keygen'");
            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(
                    new { publicKey = key.PublicKey, fingerprint = key.Fingerprint.Replace(" ", "", StringComparison.Ordinal), created = key.Created },
                    JsonOutput.Options));
                return;
            }

            Console.Out.WriteLine($"Fingerprint: {key.Fingerprint}");
            Console.Out.WriteLine($"Public key: {key.PublicKey}");
            Console.Out.WriteLine($"Created: {key.Created}");
        }));
        return command;
    }
}

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
        Publish(),
    };

    private static Command Publish()
    {
        var output = new Option<string>("--out") { Description = "The directory to write team.pub, recipients.signed.json and team.js into.", HelpName = "DIR", Required = true };
        var command = new Command("publish", """
            Sign the vault's reviewer keys as the portal's recipient set and write team.pub, recipients.signed.json
            and team.js into DIR.

            Carry them to the portal: team.pub into its data directory (once), then
            'whistle-portal recipients install recipients.signed.json'. Publish the team key fingerprint, the
            recipient fingerprints and team.js's hashes where sources can check them: the browser encrypts only to
            a set signed by the key in team.js.
            """)
        {
            output,
        };
        command.SetAction(parse => ErrorReporter.Run(() =>
        {
            using VaultSession vault = VaultOptions.Open(parse);
            string directory = Path.GetFullPath(parse.GetValue(output)!);
            var published = TeamPublishService.Publish(vault, directory);
            Console.Out.WriteLine($"Wrote {TeamPublishService.PublicKeyFileName}, {TeamPublishService.SignedRecipientsFileName} and {TeamPublishService.ScriptFileName} to {directory}");
            Console.Out.WriteLine($"Team key fingerprint: {published.Team.DisplayFingerprint}");
            Console.Out.WriteLine($"Recipient set issued {published.Set.Issued:yyyy-MM-dd}, {published.Keys.Count} recipients:");
            foreach (var key in published.Keys)
            {
                Console.Out.WriteLine($"  {key.Fingerprint}  {key.Name}");
            }

            Console.Out.WriteLine($"team.js sha256: {published.ScriptSha256}");
            Console.Out.WriteLine($"team.js sha384: {published.ScriptSha384}");
            Console.Out.WriteLine("Publish these fingerprints and hashes with the portal's script hashes (guard.js, portal.js, worker.js).");
            Console.Out.WriteLine($"On the portal: copy {TeamPublishService.PublicKeyFileName} into the data directory, then run 'whistle-portal recipients install {TeamPublishService.SignedRecipientsFileName}'.");
        }));
        return command;
    }

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

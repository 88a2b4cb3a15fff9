using System.CommandLine;
using WhistleSubmit.ReviewerConsole.Records;
using WhistleSubmit.ReviewerConsole.Shared;
using WhistleSubmit.ReviewerConsole.Vault;

namespace WhistleSubmit.ReviewerConsole.Commands.Vault;

/// <summary><c>whistle-review keygen --name NAME</c>: a reviewer's post-quantum key, kept in the vault.</summary>
internal static class VaultKeygenCommand
{
    public static Command Create()
    {
        var name = new Option<string>("--name")
        {
            Description = "A short name for the key, e.g. your first name (lower-case letters, digits, '-', '_').",
            HelpName = "NAME",
            Required = true,
        };
        var command = new Command("keygen", """
            Create a reviewer key inside the vault and print its public key (recipient); 'team publish' signs
            the vault's keys as the portal's recipient set.

            The secret key never leaves the vault: it is stored in keys/NAME.age, encrypted with the vault
            passphrase. Every submission is encrypted to all the keys of the installed recipient set.
            """)
        {
            name,
        };
        command.SetAction(parse => ErrorReporter.Run(() =>
        {
            using VaultSession vault = VaultOptions.Open(parse);
            VaultKey key = KeyService.Generate(vault, parse.GetValue(name)!);
            Console.Out.WriteLine($"Created key \"{key.Name}\"");
            Console.Out.WriteLine($"Fingerprint: {key.Fingerprint}");
            Console.Out.WriteLine($"Recipient: {key.Recipient}");
            Console.Out.WriteLine("The portal takes the reviewers' keys only as a set signed with the team key: run");
            Console.Out.WriteLine("  whistle-review team publish --out DIR");
            Console.Out.WriteLine("and install DIR/recipients.signed.json on the portal ('whistle-portal recipients install').");
        }));
        return command;
    }
}

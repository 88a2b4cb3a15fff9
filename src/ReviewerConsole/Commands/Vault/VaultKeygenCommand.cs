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
            Create a reviewer key inside the vault and print the public key (recipient) to add to the portal.

            The secret key never leaves the vault: it is stored in keys/NAME.age, encrypted with the vault
            passphrase. Every submission is encrypted to all the keys added to the portal.
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
            Console.Out.WriteLine("Add it to the portal (on the portal machine):");
            Console.Out.WriteLine($"  whistle-portal recipients add {key.Recipient} --name {key.Name}");
        }));
        return command;
    }
}

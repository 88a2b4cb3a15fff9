using System.CommandLine;
using System.Text.Json;
using WhistleSubmit.ReviewerConsole.Records;
using WhistleSubmit.ReviewerConsole.Shared;
using WhistleSubmit.ReviewerConsole.Vault;

namespace WhistleSubmit.ReviewerConsole.Commands.Vault;

/// <summary><c>whistle-review keys [--json]</c>: the vault's reviewer keys.</summary>
internal static class KeysCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print JSON (with each full public key) instead of a table." };
        var command = new Command("keys", "List the reviewer keys in the vault: name, creation time and fingerprint.")
        {
            json,
        };
        command.SetAction(parse => ErrorReporter.Run(() =>
        {
            using VaultSession vault = VaultOptions.Open(parse);
            IReadOnlyList<VaultKey> keys = KeyService.List(vault);
            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(
                    keys.Select(k => new { name = k.Name, created = k.Created, fingerprint = k.Fingerprint, recipient = k.Recipient }),
                    JsonOutput.Options));
                return;
            }

            if (keys.Count == 0)
            {
                Console.Out.WriteLine($"No keys yet. Create one with '{VaultOptions.Program(parse)} keygen --name NAME'.");
                return;
            }

            Console.Out.WriteLine($"{"NAME",-32}  {"CREATED",-24}  FINGERPRINT");
            foreach (VaultKey key in keys)
            {
                Console.Out.WriteLine($"{key.Name,-32}  {key.Created,-24}  {key.Fingerprint}");
            }
        }));
        return command;
    }
}

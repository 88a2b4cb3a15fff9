using System.CommandLine;
using System.Globalization;
using WhistleSubmit.ReviewerConsole.Audit;
using WhistleSubmit.ReviewerConsole.Shared;
using WhistleSubmit.ReviewerConsole.Vault;

namespace WhistleSubmit.ReviewerConsole.Commands.Audit;

/// <summary><c>whistle-review audit verify</c>.</summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var verify = new Command("verify", """
            Check the whole audit log: every entry must be unchanged and linked to the one before it.
            Prints "OK" and the number of entries, or which entry breaks the chain (exit status 3).
            """);
        verify.SetAction(parse => ErrorReporter.Run(() =>
        {
            using VaultSession vault = VaultOptions.Open(parse);
            AuditVerification result = vault.Read(AuditLog.Verify);
            if (!result.Ok)
            {
                throw new CliException($"the audit log is broken: {result.Problem}",
                    "the vault was changed outside whistle-review; keep this copy as evidence and restore from a backup",
                    null, ErrorReporter.IntegrityFailure);
            }

            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"OK: the audit log's {result.Count} entries are intact"));
        }));
        return new Command("audit", "The vault's append-only, hash-chained log of every action.") { verify };
    }
}

using System.CommandLine;
using System.Globalization;
using WhistleSubmit.ReviewerConsole.Cases;
using WhistleSubmit.ReviewerConsole.Import;
using WhistleSubmit.ReviewerConsole.Records;
using WhistleSubmit.ReviewerConsole.Shared;
using WhistleSubmit.ReviewerConsole.Vault;

namespace WhistleSubmit.ReviewerConsole.Commands.Import;

/// <summary><c>whistle-review import FILE.wsbundle [--receipt FILE]</c>.</summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var bundle = new Argument<string>("FILE.wsbundle") { Description = "A submissions bundle exported from the portal." };
        var receipt = new Option<string?>("--receipt")
        {
            Description = "Where to write the import receipt for 'whistle-portal confirm'. Default: next to the bundle, "
                + "as NAME.receipt.json.",
            HelpName = "FILE",
        };
        var command = new Command("import", """
            Import a submissions bundle: check it completely, decrypt every new report and follow-up with the
            vault's keys, and keep them in the vault with the original encrypted files as evidence.

            A bundle that is damaged, truncated or modified imports nothing. Within a bundle that checks out, an
            item that does not decrypt with the vault's keys or is not a valid report or message is refused
            (named, with the reason; the rest is imported). An item encrypted to any recipient that is not post-quantum (mlkem768x25519) is refused: it is not
            imported, not in the receipt (so it stays on the portal), and import exits 1 naming it. An item
            encrypted to more or fewer recipients than the vault has keys is imported and flagged in list, show
            and the TUI.
            Items already in the vault (same id and SHA-256) are skipped, so importing the same bundle twice is safe. The receipt
            lists the bundle's items now in the vault and is signed with the team key ('team keygen' makes
            it): carry it back and run 'whistle-portal confirm RECEIPT' so the portal deletes them.
            """)
        {
            bundle,
            receipt,
        };
        command.SetAction(parse => ErrorReporter.Run(() =>
        {
            using VaultSession vault = VaultOptions.Open(parse);
            bool terminal = !Console.IsErrorRedirected;
            ImportResult result = terminal
                ? ImportProgressBar.Run((progress, bytes) => ImportService.Import(vault, parse.GetValue(bundle)!, parse.GetValue(receipt), progress, bytes))
                : ImportService.Import(vault, parse.GetValue(bundle)!, parse.GetValue(receipt), Report);

            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Imported {result.Imported} new items ({result.AlreadyPresent} already in the vault) from bundle {result.BundleSha256}"));
            if (result.NewCaseIds.Count > 0)
            {
                Console.Out.WriteLine($"New cases: {string.Join(' ', result.NewCaseIds.Select(id => id[..8]))}");
            }

            foreach ((string caseId, int count) in result.NewMessages.OrderBy(m => m.Key, StringComparer.Ordinal))
            {
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{count} new {(count == 1 ? "message" : "messages")} on {caseId[..8]}"));
            }

            // Case proof (docs/CONSOLE.md#case-proof): every warning by item and case, so a forgery is seen at import time.
            foreach ((string itemId, string caseId, ItemFlag flag) in result.Outcome.Flagged)
            {
                Console.Out.WriteLine($"Item {itemId[..8]} (case {caseId[..8]}): {ProofFlagText.Describe(flag)}");
            }

            if (result.Outcome.V1Items > 0)
            {
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{result.Outcome.V1Items} v1 {(result.Outcome.V1Items == 1 ? "item" : "items")}: grouping not proven (filed by the portal's mailbox id)"));
            }

            if (result.Destroyed.Count > 0)
            {
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{result.Destroyed.Count} items belong to destroyed cases and were not imported ({string.Join(' ', result.Destroyed.Select(i => i[..8]))}); the receipt names them, so the portal deletes its copies"));
            }

            Console.Out.WriteLine($"Receipt for 'whistle-portal confirm': {result.ReceiptPath}");
            RefusedItems(result.Refused);
        }));
        return command;
    }

    // Issue 13 P4 (and 13/15: items that do not decrypt or parse): each refused item by position and id, the reason, and a failing exit so no script carries on unaware.
    private static void RefusedItems(IReadOnlyList<RefusedItem> refused)
    {
        if (refused.Count == 0)
        {
            return;
        }

        foreach (RefusedItem r in refused)
        {
            ErrorReporter.Warning(string.Create(CultureInfo.InvariantCulture,
                $"item {r.Number} of {r.Total} ({r.Id[..8]}) was refused and not imported: {r.Reason}"));
        }

        throw new CliException(
            string.Create(CultureInfo.InvariantCulture,
                $"{refused.Count} {(refused.Count == 1 ? "item was" : "items were")} refused (reasons above); the rest is in the vault"),
            "the receipt does not name them, so they stay on the portal and are not exported again: keep this bundle, and once "
            + "the cause is fixed (a missing key) import it again; do not try to open them another way. Items for other keys "
            + "or that are not valid submissions may be junk anyone can upload; recipient refusals or an id with other contents "
            + "mean the portal, or something between it and you, changed them: report those to the team");
    }

    // One plain line per item when stderr is a file or pipe (logs, tests); on a terminal, ImportProgressBar draws a bar.
    private static void Report(ImportProgress p) =>
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"item {p.Number} of {p.Total}: {(p.AlreadyPresent ? "already in the vault" : p.Refused ? "refused" : "decrypted and checked")} ({p.Bytes} bytes)"));
}

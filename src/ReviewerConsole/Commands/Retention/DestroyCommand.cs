using System.CommandLine;
using System.Globalization;
using WhistleSubmit.ReviewerConsole.Cases;
using WhistleSubmit.ReviewerConsole.Commands.Cases;
using WhistleSubmit.ReviewerConsole.Records;
using WhistleSubmit.ReviewerConsole.Retention;
using WhistleSubmit.ReviewerConsole.Shared;
using WhistleSubmit.ReviewerConsole.Vault;

namespace WhistleSubmit.ReviewerConsole.Commands.Retention;

/// <summary><c>whistle-review destroy ID --reason TEXT [--yes]</c>.</summary>
internal static class DestroyCommand
{
    public static Command Create()
    {
        var id = CaseArguments.Id();
        var reason = new Option<string>("--reason")
        {
            Description = $"Why (one line, at most {RetentionService.MaxReasonLength} characters): it stays in the audit log's tombstone for good, so never quote the source.",
            HelpName = "TEXT",
            Required = true,
        };
        var yes = new Option<bool>("--yes") { Description = "Do not ask for confirmation (for scripts)." };
        var command = new Command("destroy", """
            Destroy a case for good: its reports and follow-ups, attachments, evidence files, notes, replies,
            triage record and retention, and its links in the incident register (the incidents stay, with their own
            fields). Evidence files are overwritten with zeros before they are removed, and the vault is compacted
            under a fresh key, so nothing of the case can be read back from this disk (see SECURITY.md for what a
            flash disk or a copy-on-write file system keep anyway). The audit log keeps a tombstone: the case id,
            when, who, the reason and the items' ids, never their content; the details of the case's earlier audit
            entries are erased. Items of a destroyed case that arrive again in a bundle are not imported.
            Refused while the case is under legal hold. Asks you to type the case id unless --yes is given.
            """)
        {
            id,
            reason,
            yes,
        };
        command.SetAction(parse => ErrorReporter.Run(() =>
        {
            string why = RetentionService.CheckReason(parse.GetValue(reason));
            using VaultSession vault = VaultOptions.Open(parse);
            CaseRecord c = CaseQueryService.Resolve(vault, parse.GetValue(id)!);
            RetentionStatus status = RetentionService.StatusOf(vault, c.Id);
            if (status.Hold is { } hold)
            {
                throw new CliException($"case {c.ShortId} is under legal hold (since {hold.Since[..10]}, by {hold.Actor}); nothing was destroyed",
                    $"a hold is released only deliberately: 'whistle-review release-hold {c.ShortId} --reason TEXT'");
            }

            if (!parse.GetValue(yes))
            {
                CaseDetail detail = CaseQueryService.Get(vault, c.Id);
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"This destroys case {c.ShortId} ({CaseStatuses.Name(c.Status)}, opened {c.Opened[..10]}): {detail.Items.Count} items with {detail.Items.Sum(i => i.Attachments.Count)} attachments, {detail.Notes.Count} notes, {detail.Replies.Count} replies. It cannot be undone."));
                Console.Error.Write($"Type the case id {c.ShortId} to destroy it: ");
                string? typed = Console.In.ReadLine();
                if (typed?.Trim() != c.ShortId)
                {
                    throw new CliException("not confirmed; nothing was destroyed", $"type exactly {c.ShortId}, or give --yes in a script");
                }
            }

            DestroyOutcome outcome = DestroyService.Destroy(vault, c.Id, why);
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Case {c.ShortId} destroyed: {outcome.Items} items, {outcome.EvidenceFiles} evidence files overwritten and removed, {outcome.Documents} records removed, {outcome.ErasedEntries} audit entries erased; vault compacted under a fresh key. Tombstone: audit entry #{outcome.Tombstone}."));
            if (outcome.Incidents.Count > 0)
            {
                Console.Out.WriteLine($"Unlinked from incident(s) {string.Join(", ", outcome.Incidents)}: they stay in the register with their own fields; check their summary and assessment hold nothing of the source's words ('incident show').");
            }
        }));
        return command;
    }
}

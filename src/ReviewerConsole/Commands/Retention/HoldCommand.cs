using System.CommandLine;
using WhistleSubmit.ReviewerConsole.Cases;
using WhistleSubmit.ReviewerConsole.Commands.Cases;
using WhistleSubmit.ReviewerConsole.Records;
using WhistleSubmit.ReviewerConsole.Retention;
using WhistleSubmit.ReviewerConsole.Shared;
using WhistleSubmit.ReviewerConsole.Vault;

namespace WhistleSubmit.ReviewerConsole.Commands.Retention;

/// <summary><c>whistle-review hold ID --reason TEXT</c> and <c>whistle-review release-hold ID --reason TEXT</c>.</summary>
internal static class HoldCommand
{
    public static Command Hold() => Create("hold", """
        Place a legal hold on a case (a litigation hold, a preservation request, an open investigation):
        while it holds, the case never expires and 'destroy' refuses it. The reason goes into the audit log
        for good, even if the case is destroyed later: say why in your own words, never quote the source.
        """, release: false);

    public static Command Release() => Create("release-hold", """
        Release a case's legal hold: its retention applies again from its last activity, so it may be due
        at once (it is still never destroyed without 'destroy'). The reason goes into the audit log.
        """, release: true);

    private static Command Create(string name, string description, bool release)
    {
        var id = CaseArguments.Id();
        var reason = new Option<string>("--reason")
        {
            Description = $"Why, in one line of at most {RetentionService.MaxReasonLength} characters (kept in the audit log).",
            HelpName = "TEXT",
            Required = true,
        };
        var command = new Command(name, description) { id, reason };
        command.SetAction(parse => ErrorReporter.Run(() =>
        {
            string why = RetentionService.CheckReason(parse.GetValue(reason));
            using VaultSession vault = VaultOptions.Open(parse);
            CaseRecord c = CaseQueryService.Resolve(vault, parse.GetValue(id)!);
            RetentionStatus status = release ? RetentionService.Release(vault, c.Id, why) : RetentionService.Hold(vault, c.Id, why);
            Console.Out.WriteLine($"Case {c.ShortId}: {status.Describe()}");
        }));
        return command;
    }
}

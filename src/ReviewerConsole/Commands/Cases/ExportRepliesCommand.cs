using System.CommandLine;
using WhistleSubmit.ReviewerConsole.Cases;
using WhistleSubmit.ReviewerConsole.Shared;
using WhistleSubmit.ReviewerConsole.Vault;

namespace WhistleSubmit.ReviewerConsole.Commands.Cases;

/// <summary><c>whistle-review export-replies --out FILE.wsbundle</c>.</summary>
internal static class ExportRepliesCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out")
        {
            Description = "The replies bundle to write (must not exist yet).",
            HelpName = "FILE.wsbundle",
            Required = true,
        };
        var command = new Command("export-replies", """
            Put every queued reply into a replies bundle for the portal ('whistle-portal import-replies FILE').
            The bundle holds only encrypted replies; its manifest is signed with the team key. Replies are marked as exported once the file is safely
            written. When no reply is waiting, nothing is written and the exit status is still 0.
            """)
        {
            output,
        };
        command.SetAction(parse => ErrorReporter.Run(() =>
        {
            using VaultSession vault = VaultOptions.Open(parse);
            ReplyExport? export = ReplyService.Export(vault, parse.GetValue(output)!);
            if (export is null)
            {
                Console.Out.WriteLine("No replies are waiting to be exported; nothing was written.");
                return;
            }

            Console.Out.WriteLine($"Exported {export.Replies.Count} {(export.Replies.Count == 1 ? "reply" : "replies")} to {export.Path}");
            Console.Out.WriteLine($"Bundle SHA-256 {export.BundleSha256}");
            Console.Out.WriteLine("Upload it on the portal's transfer page (/en/transfer/replies), or on the portal machine run: "
                + "whistle-portal import-replies " + Path.GetFileName(export.Path));
        }));
        return command;
    }
}

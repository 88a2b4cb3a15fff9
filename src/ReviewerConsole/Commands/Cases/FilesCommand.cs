using System.CommandLine;
using System.Globalization;
using WhistleSubmit.ReviewerConsole.Cases;
using WhistleSubmit.ReviewerConsole.Records;
using WhistleSubmit.ReviewerConsole.Shared;
using WhistleSubmit.ReviewerConsole.Vault;

namespace WhistleSubmit.ReviewerConsole.Commands.Cases;

/// <summary><c>whistle-review files ID --export DIR [--force]</c>.</summary>
internal static class FilesCommand
{
    public static Command Create()
    {
        var id = CaseArguments.Id();
        var export = new Option<string>("--export")
        {
            Description = "The folder to write the attachments to (created if missing, readable only by you).",
            HelpName = "DIR",
            Required = true,
        };
        var force = new Option<bool>("--force") { Description = "Replace files of the same name in DIR." };
        var command = new Command("files", """
            Export a case's attachments (decrypted) to a folder, named ITEM-NNN-NAME. Each file's type is
            found from its contents, not its name, and shown with its size and SHA-256. The console never
            opens attachments: scan them before opening them, on a machine that stays offline.
            """)
        {
            id,
            export,
            force,
        };
        command.SetAction(parse => ErrorReporter.Run(() =>
        {
            using VaultSession vault = VaultOptions.Open(parse);
            CaseRecord c = CaseQueryService.Resolve(vault, parse.GetValue(id)!);
            IReadOnlyList<ExportedAttachment> files = AttachmentExportService.Export(vault, c.Id, parse.GetValue(export)!, parse.GetValue(force));
            foreach (ExportedAttachment f in files)
            {
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{f.Path}  {f.Attachment.TypeLabel}  {f.Attachment.Size:N0} bytes  SHA-256 {f.Attachment.Sha256}"));
            }

            Console.Out.WriteLine($"Exported {files.Count} attachments of case {c.ShortId}. They were not opened; scan them before opening.");
        }));
        return command;
    }
}

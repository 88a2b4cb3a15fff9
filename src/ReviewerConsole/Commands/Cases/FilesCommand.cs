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
        var force = new Option<bool>("--force") { Description = "Replace files of the same name in DIR (never another attachment of the same export)." };
        var command = new Command("files", """
            Export a case's attachments (decrypted) to a folder, named ITEM-NNN-NAME (ITEM: the full item
            id). Each file's type is found from its contents, not its name, and shown with its size and
            SHA-256; a name whose extension the contents do not match gets ".bin" added. Either every file
            appears or none: an interrupted export removes what it wrote. The console never opens
            attachments: scan them before opening them, on a machine that stays offline.
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
            AttachmentExport result = AttachmentExportService.Export(vault, c.Id, parse.GetValue(export)!, parse.GetValue(force));
            if (result.LeftoversRemoved > 0)
            {
                ErrorReporter.Warning(string.Create(CultureInfo.InvariantCulture,
                    $"removed {result.LeftoversRemoved} unfinished files that an interrupted export left in the folder"));
            }

            IReadOnlyList<ExportedAttachment> files = result.Files;
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

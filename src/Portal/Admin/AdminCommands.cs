using System.Globalization;
using System.Text;
using WhistleSubmit.Crypto.Signing;
using WhistleSubmit.Portal.Features.Transfer.Operations;
using WhistleSubmit.Portal.Features.Transfer.Retention;
using WhistleSubmit.Portal.Store;

namespace WhistleSubmit.Portal.Admin;

/// <summary>
/// The verbs that touch the store: export, import-replies, confirm, status, reviewer. Export, import and confirm are
/// <see cref="TransferOperations"/>, the same code the reviewers' transfer pages use. It runs inside the server
/// (reached over admin.sock) or in the verb's own process when the server is stopped, so there is one writer either way.
/// </summary>
public sealed class AdminCommands(
    TransferStore store, TimeProvider time, TransferOperations operations, ReviewerCommands reviewers, RetentionReport retention)
{
    private readonly SemaphoreSlim oneAtATime = new(1, 1);

    public AdminResponse Execute(AdminRequest request)
    {
        oneAtATime.Wait();
        try
        {
            return (request.Verb, request.Args.Count) switch
            {
                ("export", 2) when request.Args[0] == "--out" => Export(request.Args[1]),
                ("import-replies", 1) => ImportReplies(request.Args[0]),
                ("confirm", 1) => Confirm(request.Args[0]),
                ("status", 0) => Status(),
                ("reviewer", _) => reviewers.Execute(request.Args),
                _ => Error("unknown verb or wrong arguments"),
            };
        }
        catch (PortalStoreFullException)
        {
            return Error("the disk is full; nothing was changed");
        }
        catch (IOException e)
        {
            // The exception's type only: its message may carry a path the operator typed, which is fine, but keep one style.
            return Error($"I/O failure ({e.GetType().Name}); nothing was marked");
        }
        finally
        {
            oneAtATime.Release();
        }
    }

    private static AdminResponse Error(string message) => new(1, $"whistle-portal: error: {message}\n");

    private AdminResponse Export(string path)
    {
        string full = Path.GetFullPath(path);
        if (File.Exists(full))
        {
            return Error($"{path} exists; choose a new file name");
        }

        // Written under a temporary name, synced, then renamed: a crash never leaves a half bundle under the real name.
        if (operations.Export(full + ".partial", _ => full, replaceExisting: false) is not { } result)
        {
            return new AdminResponse(0, "whistle-portal: nothing to export\n");
        }

        store.AppendAudit(ReviewerCommands.OperatorAccount, "export", $"{result.ItemIds.Count} items, bundle {result.Sha256}");
        // The file's size is what the operator compares after copying; the items' own ciphertext is smaller (no headers).
        long fileBytes = new FileInfo(full).Length;
        return new AdminResponse(0, string.Create(CultureInfo.InvariantCulture,
            $"whistle-portal: exported {result.ItemIds.Count} items to {full} ({fileBytes} bytes; the items' ciphertext is {result.ItemBytes} bytes of it)\nwhistle-portal: bundle SHA-256 {result.Sha256}\n"));
    }

    private AdminResponse ImportReplies(string path)
    {
        ImportResult result;
        try
        {
            using var file = File.OpenRead(path);
            result = operations.ImportReplies(file);
        }
        catch (TransferRejectedException e)
        {
            store.AppendAudit(ReviewerCommands.OperatorAccount, "import-replies-refused", e.Problem.ToString());
            return Error(e.Problem switch
            {
                TransferProblem.NotReplies => $"{path} is a submissions bundle, not a replies bundle",
                TransferProblem.UnsignedReplies => $"{path} is not signed with the team key (its manifest is unsigned); nothing was imported. "
                    + "Replies come only from the reviewers' console: export them again there with 'whistle-review export-replies' (it signs the bundle)",
                TransferProblem.ForeignReplies => $"{path} is not signed by this portal's team key{Naming(e)}; nothing was imported. "
                    + "Check that team.pub here is the reviewers' team key ('whistle-review team show'); do not import a bundle from anywhere else",
                _ => $"{path} is not a valid replies bundle (or is over the limits); nothing was imported",
            });
        }

        store.AppendAudit(ReviewerCommands.OperatorAccount, "import-replies",
            $"{result.Imported.Count} imported, {result.AlreadyPresent.Count} already present, {result.UnknownMailbox.Count} skipped");
        var output = new StringBuilder(string.Create(CultureInfo.InvariantCulture,
            $"whistle-portal: imported {result.Imported.Count} replies, {result.AlreadyPresent.Count} already present\n"));
        if (result.UnknownMailbox.Count > 0)
        {
            output.Append(CultureInfo.InvariantCulture, $"whistle-portal: warning: {result.UnknownMailbox.Count} replies for mailboxes this portal does not have were skipped\n");
        }

        return new AdminResponse(0, output.ToString());
    }

    private AdminResponse Confirm(string path)
    {
        if (new FileInfo(path) is not { Exists: true, Length: <= SignedDocument.MaxBytes })
        {
            return Error($"{path} is missing or too large to be a receipt");
        }

        ConfirmResult result;
        try
        {
            result = operations.Confirm(File.ReadAllBytes(path));
        }
        catch (TransferRejectedException e)
        {
            store.AppendAudit(ReviewerCommands.OperatorAccount, "confirm-refused", e.Problem.ToString());
            return Error(e.Problem switch
            {
                TransferProblem.UnknownExport => "no export with that bundle SHA-256 is pending confirmation; nothing was deleted",
                TransferProblem.UnsignedReceipt => $"{path} is an unsigned (version 1) receipt; nothing was deleted. The portal deletes only on a receipt "
                    + "signed with the team key: run 'whistle-review import' on that bundle again on the console (it changes nothing in the vault and writes a signed receipt)",
                TransferProblem.ForeignReceipt => $"{path} is not signed by this portal's team key{Naming(e)}; nothing was deleted. "
                    + "Check that team.pub here is the reviewers' team key ('whistle-review team show'), then run 'whistle-review import' on that bundle again to get a receipt signed with it",
                _ => $"{path} is not a valid receipt; nothing was deleted",
            });
        }

        if (result.Outcome.AlreadyConfirmed)
        {
            store.AppendAudit(ReviewerCommands.OperatorAccount, "confirm", $"bundle {result.BundleSha256}: already confirmed; console audit head {result.ConsoleAuditHead}");
            return new AdminResponse(0, $"whistle-portal: bundle {result.BundleSha256} was already confirmed; nothing to delete\n"
                + $"whistle-portal: console audit head {result.ConsoleAuditHead} (recorded)\n");
        }

        store.AppendAudit(ReviewerCommands.OperatorAccount, "confirm",
            $"bundle {result.BundleSha256}: {result.Outcome.Deleted.Count} deleted, {result.Outcome.Missing.Count} already gone; console audit head {result.ConsoleAuditHead}");
        string compaction = result.Outcome.Compacted
            ? "store compacted"
            : "store not compacted now (busy or disk full): the deleted ciphertext may remain in the store files until a later deletion compacts it";
        return new AdminResponse(0, string.Create(CultureInfo.InvariantCulture,
            $"whistle-portal: deleted {result.Outcome.Deleted.Count} confirmed items ({result.Outcome.Missing.Count} already gone); {compaction}\n"
            + $"whistle-portal: receipt signed by the team key; console audit head {result.ConsoleAuditHead} (recorded)\n"));
    }

    private static string Naming(TransferRejectedException e) => e.KeyFingerprint is { } fingerprint ? $" (it is signed by team key {fingerprint})" : string.Empty;

    private AdminResponse Status()
    {
        var s = store.Status();
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"mailboxes          {s.Mailboxes}\n");
        text.Append(CultureInfo.InvariantCulture, $"submissions        {s.Submissions}\n");
        text.Append(CultureInfo.InvariantCulture, $"follow-ups         {s.Followups}\n");
        text.Append(CultureInfo.InvariantCulture, $"replies            {s.Replies} ({s.UnreadReplies} unread)\n");
        text.Append(CultureInfo.InvariantCulture, $"not yet exported   {s.Unexported} ({s.UnexportedBytes} bytes)\n");
        text.Append(CultureInfo.InvariantCulture, $"unfinished uploads {s.PendingUploads}\n");
        text.Append(CultureInfo.InvariantCulture, $"stored bytes       {s.StoredBytes}\n");
        text.Append(CultureInfo.InvariantCulture, $"free disk bytes    {s.FreeDiskBytes}\n");
        if (s.OldestUnexportedDay is { } day)
        {
            int age = today.DayNumber - DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture).DayNumber;
            text.Append(CultureInfo.InvariantCulture, $"oldest unexported  {day} ({age} days)\n");
        }

        var retained = retention.Build();
        text.Append(CultureInfo.InvariantCulture, $"awaiting receipt   {retained.PendingExports.Count} bundles ({retained.PendingExports.Sum(e => e.Items)} items)\n");
        text.Append(CultureInfo.InvariantCulture, $"reviewer accounts  {store.ListReviewers().Count}\n");
        foreach (string warning in RetentionReport.Warnings(retained))
        {
            text.Append(warning).Append('\n');
        }

        if (s.FreeDiskBytes < store.Options.MinFreeBytes * 4)
        {
            text.Append("whistle-portal: warning: free disk space is low; uploads are refused below the reserve\n");
        }

        return new AdminResponse(0, text.ToString());
    }
}

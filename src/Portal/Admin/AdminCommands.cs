using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using WhistleSubmit.Crypto.Bundles;
using WhistleSubmit.Portal.Storage;

namespace WhistleSubmit.Portal.Admin;

/// <summary>
/// The verbs that touch the store: export, import-replies, confirm, status. The same code runs inside the server
/// (reached over admin.sock) or in the verb's own process when the server is stopped, so there is one writer either way.
/// </summary>
public sealed class AdminCommands(PortalStore store, TimeProvider time)
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
        var items = store.ListUnexported();
        if (items.Count == 0)
        {
            return new AdminResponse(0, "whistle-portal: nothing to export\n");
        }

        if (File.Exists(path))
        {
            return Error($"{path} exists; choose a new file name");
        }

        var writer = new BundleWriter(BundleKind.Submissions, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        foreach (var item in items)
        {
            var kind = item.Kind == ItemKind.Submission ? BundleItemKind.Submission : BundleItemKind.Followup;
            writer.Add(item.Id, item.MailboxId, kind, item.Size, () => store.OpenCiphertext(item.Id));
        }

        // Written under a temporary name, synced, then renamed: a crash never leaves a half bundle under the real name.
        string full = Path.GetFullPath(path);
        string temp = full + ".partial";
        string sha256;
        using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite))
        {
            writer.WriteTo(file);
            file.Flush(flushToDisk: true);
            file.Position = 0;
            sha256 = Convert.ToHexStringLower(SHA256.HashData(file));
        }

        File.Move(temp, full, overwrite: false);
        WhistleSubmit.Storage.DirectorySync.Flush(Path.GetDirectoryName(full)!);

        // Marked only now: a crash before this exports the items again next time (a duplicate, never a loss).
        store.MarkExported(sha256, [.. items.Select(i => i.Id)]);
        long bytes = items.Sum(i => i.Size);
        return new AdminResponse(0, string.Create(CultureInfo.InvariantCulture,
            $"whistle-portal: exported {items.Count} items ({bytes} bytes) to {full}\nwhistle-portal: bundle SHA-256 {sha256}\n"));
    }

    private AdminResponse ImportReplies(string path)
    {
        var limits = new BundleLimits { MaxItemBytes = store.Options.MaxReplyBytes, MaxItems = 10_000, MaxTotalBytes = 1L << 30 };
        BundleReader reader;
        try
        {
            reader = BundleReader.Open(File.OpenRead(path), limits);
        }
        catch (BundleException)
        {
            return Error($"{path} is not a valid replies bundle (or is over the limits); nothing was imported");
        }

        using (reader)
        {
            if (reader.Manifest.Kind != BundleKind.Replies)
            {
                return Error($"{path} is a submissions bundle, not a replies bundle");
            }

            int imported = 0, present = 0, unknown = 0;
            foreach (var item in reader.Manifest.Items)
            {
                if (!store.MailboxExists(item.MailboxId))
                {
                    unknown++;
                }
                else if (store.StoreReply(item.Id, item.MailboxId, reader.OpenItem(item.Id)))
                {
                    imported++;
                }
                else
                {
                    present++;
                }
            }

            var output = new StringBuilder(string.Create(CultureInfo.InvariantCulture,
                $"whistle-portal: imported {imported} replies, {present} already present\n"));
            if (unknown > 0)
            {
                output.Append(CultureInfo.InvariantCulture, $"whistle-portal: warning: {unknown} replies for mailboxes this portal does not have were skipped\n");
            }

            return new AdminResponse(0, output.ToString());
        }
    }

    private AdminResponse Confirm(string path)
    {
        if (new FileInfo(path) is not { Exists: true, Length: <= ConfirmReceipt.MaxBytes })
        {
            return Error($"{path} is missing or too large to be a receipt");
        }

        if (ConfirmReceipt.Parse(File.ReadAllBytes(path)) is not { } receipt)
        {
            return Error($"{path} is not a valid receipt");
        }

        if (store.DeleteConfirmed(receipt.BundleSha256, receipt.Items) is not { } result)
        {
            return Error("no export with that bundle SHA-256 is pending confirmation; nothing was deleted");
        }

        return new AdminResponse(0, string.Create(CultureInfo.InvariantCulture,
            $"whistle-portal: deleted {result.Deleted} confirmed items ({result.Missing} already gone); store compacted\n"));
    }

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
            if (age >= 7)
            {
                text.Append(CultureInfo.InvariantCulture, $"whistle-portal: warning: reports have waited {age} days for export\n");
            }
        }

        if (s.FreeDiskBytes < store.Options.MinFreeBytes * 4)
        {
            text.Append("whistle-portal: warning: free disk space is low; uploads are refused below the reserve\n");
        }

        return new AdminResponse(0, text.ToString());
    }
}

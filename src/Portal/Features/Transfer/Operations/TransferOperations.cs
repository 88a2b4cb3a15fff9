using System.Security.Cryptography;
using WhistleSubmit.Crypto.Bundles;
using WhistleSubmit.Portal.Store;

namespace WhistleSubmit.Portal.Features.Transfer.Operations;

/// <summary>
/// Export, reply import and confirmation: the one implementation behind both the admin verbs (<c>whistle-portal
/// export | import-replies | confirm</c>) and the reviewers' transfer pages. One operation at a time per process.
/// </summary>
public sealed class TransferOperations(TransferStore store, TimeProvider time)
{
    private readonly SemaphoreSlim oneAtATime = new(1, 1);

    /// <summary>The limits a replies bundle is read with (replies are short; the bundle is verified whole first).</summary>
    public BundleLimits ReplyLimits => new() { MaxItemBytes = store.Options.MaxReplyBytes, MaxItems = 10_000, MaxTotalBytes = 1L << 30 };

    /// <summary>
    /// Writes every unexported submission and follow-up into a bundle at tempPath, syncs it, hashes it, renames it to
    /// finalPath(sha256), and only then marks the items exported: a crash before that exports them again next time (a
    /// duplicate, never a loss). Null when nothing waits.
    /// </summary>
    public ExportResult? Export(string tempPath, Func<string, string> finalPath, bool replaceExisting)
    {
        ArgumentNullException.ThrowIfNull(finalPath);
        return Serialised(() =>
        {
            var items = store.ListUnexported();
            if (items.Count == 0)
            {
                return null;
            }

            var writer = new BundleWriter(BundleKind.Submissions, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
            foreach (var item in items)
            {
                var kind = item.Kind == ItemKind.Submission ? BundleItemKind.Submission : BundleItemKind.Followup;
                writer.Add(item.Id, item.MailboxId, kind, item.Size, () => store.OpenCiphertext(item.Id));
            }

            string sha256;
            long length;
            try
            {
                using var file = new FileStream(tempPath, FileMode.CreateNew, FileAccess.ReadWrite);
                writer.WriteTo(file);
                file.Flush(flushToDisk: true);
                length = file.Length;
                file.Position = 0;
                sha256 = Convert.ToHexStringLower(SHA256.HashData(file));
            }
            catch
            {
                File.Delete(tempPath);
                throw;
            }

            string full = finalPath(sha256);
            File.Move(tempPath, full, replaceExisting);
            WhistleSubmit.EncryptedStore.DirectorySync.Flush(Path.GetDirectoryName(full)!);

            var ids = items.Select(i => i.Id).ToList();
            store.MarkExported(sha256, ids);
            return new ExportResult(full, sha256, length, ids, items.Sum(i => i.Size));
        });
    }

    /// <summary>
    /// Verifies the whole replies bundle (every hash, path and limit) before storing any reply, then stores each one
    /// whose mailbox exists. A reply already stored is counted, not stored twice.
    /// </summary>
    /// <exception cref="TransferRejectedException">Not a valid replies bundle.</exception>
    public ImportResult ImportReplies(Stream bundle)
    {
        return Serialised(() =>
        {
            BundleReader reader;
            try
            {
                reader = BundleReader.Open(bundle, ReplyLimits, leaveOpen: true);
            }
            catch (BundleException)
            {
                throw new TransferRejectedException(TransferProblem.NotABundle);
            }

            using (reader)
            {
                if (reader.Manifest.Kind != BundleKind.Replies)
                {
                    throw new TransferRejectedException(TransferProblem.NotReplies);
                }

                List<string> imported = [], present = [], unknown = [];
                foreach (var item in reader.Manifest.Items)
                {
                    if (!store.MailboxExists(item.MailboxId))
                    {
                        unknown.Add(item.Id);
                    }
                    else if (store.StoreReply(item.Id, item.MailboxId, reader.OpenItem(item.Id)))
                    {
                        imported.Add(item.Id);
                    }
                    else
                    {
                        present.Add(item.Id);
                    }
                }

                return new ImportResult(imported, present, unknown);
            }
        });
    }

    /// <summary>Deletes the items an import receipt confirms (only those exported in the bundle it names).</summary>
    /// <exception cref="TransferRejectedException">Not a receipt, or no pending export has its bundle SHA-256.</exception>
    public ConfirmResult Confirm(byte[] receiptJson)
    {
        ArgumentNullException.ThrowIfNull(receiptJson);
        if (ImportReceipt.Parse(receiptJson) is not { } receipt)
        {
            throw new TransferRejectedException(TransferProblem.NotAReceipt);
        }

        return Serialised(() =>
        {
            var outcome = store.DeleteConfirmed(receipt.BundleSha256, receipt.Items)
                ?? throw new TransferRejectedException(TransferProblem.UnknownExport);
            bool complete = store.ListPendingExports().All(e => e.BundleSha256 != receipt.BundleSha256);
            return new ConfirmResult(receipt.BundleSha256, outcome, complete);
        });
    }

    private T Serialised<T>(Func<T> operation)
    {
        oneAtATime.Wait();
        try
        {
            return operation();
        }
        finally
        {
            oneAtATime.Release();
        }
    }
}

using System.Security.Cryptography;
using WhistleSubmit.Crypto.Age;
using WhistleSubmit.Crypto.Bundles;
using WhistleSubmit.Crypto.Signing;
using WhistleSubmit.Portal.Configuration.Team;
using WhistleSubmit.Portal.Store;

namespace WhistleSubmit.Portal.Features.Transfer.Operations;

/// <summary>
/// Export, reply import and confirmation: the one implementation behind both the admin verbs (<c>whistle-portal
/// export | import-replies | confirm</c>) and the reviewers' transfer pages. One operation at a time per process.
/// Whatever deletes or reaches a source comes from the reviewers' console and is signed with their team key (protocol
/// v2, P6): a receipt must verify before anything is deleted, and a replies bundle's manifest before any reply is stored.
/// </summary>
public sealed class TransferOperations(TransferStore store, TimeProvider time, PortalTeamKey team)
{
    private readonly SemaphoreSlim oneAtATime = new(1, 1);

    /// <summary>The limits a replies bundle is read with (replies are short; the bundle is verified whole first).</summary>
    public BundleLimits ReplyLimits => new() { MaxItemBytes = store.Options.MaxReplyBytes, MaxItems = 10_000, MaxTotalBytes = 1L << 30 };

    /// <summary>
    /// Writes every unexported submission and follow-up into a bundle at tempPath, syncs it, hashes it, renames it to
    /// finalPath(sha256), and only then marks the items exported: a crash before that exports them again next time (a
    /// duplicate, never a loss). Null when nothing waits. With atRest, the file on disk is the bundle encrypted with
    /// age to that identity (whose secret the store keeps with the export, issue 14), and the SHA-256 and length are
    /// the bundle's own, as the console sees it after download.
    /// </summary>
    public ExportResult? Export(string tempPath, Func<string, string> finalPath, bool replaceExisting, MlKem768X25519Identity? atRest = null)
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
                (sha256, length) = atRest is null ? WriteClear(writer, file) : WriteEncrypted(writer, file, atRest);
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
            store.MarkExported(sha256, ids, atRest is null ? null : new PreparedBundleKey(atRest.ExportSecretKey(), length));
            return new ExportResult(full, sha256, length, ids, items.Sum(i => i.Size));
        });
    }

    private static (string Sha256, long Length) WriteClear(BundleWriter writer, FileStream file)
    {
        writer.WriteTo(file);
        file.Flush(flushToDisk: true);
        file.Position = 0;
        return (Convert.ToHexStringLower(SHA256.HashData(file)), file.Length);
    }

    private static (string Sha256, long Length) WriteEncrypted(BundleWriter writer, FileStream file, MlKem768X25519Identity atRest)
    {
        string sha256;
        long length;
        using (var encrypted = AgeEncryption.Encrypt(file, [atRest.Recipient], leaveOpen: true))
        using (var hashing = new HashingWriteStream(encrypted))
        {
            writer.WriteTo(hashing);
            sha256 = hashing.Sha256();
            length = hashing.Written;
        }

        file.Flush(flushToDisk: true);
        return (sha256, length);
    }

    /// <summary>
    /// Verifies the whole replies bundle (every hash, path and limit) and its manifest's team signature (which covers
    /// every reply's SHA-256) before storing any reply, then stores each one whose mailbox exists. A reply already
    /// stored is counted, not stored twice.
    /// </summary>
    /// <exception cref="TransferRejectedException">Not a valid replies bundle, or not signed with the team key.</exception>
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

                VerifyTeamSignature(reader);

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

    /// <summary>
    /// Deletes the items a signed import receipt confirms (only those exported in the bundle it names) and records
    /// the console's audit-chain head it carries. Nothing is deleted on a receipt that does not verify under the team key.
    /// </summary>
    /// <exception cref="TransferRejectedException">Not a receipt; unsigned (version 1) or signed by another key; or no pending export has its bundle SHA-256.</exception>
    public ConfirmResult Confirm(byte[] receiptJson)
    {
        ArgumentNullException.ThrowIfNull(receiptJson);
        ImportReceipt receipt = OpenReceipt(receiptJson);
        return Serialised(() =>
        {
            var outcome = store.DeleteConfirmed(receipt.BundleSha256, receipt.Items, receipt.AuditHead!)
                ?? throw new TransferRejectedException(TransferProblem.UnknownExport);
            bool complete = store.ListPendingExports().All(e => e.BundleSha256 != receipt.BundleSha256);
            return new ConfirmResult(receipt.BundleSha256, outcome, complete, receipt.AuditHead!);
        });
    }

    private ImportReceipt OpenReceipt(byte[] receiptJson)
    {
        try
        {
            return ImportReceipt.OpenSigned(receiptJson, team.Public);
        }
        catch (SignatureException e)
        {
            throw e.Reason switch
            {
                _ when ImportReceipt.IsUnsignedV1(receiptJson) => new TransferRejectedException(TransferProblem.UnsignedReceipt),
                SignatureFailure.OtherKey => new TransferRejectedException(TransferProblem.ForeignReceipt, TeamFingerprint(e.KeyFingerprint!)),
                SignatureFailure.BadSignature => new TransferRejectedException(TransferProblem.ForeignReceipt),
                _ => new TransferRejectedException(TransferProblem.NotAReceipt),
            };
        }
        catch (FormatException)
        {
            throw new TransferRejectedException(TransferProblem.NotAReceipt);
        }
    }

    private void VerifyTeamSignature(BundleReader reader)
    {
        try
        {
            reader.VerifyManifest(team.Public);
        }
        catch (SignatureException e)
        {
            throw e.Reason switch
            {
                SignatureFailure.NotAnEnvelope => new TransferRejectedException(TransferProblem.UnsignedReplies),
                SignatureFailure.OtherKey => new TransferRejectedException(TransferProblem.ForeignReplies, TeamFingerprint(e.KeyFingerprint!)),
                _ => new TransferRejectedException(TransferProblem.ForeignReplies),
            };
        }
    }

    private static string TeamFingerprint(string hex) => string.Join(' ', hex.Chunk(4).Select(group => new string(group)));

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

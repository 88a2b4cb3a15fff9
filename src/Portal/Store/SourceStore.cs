using WhistleSubmit.Crypto.Bundles;

namespace WhistleSubmit.Portal.Store;

/// <summary>
/// The source side's one door to the store: what the no-JS pages, the upload API and the mailbox API may do, and
/// nothing of the transfer side's (export, confirm, reviewers, audit). Every method that changes something returns
/// once the change is durable; refusals are <see cref="PortalStoreFullException"/>, <see cref="PortalStoreLimitException"/>
/// and <see cref="PortalStoreQuotaException"/>.
/// </summary>
public sealed class SourceStore(PortalDatabase store)
{
    public StoreOptions Options => store.Options;

    public bool MailboxExists(string mailboxId) => store.MailboxExists(mailboxId);

    /// <summary>Stores ciphertext read to its end (a submission also creates its mailbox, in the same transaction).</summary>
    public string StoreItem(ItemKind kind, string mailboxId, Stream ciphertext, long maxBytes)
    {
        if (kind == ItemKind.Reply)
        {
            throw new ArgumentException("Replies come from the reviewers, through import-replies.", nameof(kind));
        }

        return store.StoreItem(kind, mailboxId, ciphertext, maxBytes, BundleItem.NewId());
    }

    public IReadOnlyList<StoredReply> ListReplies(string mailboxId) => store.ListReplies(mailboxId);

    public void MarkRepliesRead(string mailboxId) => store.MarkRepliesRead(mailboxId);

    /// <inheritdoc cref="PortalDatabase.CreateUpload"/>
    public UploadSession CreateUpload(ItemKind kind, string mailboxId, long size) => store.CreateUpload(kind, mailboxId, size);

    public UploadSession? FindUpload(string uploadId) => store.FindUpload(uploadId);

    /// <inheritdoc cref="PortalDatabase.StoreChunk"/>
    public ChunkOutcome StoreChunk(string uploadId, int index, byte[] buffer, int length) => store.StoreChunk(uploadId, index, buffer, length);

    /// <inheritdoc cref="PortalDatabase.CompleteUpload"/>
    public (CompleteOutcome Outcome, string? ItemId) CompleteUpload(string uploadId, Func<Stream, bool> isAgeFile) =>
        store.CompleteUpload(uploadId, isAgeFile);

    /// <inheritdoc cref="PortalDatabase.RemoveExpiredUploads"/>
    public int RemoveExpiredUploads() => store.RemoveExpiredUploads();
}

using LiteDB;

namespace WhistleSubmit.Portal.Store;

/// <summary>
/// The transfer side's one door to the store (the reviewers' interface and the admin verbs): export, reply import,
/// confirmed deletion and status, retention, and (in its own files) reviewer accounts and the audit log. Nothing a source does goes through
/// here; that is <see cref="SourceStore"/>. Every method that changes something returns once the change is durable.
/// </summary>
public sealed partial class TransferStore(PortalDatabase database)
{
    public StoreOptions Options => database.Options;

    // Export, reply import, confirmation.

    /// <inheritdoc cref="PortalDatabase.ListUnexported"/>
    public IReadOnlyList<StoredItem> ListUnexported() => database.ListUnexported();

    /// <inheritdoc cref="PortalDatabase.OpenCiphertext"/>
    public Stream OpenCiphertext(string itemId) => database.OpenCiphertext(itemId);

    /// <inheritdoc cref="PortalDatabase.MarkExported"/>
    public void MarkExported(string bundleSha256, IReadOnlyList<string> itemIds) => database.MarkExported(bundleSha256, itemIds);

    /// <summary>Whether a reply's mailbox is here: a reply to an unknown mailbox is refused on import.</summary>
    public bool MailboxExists(string mailboxId) => database.MailboxExists(mailboxId);

    /// <inheritdoc cref="PortalDatabase.StoreReply"/>
    public bool StoreReply(string itemId, string mailboxId, Stream ciphertext) => database.StoreReply(itemId, mailboxId, ciphertext);

    /// <inheritdoc cref="PortalDatabase.DeleteConfirmed"/>
    public ConfirmOutcome? DeleteConfirmed(string bundleSha256, IReadOnlyCollection<string> itemIds) =>
        database.DeleteConfirmed(bundleSha256, itemIds);

    public StoreStatus Status() => database.Status();

    // Retention.

    /// <inheritdoc cref="PortalDatabase.ListItems"/>
    public IReadOnlyList<StoredItem> ListItems() => database.ListItems();

    /// <inheritdoc cref="PortalDatabase.ListPendingExports"/>
    public IReadOnlyList<PendingExport> ListPendingExports() => database.ListPendingExports();

    /// <inheritdoc cref="PortalDatabase.DeleteExpiredReplies"/>
    public IReadOnlyList<string> DeleteExpiredReplies(int readDays, int maxDays) => database.DeleteExpiredReplies(readDays, maxDays);

    private TimeProvider Time => database.Time;

    private string Today => database.Today;

    private T Read<T>(Func<ILiteDatabase, T> query) => database.Read(query);

    private T Write<T>(Func<ILiteDatabase, T> transaction) => database.Write(transaction);
}

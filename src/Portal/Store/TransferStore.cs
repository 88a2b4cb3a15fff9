namespace WhistleSubmit.Portal.Store;

/// <summary>
/// The transfer side's one door to the store (the reviewers' interface and the admin verbs): export, reply import,
/// confirmed deletion and status, retention, reviewer accounts and the audit log. Nothing a source does goes through
/// here; that is <see cref="SourceStore"/>. Every method that changes something returns once the change is durable.
/// </summary>
public sealed class TransferStore(PortalDatabase database)
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

    // Reviewer accounts.

    public ReviewerAccount? FindReviewer(string name) => database.FindReviewer(name);

    public IReadOnlyList<ReviewerAccount> ListReviewers() => database.ListReviewers();

    /// <inheritdoc cref="PortalDatabase.AddReviewer"/>
    public bool AddReviewer(ReviewerAccount account) => database.AddReviewer(account);

    /// <inheritdoc cref="PortalDatabase.ReplaceReviewer"/>
    public bool ReplaceReviewer(ReviewerAccount account) => database.ReplaceReviewer(account);

    public bool RemoveReviewer(string name) => database.RemoveReviewer(name);

    /// <inheritdoc cref="PortalDatabase.AcceptLogin"/>
    public bool AcceptLogin(string name, string stamp, long totpStep) => database.AcceptLogin(name, stamp, totpStep);

    /// <inheritdoc cref="PortalDatabase.RecordLoginFailure"/>
    public ReviewerAccount? RecordLoginFailure(string name, Func<int, TimeSpan?> lockFor) => database.RecordLoginFailure(name, lockFor);

    /// <inheritdoc cref="PortalDatabase.ChangeReviewerPassword"/>
    public bool ChangeReviewerPassword(string name, string oldStamp, string passwordHash, string newStamp) =>
        database.ChangeReviewerPassword(name, oldStamp, passwordHash, newStamp);

    // Audit log.

    /// <inheritdoc cref="PortalDatabase.AppendAudit"/>
    public AuditEntry AppendAudit(string account, string action, string detail) => database.AppendAudit(account, action, detail);

    /// <inheritdoc cref="PortalDatabase.ListAudit"/>
    public IReadOnlyList<AuditEntry> ListAudit(int max) => database.ListAudit(max);

    /// <inheritdoc cref="PortalDatabase.VerifyAuditChain"/>
    public bool VerifyAuditChain() => database.VerifyAuditChain();
}

namespace WhistleSubmit.Portal.Features.SourceStore;

/// <summary>
/// What the no-JavaScript pages need from the portal store (docs/PORTAL.md#store), as a narrow seam: the pages stay
/// testable without LiteDB, and the store owner's PortalStore is adapted to it in one place. Every method is durable
/// when it returns; failures are <see cref="SourceStoreException"/>.
/// </summary>
public interface ISourceStore
{
    bool MailboxExists(string mailboxId);

    void EnsureMailbox(string mailboxId);

    /// <summary>Stores ciphertext read to its end; refuses more than <paramref name="maxBytes"/>; nothing is kept on failure.</summary>
    string StoreItem(SourceItemKind kind, string mailboxId, Stream ciphertext, long maxBytes);

    IReadOnlyList<SourceReply> ListReplies(string mailboxId);

    void MarkRepliesRead(string mailboxId);
}

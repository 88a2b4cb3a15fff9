using WhistleSubmit.Portal.Storage;

namespace WhistleSubmit.Portal.Features.SourceStore;

/// <summary>The portal's durable store seen through <see cref="ISourceStore"/>: same calls, refusals as <see cref="SourceStoreException"/>.</summary>
public sealed class PortalStoreSourceStore(PortalStore store) : ISourceStore
{
    public bool MailboxExists(string mailboxId) => store.MailboxExists(mailboxId);

    public void EnsureMailbox(string mailboxId) => Translate(() =>
    {
        store.EnsureMailbox(mailboxId);
        return true;
    });

    public string StoreItem(SourceItemKind kind, string mailboxId, Stream ciphertext, long maxBytes) =>
        Translate(() => store.StoreItem(kind == SourceItemKind.Submission ? ItemKind.Submission : ItemKind.Followup, mailboxId, ciphertext, maxBytes));

    public IReadOnlyList<SourceReply> ListReplies(string mailboxId) =>
        [.. store.ListReplies(mailboxId).Select(r => new SourceReply(r.Id, r.Day, r.Ciphertext))];

    public void MarkRepliesRead(string mailboxId) => Translate(() =>
    {
        store.MarkRepliesRead(mailboxId);
        return true;
    });

    private static T Translate<T>(Func<T> call)
    {
        try
        {
            return call();
        }
        catch (PortalStoreFullException e)
        {
            throw new SourceStoreException(SourceStoreProblem.Full, e);
        }
        catch (PortalStoreLimitException e)
        {
            throw new SourceStoreException(SourceStoreProblem.OverLimit, e);
        }
        catch (PortalStoreQuotaException e)
        {
            throw new SourceStoreException(SourceStoreProblem.MailboxQuota, e);
        }
    }
}

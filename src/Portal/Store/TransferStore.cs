using LiteDB;

namespace WhistleSubmit.Portal.Store;

/// <summary>
/// The transfer side's one door to the store (the reviewers' interface and the admin verbs), one file per concern:
/// export, reply import, confirmed deletion and status (.Export), retention (.Retention), reviewer accounts
/// (.Reviewers) and the audit log (.Audit). Nothing a source does goes through here; that is <see cref="SourceStore"/>.
/// The engine underneath is <see cref="PortalDatabase"/>. Every method that changes something returns once durable.
/// </summary>
public sealed partial class TransferStore(PortalDatabase database)
{
    private const string Mailboxes = PortalDatabase.Mailboxes;
    private const string Items = PortalDatabase.Items;
    private const string Uploads = PortalDatabase.Uploads;
    private const string Exports = PortalDatabase.Exports;

    // The SHA-256 of each bundle confirmed in full, so a second receipt for it is "already confirmed", not unknown.
    private const string ConfirmedExports = "confirmedExports";

    public StoreOptions Options => database.Options;

    /// <summary>Whether a reply's mailbox is here: a reply to an unknown mailbox is refused on import.</summary>
    public bool MailboxExists(string mailboxId) => database.MailboxExists(mailboxId);

    private TimeProvider Time => database.Time;

    private string Today => database.Today;

    private T Read<T>(Func<ILiteDatabase, T> query) => database.Read(query);

    private T Write<T>(Func<ILiteDatabase, T> transaction) => database.Write(transaction);

    private void Write(Action<ILiteDatabase> transaction) => database.Write(transaction);

    private void EnterUse() => database.EnterUse();

    private void ExitUse() => database.ExitUse();
}

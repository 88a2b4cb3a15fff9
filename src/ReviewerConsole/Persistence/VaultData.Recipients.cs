using LiteDB;
using WhistleSubmit.ReviewerConsole.Records;

namespace WhistleSubmit.ReviewerConsole.Persistence;

/// <summary>
/// The recipients recorded for each item at import (<see cref="VaultSchema.Recipients"/>). A collection of its own,
/// keyed by item id, so vaults made before it need no rewrite: an item without a record was imported before the check.
/// </summary>
internal sealed partial class VaultData
{
    public void InsertRecipients(RecipientRecord r) => Recipients.Insert(RecipientDocuments.ToDocument(r));

    public RecipientRecord? RecipientsOf(string itemId) =>
        Recipients.FindById(itemId) is { } doc ? RecipientDocuments.FromDocument(doc) : null;

    public IEnumerable<RecipientRecord> AllRecipients() => Recipients.FindAll().Select(RecipientDocuments.FromDocument);

    private ILiteCollection<BsonDocument> Recipients => db.GetCollection(VaultSchema.Recipients);
}

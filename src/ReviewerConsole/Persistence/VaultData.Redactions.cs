using LiteDB;
using WhistleSubmit.ReviewerConsole.Records;

namespace WhistleSubmit.ReviewerConsole.Persistence;

/// <summary>
/// Redaction marks (<see cref="VaultSchema.Redactions"/>), one document per case. Vaults made before redaction lack the
/// collection, which reads as no marks: nothing to migrate.
/// </summary>
internal sealed partial class VaultData
{
    public RedactionSet? RedactionsOf(string caseId) =>
        Redactions.FindById(caseId) is { } doc ? RedactionDocuments.FromDocument(doc) : null;

    public void SaveRedactions(RedactionSet set) => Redactions.Upsert(RedactionDocuments.ToDocument(set));

    private ILiteCollection<BsonDocument> Redactions => db.GetCollection(VaultSchema.Redactions);
}

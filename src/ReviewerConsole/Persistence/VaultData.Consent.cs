using LiteDB;
using WhistleSubmit.ReviewerConsole.Records;

namespace WhistleSubmit.ReviewerConsole.Persistence;

/// <summary>Consent answers (collection <see cref="VaultSchema.Consents"/>, keyed by the answer's item id).</summary>
internal sealed partial class VaultData
{
    public void InsertConsent(ConsentRecord consent) => Consents.Insert(new BsonDocument
    {
        ["_id"] = consent.ItemId,
        ["case"] = consent.CaseId,
        ["request"] = consent.RequestId,
        ["time"] = consent.Time,
        ["answers"] = new BsonArray(consent.Answers.Select(a => new BsonDocument { ["destination"] = a.Destination, ["answer"] = a.Answer })),
    });

    // No index on "case": a vault holds few answers, and a read-only verb must not create one.
    public IEnumerable<ConsentRecord> ConsentsOfCase(string caseId) => Consents.Find(Query.EQ("case", caseId)).Select(d => new ConsentRecord(
        d["_id"].AsString, d["case"].AsString, d["request"].AsString, d["time"].AsString,
        d["answers"].AsArray.Select(a => (a["destination"].AsString, a["answer"].AsString)).ToList()));

    private ILiteCollection<BsonDocument> Consents => db.GetCollection(VaultSchema.Consents);
}

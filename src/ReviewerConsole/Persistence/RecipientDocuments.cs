using LiteDB;
using WhistleSubmit.ReviewerConsole.Records;

namespace WhistleSubmit.ReviewerConsole.Persistence;

/// <summary>BsonDocument mapping of <see cref="RecipientRecord"/>, one per item, keyed by the item id.</summary>
internal static class RecipientDocuments
{
    public static BsonDocument ToDocument(RecipientRecord r) => new()
    {
        ["_id"] = r.ItemId,
        ["types"] = new BsonArray(r.StanzaTypes.Select(t => new BsonValue(t))),
        ["team"] = r.TeamSize,
    };

    public static RecipientRecord FromDocument(BsonDocument d) =>
        new(d["_id"].AsString, [.. d["types"].AsArray.Select(t => t.AsString)], d["team"].AsInt32);
}

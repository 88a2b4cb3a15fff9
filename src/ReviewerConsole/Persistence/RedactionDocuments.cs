using LiteDB;
using WhistleSubmit.ReviewerConsole.Records;

namespace WhistleSubmit.ReviewerConsole.Persistence;

/// <summary>BsonDocument mapping of <see cref="RedactionSet"/>: one document per case, keyed by the case id.</summary>
internal static class RedactionDocuments
{
    public static BsonDocument ToDocument(RedactionSet r) => new()
    {
        ["_id"] = r.CaseId,
        ["salt"] = r.Salt,
        ["last"] = r.LastNumber,
        ["marks"] = new BsonArray(r.Marks.Select(m => (BsonValue)new BsonDocument
        {
            ["number"] = m.Number,
            ["kind"] = m.Kind,
            ["time"] = m.Time,
            ["actor"] = m.Actor,
            ["text"] = Nullable(m.Text),
            ["item"] = Nullable(m.ItemId),
            ["field"] = Nullable(m.Field),
            ["from"] = Nullable(m.From),
            ["to"] = Nullable(m.To),
            ["attachment"] = Nullable(m.Attachment),
        })),
    };

    public static RedactionSet FromDocument(BsonDocument d) => new(
        d["_id"].AsString,
        d["salt"].AsBinary,
        d["last"].AsInt32,
        [.. d["marks"].AsArray.Select(v => v.AsDocument).Select(m => new RedactionMark(
            m["number"].AsInt32, m["kind"].AsString, m["time"].AsString, m["actor"].AsString, OptionalString(m["text"]), OptionalString(m["item"]),
            OptionalString(m["field"]), OptionalInt(m["from"]), OptionalInt(m["to"]), OptionalInt(m["attachment"])))]);

    private static BsonValue Nullable(string? s) => s is null ? BsonValue.Null : new BsonValue(s);

    private static BsonValue Nullable(int? i) => i is { } v ? new BsonValue(v) : BsonValue.Null;

    private static string? OptionalString(BsonValue v) => v.IsNull ? null : v.AsString;

    private static int? OptionalInt(BsonValue v) => v.IsNull ? null : v.AsInt32;
}

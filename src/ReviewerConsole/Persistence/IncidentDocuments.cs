using LiteDB;
using WhistleSubmit.ReviewerConsole.Records;

namespace WhistleSubmit.ReviewerConsole.Persistence;

/// <summary>BsonDocument mapping of incidents and releases (explicit, so the stored shape never changes by accident).</summary>
internal static class IncidentDocuments
{
    public static BsonDocument ToDocument(IncidentRecord i) => new()
    {
        ["_id"] = i.Id,
        ["origin"] = i.Origin,
        ["month"] = i.Month,
        ["state"] = Nullable(i.State),
        ["fieldOffice"] = Nullable(i.FieldOffice),
        ["facility"] = i.Facility,
        ["force"] = i.Force,
        ["injuries"] = i.Injuries is { } n ? new BsonValue(n) : BsonValue.Null,
        ["deaths"] = i.Deaths is { } d ? new BsonValue(d) : BsonValue.Null,
        ["citizens"] = i.CitizensDetained,
        ["categories"] = Strings(i.Categories),
        ["verification"] = i.Verification,
        ["summary"] = Nullable(i.Summary),
        ["assessment"] = Nullable(i.Assessment),
        ["citations"] = new BsonArray(i.Citations.Select(c => new BsonDocument { ["kind"] = c.Kind, ["reference"] = c.Reference })),
        ["cases"] = Strings(i.Cases),
        ["created"] = i.Created,
        ["updated"] = i.Updated,
    };

    public static IncidentRecord ToIncident(BsonDocument d) => new(
        d["_id"].AsString,
        d["origin"].AsString,
        d["month"].AsString,
        Optional(d["state"]),
        Optional(d["fieldOffice"]),
        d["facility"].AsString,
        d["force"].AsString,
        d["injuries"].IsNull ? null : d["injuries"].AsInt32,
        d["deaths"].IsNull ? null : d["deaths"].AsInt32,
        d["citizens"].AsString,
        StringList(d["categories"]),
        d["verification"].AsString,
        Optional(d["summary"]),
        Optional(d["assessment"]),
        [.. d["citations"].AsArray.Select(c => new Citation(c["kind"].AsString, c["reference"].AsString))],
        StringList(d["cases"]),
        d["created"].AsString,
        d["updated"].AsString);

    public static BsonDocument ToDocument(ReleaseRecord r) => new()
    {
        ["_id"] = r.Number,
        ["asOf"] = r.AsOf,
        ["sums"] = r.SumsSha256,
        ["published"] = r.Published,
        ["total"] = r.Total is { } t ? new BsonValue(t) : BsonValue.Null,
        ["tables"] = new BsonArray(r.Tables.Select(t => new BsonDocument
        {
            ["name"] = t.Name,
            ["cells"] = new BsonArray(t.Cells.Select(c => new BsonDocument
            {
                ["value"] = c.Value,
                ["count"] = c.Count is { } n ? new BsonValue(n) : BsonValue.Null,
            })),
        })),
    };

    public static ReleaseRecord ToRelease(BsonDocument d) => new(
        d["_id"].AsInt32,
        d["asOf"].AsString,
        d["sums"].AsString,
        d["published"].AsString,
        d["total"].IsNull ? null : d["total"].AsInt32,
        [.. d["tables"].AsArray.Select(t => new PublishedTable(
            t["name"].AsString,
            [.. t["cells"].AsArray.Select(c => new PublishedCell(c["value"].AsString, c["count"].IsNull ? null : c["count"].AsInt32))]))]);

    private static BsonValue Nullable(string? s) => s is null ? BsonValue.Null : new BsonValue(s);

    private static string? Optional(BsonValue v) => v.IsNull ? null : v.AsString;

    private static BsonArray Strings(IEnumerable<string> values) => new(values.Select(v => new BsonValue(v)));

    private static List<string> StringList(BsonValue v) => [.. v.AsArray.Select(x => x.AsString)];
}

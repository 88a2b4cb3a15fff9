using LiteDB;
using WhistleSubmit.ReviewerConsole.Records;

namespace WhistleSubmit.ReviewerConsole.Persistence;

/// <summary>BsonDocument mapping of the audit log's entries (explicit, so the stored shape never changes by accident).</summary>
internal static class AuditDocuments
{
    public static BsonDocument ToDocument(AuditEntry e) => new()
    {
        ["_id"] = e.Seq,
        ["time"] = e.Time,
        ["actor"] = e.Actor,
        ["action"] = e.Action,
        ["case"] = e.CaseId is null ? BsonValue.Null : new BsonValue(e.CaseId),
        ["item"] = e.ItemId is null ? BsonValue.Null : new BsonValue(e.ItemId),
        ["details"] = e.Details,
        ["prev"] = e.PrevHash,
        ["hash"] = e.Hash,
    };

    public static AuditEntry FromDocument(BsonDocument d) => new(
        d["_id"].AsInt64,
        d["time"].AsString,
        d["actor"].AsString,
        d["action"].AsString,
        d["case"].IsNull ? null : d["case"].AsString,
        d["item"].IsNull ? null : d["item"].AsString,
        d["details"].AsString,
        d["prev"].AsString,
        d["hash"].AsString,
        // Absent unless a destroyed case's entry was erased (issue 19).
        d.TryGetValue("erased", out BsonValue erased) && erased.IsBoolean && erased.AsBoolean);
}

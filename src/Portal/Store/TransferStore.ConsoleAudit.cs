using LiteDB;

namespace WhistleSubmit.Portal.Store;

/// <summary>
/// The console's audit-chain heads from signed import receipts (protocol v2, P6): the portal keeps each one with its
/// bundle and UTC day (00:00 of it: no time of day, issue 14), so reviewers can check that the receipts the portal acted on match their vault's audit log, and a
/// later look at the portal shows which state of the console confirmed what.
/// </summary>
public sealed partial class TransferStore
{
    private const string ConsoleAuditHeadsCollection = "consoleAuditHeads";

    /// <summary>Every recorded head, oldest first.</summary>
    public IReadOnlyList<ConsoleAuditHead> ConsoleAuditHeads() => Read(db =>
        db.GetCollection(ConsoleAuditHeadsCollection).Find(Query.All())
            .Select(d => new ConsoleAuditHead(d["bundle"].AsString, d["head"].AsString, DateTimeOffset.FromUnixTimeSeconds(d["time"].AsInt64)))
            .ToList());

    private void RecordConsoleAuditHead(ILiteDatabase db, string bundleSha256, string head)
    {
        var heads = db.GetCollection(ConsoleAuditHeadsCollection);
        var last = heads.FindOne(Query.All(Query.Descending));
        long next = last is null ? 1 : last["_id"].AsInt64 + 1;
        heads.Insert(new BsonDocument
        {
            ["_id"] = next,
            ["bundle"] = bundleSha256,
            ["head"] = head,
            ["time"] = new DateTimeOffset(Time.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero).ToUnixTimeSeconds(),
        });
    }
}

/// <summary>A console audit-chain head that a signed receipt carried, for the bundle it confirmed.</summary>
public sealed record ConsoleAuditHead(string BundleSha256, string Head, DateTimeOffset Time);

using LiteDB;
using WhistleSubmit.ReviewerConsole.Records;

namespace WhistleSubmit.ReviewerConsole.Persistence;

/// <summary>
/// The vault's persistence, typed: every read and write of the store's collections, inside one store transaction
/// (a <c>DurableStore.Read</c> or <c>Write</c>; get one from <c>VaultSession.Read</c>/<c>Write</c>). Services see
/// records, never documents or collection names. This part: meta, audit log, keys; cases, items, notes and replies
/// are in VaultData.Cases.cs.
/// </summary>
internal sealed partial class VaultData(ILiteDatabase db)
{
    private const string ItemSequenceId = "item-seq";
    private const string AuditHeadId = "audit-head";

    /// <summary>Created once, at init: creating an index later would write to the store in a read-only verb.</summary>
    public void EnsureIndexes() => VaultSchema.EnsureIndexes(db);

    /// <summary>Moves a vault made by an older version to the current schema (<see cref="VaultSchema.Migrate"/>).</summary>
    public bool MigrateSchema() => VaultSchema.Migrate(db);

    /// <summary>The last item sequence number given out (0 before the first import).</summary>
    public long ItemSequence() => Meta.FindById(ItemSequenceId)?["value"].AsInt64 ?? 0;

    public void SetItemSequence(long sequence) => Meta.Upsert(new BsonDocument { ["_id"] = ItemSequenceId, ["value"] = sequence });

    /// <summary>The audit log's head as recorded in meta, or null before the first entry.</summary>
    public AuditHead? AuditHead() => Meta.FindById(AuditHeadId) is { } head ? new AuditHead(head["seq"].AsInt64, head["hash"].AsString) : null;

    /// <summary>Appends the entry and moves the head to it.</summary>
    public void AppendAudit(AuditEntry entry)
    {
        Audit.Insert(AuditDocuments.ToDocument(entry));
        Meta.Upsert(new BsonDocument { ["_id"] = AuditHeadId, ["seq"] = entry.Seq, ["hash"] = entry.Hash });
    }

    /// <summary>Every entry about one case, in store order.</summary>
    public IEnumerable<AuditEntry> AuditOfCase(string caseId) =>
        Audit.Find(BsonExpression.Create("case = @0", caseId)).Select(AuditDocuments.FromDocument);

    /// <summary>The whole log, by entry number.</summary>
    public IEnumerable<AuditEntry> AuditEntries() => Audit.Find(Query.All("_id", Query.Ascending)).Select(AuditDocuments.FromDocument);

    public bool KeyExists(string name) => Keys.Exists(Query.EQ("_id", name));

    public void InsertKey(VaultKey key) => Keys.Insert(KeyDocuments.ToDocument(key));

    public IEnumerable<VaultKey> AllKeys() => Keys.FindAll().Select(KeyDocuments.FromDocument);

    private ILiteCollection<BsonDocument> Meta => db.GetCollection(VaultSchema.Meta);

    private ILiteCollection<BsonDocument> Audit => db.GetCollection(VaultSchema.Audit);

    private ILiteCollection<BsonDocument> Keys => db.GetCollection(VaultSchema.Keys);
}

using LiteDB;

namespace WhistleSubmit.ReviewerConsole.Persistence;

/// <summary>
/// The store's collections. Documents are BsonDocuments mapped by hand in this folder's *Documents classes; only
/// <see cref="VaultData"/> opens a collection.
/// </summary>
internal static class VaultSchema
{
    public const string Meta = "meta";
    public const string Keys = "keys";
    public const string Cases = "cases";
    public const string Items = "items";
    public const string Notes = "notes";
    public const string Replies = "replies";
    public const string Audit = "audit";

    /// <summary>
    /// Added with protocol v2 (issue 13 P4): each item's recipient stanza types and the team size at import, keyed by
    /// item id (needs no index beyond _id). Older vaults simply lack it: the migration is that their items have no
    /// record until the next import records them from their evidence files (RecipientCheck).
    /// </summary>
    public const string Recipients = "recipients";

    /// <summary>Created once, at init: creating an index later would write to the store in a read-only verb.</summary>
    public static void EnsureIndexes(ILiteDatabase db)
    {
        db.GetCollection(Cases).EnsureIndex("mailbox", unique: true);
        db.GetCollection(Items).EnsureIndex("case");
        db.GetCollection(Notes).EnsureIndex("case");
        db.GetCollection(Replies).EnsureIndex("case");
        db.GetCollection(Replies).EnsureIndex("exported");
        db.GetCollection(Audit).EnsureIndex("case");
    }
}

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

    /// <summary>
    /// Added with the incident register (issue 17): incidents and the releases published from them, keyed by _id only.
    /// Older vaults lack both collections, which reads as an empty register: nothing to migrate.
    /// </summary>
    public const string Incidents = "incidents";

    /// <inheritdoc cref="Incidents"/>
    public const string Releases = "releases";

    /// <summary>
    /// Added with redaction (issue 19): each case's redaction marks and hash salt, keyed by case id. Older vaults lack
    /// it, which reads as no marks: nothing to migrate.
    /// </summary>
    public const string Redactions = "redactions";

    /// <summary>
    /// Added with consent requests (issue 19): the sources' consent answers, keyed by the answer's item id. Older vaults
    /// lack it, which reads as no answers: nothing to migrate.
    /// </summary>
    public const string Consents = "consents";

    /// <summary>
    /// Added with retention (issue 19): per-case retention periods and legal holds, keyed by case id. Older vaults
    /// lack it: every case follows the vault's default.
    /// </summary>
    public const string RetentionCollection = "retention";

    /// <summary>
    /// Added with destruction (issue 19): one document per item of a destroyed case (its id, ciphertext SHA-256 and
    /// the tombstone's audit entry), so the same item cannot come back in a later bundle; plus the pending-erasure
    /// record while a destruction finishes (docs/CONSOLE.md#retention-and-destruction).
    /// </summary>
    public const string Destroyed = "destroyed";

    /// <summary>The shape <see cref="EnsureIndexes"/> makes; vaults made before it are moved up by <see cref="Migrate"/>.</summary>
    public const int Version = 2;

    private const string VersionId = "schema";

    /// <summary>Created once, at init: creating an index later would write to the store in a read-only verb.</summary>
    public static void EnsureIndexes(ILiteDatabase db)
    {
        // Not unique since v2: a case opened with another case proof on a known mailbox id shares it (a conflict).
        db.GetCollection(Cases).EnsureIndex("mailbox");
        db.GetCollection(Cases).EnsureIndex("proof");
        db.GetCollection(Meta).Upsert(new BsonDocument { ["_id"] = VersionId, ["value"] = Version });
        db.GetCollection(Items).EnsureIndex("case");
        db.GetCollection(Notes).EnsureIndex("case");
        db.GetCollection(Replies).EnsureIndex("case");
        db.GetCollection(Replies).EnsureIndex("exported");
        db.GetCollection(Audit).EnsureIndex("case");
    }

    /// <summary>
    /// Brings a vault made by an older version to <see cref="Version"/>, inside the caller's write transaction (import
    /// calls it first; read-only verbs read either shape). Version 1 (no schema entry) had a unique mailbox index on
    /// cases: it is replaced by a plain one, and the proof index added. Its cases and items need no rewrite: a case
    /// without a proof is a v1 case and an item without flags a v1 item.
    /// </summary>
    /// <returns>Whether anything changed.</returns>
    public static bool Migrate(ILiteDatabase db)
    {
        var meta = db.GetCollection(Meta);
        if (meta.FindById(VersionId) is { } stored && stored["value"].AsInt32 >= Version)
        {
            return false;
        }

        db.GetCollection(Cases).DropIndex("mailbox");
        EnsureIndexes(db);
        return true;
    }
}

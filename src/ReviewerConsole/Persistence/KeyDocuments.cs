using LiteDB;
using WhistleSubmit.ReviewerConsole.Records;

namespace WhistleSubmit.ReviewerConsole.Persistence;

/// <summary>BsonDocument mapping of the reviewer keys the vault lists (explicit, so the stored shape never changes by accident).</summary>
internal static class KeyDocuments
{
    public static BsonDocument ToDocument(VaultKey key) => new()
    {
        ["_id"] = key.Name,
        ["recipient"] = key.Recipient,
        ["fingerprint"] = key.Fingerprint,
        ["created"] = key.Created,
    };

    public static VaultKey FromDocument(BsonDocument d) =>
        new(d["_id"].AsString, d["recipient"].AsString, d["fingerprint"].AsString, d["created"].AsString);
}

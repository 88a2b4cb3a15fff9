using LiteDB;
using WhistleSubmit.ReviewerConsole.Records;

namespace WhistleSubmit.ReviewerConsole.Persistence;

/// <summary>BsonDocument mapping of the team key record, kept in meta under one id (explicit, so the stored shape never changes by accident).</summary>
internal static class TeamKeyDocuments
{
    public const string Id = "team-key";

    public static BsonDocument ToDocument(TeamKeyRecord key) => new()
    {
        ["_id"] = Id,
        ["publicKey"] = key.PublicKey,
        ["fingerprint"] = key.Fingerprint,
        ["created"] = key.Created,
    };

    public static TeamKeyRecord FromDocument(BsonDocument d) =>
        new(d["publicKey"].AsString, d["fingerprint"].AsString, d["created"].AsString);
}

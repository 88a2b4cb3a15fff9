using LiteDB;
using WhistleSubmit.ReviewerConsole.Records;

namespace WhistleSubmit.ReviewerConsole.Persistence;

/// <summary>Cases, items, notes and replies.</summary>
internal sealed partial class VaultData
{
    public CaseRecord? FindCase(string id) => Cases.FindById(id) is { } doc ? CaseDocuments.ToCase(doc) : null;

    /// <summary>Every case whose id starts with <paramref name="prefix"/> (lower-case hex).</summary>
    public IReadOnlyList<CaseRecord> CasesStartingWith(string prefix) =>
        [.. Cases.Find(Query.StartsWith("_id", prefix)).Select(CaseDocuments.ToCase)];

    /// <summary>Every case with this mailbox id (more than one only after a conflict), oldest first.</summary>
    public IReadOnlyList<CaseRecord> CasesOfMailbox(string mailboxId) =>
        // Parameterised: Query.EQ puts the value into the expression text, which LiteDB then parses anew for every item.
        [.. Cases.Find(BsonExpression.Create("mailbox = @0", mailboxId)).Select(CaseDocuments.ToCase)
            .OrderBy(c => c.Opened, StringComparer.Ordinal).ThenBy(c => c.Id, StringComparer.Ordinal)];

    /// <summary>The v2 case with this case proof, or null.</summary>
    public CaseRecord? CaseOfProof(string proof) =>
        Cases.FindOne(BsonExpression.Create("proof = @0", proof)) is { } doc ? CaseDocuments.ToCase(doc) : null;

    public IEnumerable<CaseRecord> AllCases() => Cases.FindAll().Select(CaseDocuments.ToCase);

    public void InsertCase(CaseRecord c) => Cases.Insert(CaseDocuments.ToDocument(c));

    public void UpdateCase(CaseRecord c) => Cases.Update(CaseDocuments.ToDocument(c));

    public ItemRecord? FindItem(string id) => Items.FindById(id) is { } doc ? CaseDocuments.ToItem(doc) : null;

    public bool ItemExists(string id) => Items.FindById(id) is not null;

    public IEnumerable<ItemRecord> AllItems() => Items.FindAll().Select(CaseDocuments.ToItem);

    public IEnumerable<ItemRecord> ItemsOfCase(string caseId) => Items.Find(Query.EQ("case", caseId)).Select(CaseDocuments.ToItem);

    public IEnumerable<ItemRecord> Submissions() => Items.Find(Query.EQ("kind", ItemRecord.SubmissionKind)).Select(CaseDocuments.ToItem);

    /// <summary>Every item's id, plaintext hash and MinHash signature, without loading the documents.</summary>
    public List<ItemSignature> ItemSignatures() =>
        [.. Items.Query().Select(BsonExpression.Create("{ _id, plainSha256, minhash }")).ToList()
            .Select(d => new ItemSignature(d["_id"].AsString, d["plainSha256"].AsString, d["minhash"].AsBinary))];

    /// <param name="item">The item.</param>
    /// <param name="minHash">Its text's MinHash signature, kept for later duplicate detection.</param>
    public void InsertItem(ItemRecord item, byte[] minHash) => Items.Insert(CaseDocuments.ToDocument(item, minHash));

    /// <summary>Records on item <paramref name="id"/> that <paramref name="other"/> has identical plaintext (once).</summary>
    public void AddDuplicate(string id, string other) => AddToList(id, "duplicates", other);

    /// <summary>Records on item <paramref name="id"/> that <paramref name="other"/> is a near-duplicate (once).</summary>
    public void AddNearDuplicate(string id, string other) => AddToList(id, "nearDuplicates", other);

    public IEnumerable<NoteRecord> AllNotes() => Notes.FindAll().Select(CaseDocuments.ToNote);

    public IEnumerable<NoteRecord> NotesOfCase(string caseId) => Notes.Find(Query.EQ("case", caseId)).Select(CaseDocuments.ToNote);

    public void InsertNote(NoteRecord note) => Notes.Insert(CaseDocuments.ToDocument(note));

    /// <summary>Replies not yet written to a replies bundle.</summary>
    public IEnumerable<ReplyRecord> QueuedReplies() => Replies.Find(Query.EQ("exported", false)).Select(CaseDocuments.ToReply);

    public IEnumerable<ReplyRecord> RepliesOfCase(string caseId) => Replies.Find(Query.EQ("case", caseId)).Select(CaseDocuments.ToReply);

    public void InsertReply(ReplyRecord reply, byte[] ciphertext) => Replies.Insert(CaseDocuments.ToDocument(reply, ciphertext));

    public byte[] ReplyCiphertext(string id) => Replies.FindById(id)["ciphertext"].AsBinary;

    public void MarkReplyExported(string id, string time, string bundleSha256)
    {
        BsonDocument doc = Replies.FindById(id);
        doc["exported"] = time;
        doc["exportBundle"] = bundleSha256;
        Replies.Update(doc);
    }

    // On the document itself: the item record does not carry the stored MinHash signature.
    private void AddToList(string id, string field, string value)
    {
        BsonDocument doc = Items.FindById(id);
        BsonArray list = doc[field].AsArray;
        if (!list.Contains(value))
        {
            list.Add(value);
            Items.Update(doc);
        }
    }

    private ILiteCollection<BsonDocument> Cases => db.GetCollection(VaultSchema.Cases);

    private ILiteCollection<BsonDocument> Items => db.GetCollection(VaultSchema.Items);

    private ILiteCollection<BsonDocument> Notes => db.GetCollection(VaultSchema.Notes);

    private ILiteCollection<BsonDocument> Replies => db.GetCollection(VaultSchema.Replies);
}

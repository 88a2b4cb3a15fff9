using LiteDB;
using WhistleSubmit.Crypto.Bundles;
using WhistleSubmit.ReviewerConsole.Audit;
using WhistleSubmit.ReviewerConsole.Cases;
using WhistleSubmit.ReviewerConsole.Vault;

namespace WhistleSubmit.ReviewerConsole.Import;

/// <summary>
/// The one store transaction of an import: items, the cases they open or join (one case per source mailbox), the
/// duplicate and near-duplicate flags in both directions, and the audit entries.
/// </summary>
internal static class ImportTransaction
{
    private const string ItemSequenceId = "item-seq";

    /// <returns>The ids of the cases opened.</returns>
    public static IReadOnlyList<string> Apply(ILiteDatabase db, VaultSession vault, IReadOnlyList<StagedItem> staged, string bundleSha256,
        DateOnly bundleCreated, int alreadyPresent)
    {
        var cases = db.GetCollection(VaultSchema.Cases);
        var items = db.GetCollection(VaultSchema.Items);
        var meta = db.GetCollection(VaultSchema.Meta);
        long sequence = meta.FindById(ItemSequenceId)?["value"].AsInt64 ?? 0;
        string now = vault.Now();
        var opened = new List<string>();

        // Everything already in the vault, for duplicate detection: id, plaintext hash, signature (texts on demand).
        var known = items.Query().Select(BsonExpression.Create("{ _id, plainSha256, minhash }")).ToList().Select(d => new Known(d["_id"].AsString, d["plainSha256"].AsString, d["minhash"].AsBinary, null)).ToList();

        foreach (StagedItem s in staged)
        {
            // Parameterised: Query.EQ puts the value into the expression text, which LiteDB then parses anew for every item.
            BsonDocument? caseDoc = cases.FindOne(BsonExpression.Create("mailbox = @0", s.Item.MailboxId));
            CaseRecord record;
            if (caseDoc is null)
            {
                record = new CaseRecord(BundleItem.NewId(), s.Item.MailboxId, CaseStatus.New, null, null, [], now, now, s.Report?.ReplyRecipient);
                cases.Insert(CaseDocuments.ToDocument(record));
                opened.Add(record.Id);
                AuditLog.Append(db, vault, AuditActions.CaseOpen, record.Id, null, "case opened for a new source");
            }
            else
            {
                CaseRecord existing = CaseDocuments.ToCase(caseDoc);
                record = existing with { Updated = now, ReplyRecipient = existing.ReplyRecipient ?? s.Report?.ReplyRecipient };
                cases.Update(CaseDocuments.ToDocument(record));
            }

            string mainText = Documents.MainText(s.Report, s.Message);
            HashSet<ulong> shingles = Similarity.Shingles(mainText);
            byte[] signature = Similarity.Signature(shingles);
            var duplicates = new List<string>();
            var near = new List<string>();
            foreach (Known other in known)
            {
                if (other.PlaintextSha256 == s.PlaintextSha256)
                {
                    duplicates.Add(other.Id);
                }
                else if (Similarity.Estimate(signature, other.Signature) >= Similarity.CandidateThreshold
                    && Similarity.Jaccard(shingles, other.Shingles ?? Similarity.Shingles(TextOf(items, other.Id))) >= Similarity.NearThreshold)
                {
                    near.Add(other.Id);
                }
            }

            string kind = s.Item.Kind == BundleItemKind.Submission ? ItemRecord.SubmissionKind : ItemRecord.FollowupKind;
            var item = new ItemRecord(
                s.Item.Id, record.Id, s.Item.MailboxId, kind, ++sequence, bundleSha256, bundleCreated.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                now, vault.Actor, s.CiphertextSize, s.CiphertextSha256, s.PlaintextSize, s.PlaintextSha256,
                s.Report is not null ? Documents.Serialize(s.Report) : Documents.Serialize(s.Message!),
                Documents.SearchText(s.Report, s.Message), Documents.CategoryIds(s.Report), s.Attachments, duplicates, near);
            items.Insert(CaseDocuments.ToDocument(item, signature));
            Link(items, duplicates, item.Id, "duplicates");
            Link(items, near, item.Id, "nearDuplicates");
            known.Add(new Known(item.Id, item.PlaintextSha256, signature, shingles));

            AuditLog.Append(db, vault, AuditActions.ImportItem, record.Id, item.Id,
                $"{kind}, {item.Attachments.Count} attachments, ciphertext {item.CiphertextSize} bytes SHA-256 {item.CiphertextSha256}, "
                + $"plaintext SHA-256 {item.PlaintextSha256}");
        }

        meta.Upsert(new BsonDocument { ["_id"] = ItemSequenceId, ["value"] = sequence });
        AuditLog.Append(db, vault, AuditActions.ImportBundle, null, null,
            $"bundle SHA-256 {bundleSha256}: {staged.Count} new items, {alreadyPresent} already in the vault");
        return opened;
    }

    private static string TextOf(ILiteCollection<BsonDocument> items, string id)
    {
        BsonDocument doc = items.FindById(id);
        return Documents.MainText(
            doc["kind"].AsString == ItemRecord.SubmissionKind ? Documents.Report(CaseDocuments.ToItem(doc)) : null,
            doc["kind"].AsString == ItemRecord.FollowupKind ? Documents.Message(CaseDocuments.ToItem(doc)) : null);
    }

    // Flags go both ways: the earlier item learns about the later one.
    private static void Link(ILiteCollection<BsonDocument> items, List<string> others, string id, string field)
    {
        foreach (string other in others)
        {
            BsonDocument doc = items.FindById(other);
            BsonArray list = doc[field].AsArray;
            if (!list.Contains(id))
            {
                list.Add(id);
                items.Update(doc);
            }
        }
    }

    private sealed record Known(string Id, string PlaintextSha256, byte[] Signature, HashSet<ulong>? Shingles);
}

using System.Globalization;
using WhistleSubmit.Crypto.Bundles;
using WhistleSubmit.ReviewerConsole.Audit;
using WhistleSubmit.ReviewerConsole.Persistence;
using WhistleSubmit.ReviewerConsole.Records;
using WhistleSubmit.ReviewerConsole.Vault;

namespace WhistleSubmit.ReviewerConsole.Cases;

/// <summary>
/// Takes new items into cases, inside the caller's store transaction (an import's): each item opens or joins the case
/// <see cref="CaseMatching"/> decides on its case proof (flags included), is numbered, compared with every item already in the vault
/// (identical plaintext: duplicate; similar main text: near-duplicate, flagged in both directions), and stored, each
/// step with its audit entry. <see cref="Complete"/> records the last item number.
/// </summary>
internal sealed class CaseIntake
{
    private readonly VaultData data;
    private readonly VaultSession vault;
    private readonly string bundleSha256;
    private readonly string bundleCreated;
    private readonly string now;
    private readonly List<Known> known;
    private readonly HashSet<string> opened = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> newMessages = new(StringComparer.Ordinal);
    private readonly List<(string ItemId, string CaseId, ItemFlag Flag)> flagged = [];
    private int v1Items;
    private long sequence;

    /// <param name="data">The import's store transaction.</param>
    /// <param name="vault">The open vault (actor and clock).</param>
    /// <param name="bundleSha256">The bundle the items came in.</param>
    /// <param name="bundleCreated">The bundle's creation date.</param>
    public CaseIntake(VaultData data, VaultSession vault, string bundleSha256, DateOnly bundleCreated)
    {
        this.data = data;
        this.vault = vault;
        this.bundleSha256 = bundleSha256;
        this.bundleCreated = bundleCreated.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        sequence = data.ItemSequence();
        now = vault.Now();

        // Everything already in the vault, for duplicate detection: id, plaintext hash, signature (texts on demand).
        known = [.. data.ItemSignatures().Select(s => new Known(s.Id, s.PlaintextSha256, s.MinHash, null))];
    }

    /// <summary>Per case that existed before this intake: how many items joined it (to announce, and unread until read).</summary>
    public IReadOnlyDictionary<string, int> NewMessages => newMessages;

    /// <summary>Every case-proof flag raised by this intake but "v1", with its item and case, in order (for the import's output).</summary>
    public IReadOnlyList<(string ItemId, string CaseId, ItemFlag Flag)> Flagged => flagged;

    /// <summary>How many items of this intake were v1 (grouping not proven).</summary>
    public int V1Items => v1Items;

    /// <returns>The id of the case the item opened, or null if it joined an open one.</returns>
    public string? Admit(IntakeItem s)
    {
        CaseRecord record;
        string? opened = null;
        CaseMatching.Decision decision = CaseMatching.Decide(data, s);
        if (decision.Existing is not { } existing)
        {
            record = new CaseRecord(BundleItem.NewId(), decision.MailboxId, CaseStatus.New, null, null, [], now, now, decision.ReplyRecipient,
                Proof: decision.Proof, Conflicts: []);
            data.InsertCase(record);
            opened = record.Id;
            this.opened.Add(record.Id);
            Audit(AuditActions.CaseOpen, record.Id, null, decision.Proof is null
                ? "case opened for a new source (v1: grouping not proven)"
                : $"case opened for a new source, case proof {decision.Proof}");
            foreach (CaseRecord other in decision.Conflicting)
            {
                // Both ways, like duplicates: the older case learns that another claims its mailbox.
                CaseRecord current = data.FindCase(other.Id)!;
                data.UpdateCase(current with { Conflicts = [.. current.ConflictingCases, record.Id] });
                Audit(AuditActions.CaseConflict, other.Id, null, $"case {record.ShortId} opened on this case's mailbox id with another case proof; not merged");
            }
        }
        else
        {
            // A case opened by this same import is announced as new; only older cases get unread messages.
            bool older = !this.opened.Contains(existing.Id);
            record = existing with
            {
                Updated = now,
                ReplyRecipient = decision.ReplyRecipient,
                Unread = existing.Unread + (older ? 1 : 0),
            };
            data.UpdateCase(record);
            if (older)
            {
                newMessages[record.Id] = newMessages.GetValueOrDefault(record.Id) + 1;
            }
        }

        flagged.AddRange(decision.Flags.Where(f => f.Kind != ItemFlag.V1Unproven).Select(f => (s.Id, record.Id, f)));
        if (decision.Flags.Any(f => f.Kind == ItemFlag.V1Unproven))
        {
            v1Items++;
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
                && Similarity.Jaccard(shingles, other.Shingles ?? Similarity.Shingles(TextOf(other.Id))) >= Similarity.NearThreshold)
            {
                near.Add(other.Id);
            }
        }

        string kind = s.Kind == BundleItemKind.Submission ? ItemRecord.SubmissionKind : ItemRecord.FollowupKind;
        var item = new ItemRecord(
            s.Id, record.Id, s.MailboxId, kind, ++sequence, bundleSha256, bundleCreated,
            now, vault.Actor, s.CiphertextSize, s.CiphertextSha256, s.PlaintextSize, s.PlaintextSha256,
            // The case key is a bearer secret (whoever holds it can file items into the case as proven): only its
            // proof is kept; the evidence file still holds the key, encrypted.
            s.Report is not null ? Documents.Serialize(s.Report with { CaseKey = null }) : Documents.Serialize(s.Message! with { CaseKey = null }),
            Documents.SearchText(s.Report, s.Message), Documents.CategoryIds(s.Report), s.Attachments, duplicates, near, decision.Flags);
        data.InsertItem(item, signature);
        if (s.Consent is not null)
        {
            ConsentService.Record(data, vault.Actor, now, record.Id, item.Id, s.Consent);
        }

        // Flags go both ways: the earlier item learns about the later one.
        duplicates.ForEach(other => data.AddDuplicate(other, item.Id));
        near.ForEach(other => data.AddNearDuplicate(other, item.Id));
        known.Add(new Known(item.Id, item.PlaintextSha256, signature, shingles));

        Audit(AuditActions.ImportItem, record.Id, item.Id,
            $"{kind}, {item.Attachments.Count} attachments, ciphertext {item.CiphertextSize} bytes SHA-256 {item.CiphertextSha256}, "
            + $"plaintext SHA-256 {item.PlaintextSha256}"
            + string.Concat(decision.Flags.Select(f => $"; flag {f.Kind}{(f.Detail is null ? string.Empty : " " + f.Detail)}")));
        return opened;
    }

    /// <summary>Records the last item number given out; call once, after the last <see cref="Admit"/>.</summary>
    public void Complete() => data.SetItemSequence(sequence);

    private void Audit(string action, string? caseId, string? itemId, string details) =>
        AuditLog.Append(data, vault.Actor, vault.Now(), action, caseId, itemId, details);

    private string TextOf(string id)
    {
        ItemRecord item = data.FindItem(id)!;
        return Documents.MainText(
            item.Kind == ItemRecord.SubmissionKind ? Documents.Report(item) : null,
            item.Kind == ItemRecord.FollowupKind ? Documents.Message(item) : null);
    }

    private sealed record Known(string Id, string PlaintextSha256, byte[] Signature, HashSet<ulong>? Shingles);
}

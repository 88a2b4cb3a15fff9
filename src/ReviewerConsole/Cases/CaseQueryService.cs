using WhistleSubmit.ReviewerConsole.Audit;
using WhistleSubmit.ReviewerConsole.Records;
using WhistleSubmit.ReviewerConsole.Retention;
using WhistleSubmit.ReviewerConsole.Shared;
using WhistleSubmit.ReviewerConsole.Vault;

namespace WhistleSubmit.ReviewerConsole.Cases;

/// <summary>Reading cases: resolve a typed id, list with filters and search, and load one case whole. Never writes.</summary>
internal static class CaseQueryService
{
    public const int MinIdPrefix = 4;
    private const int SummaryLength = 60;

    /// <summary>Finds the case whose id starts with <paramref name="typed"/> (at least 4 hex digits, any case).</summary>
    public static CaseRecord Resolve(VaultSession vault, string typed)
    {
        string prefix = typed.Trim().ToLowerInvariant();
        if (prefix.Length < MinIdPrefix || prefix.Length > 32 || !prefix.All(char.IsAsciiHexDigit))
        {
            throw new CliException($"\"{TerminalText.Line(typed, 40)}\" is not a case id",
                $"case ids are hex, like 3f2a9b10; type at least {MinIdPrefix} characters ('whistle-review list' shows them)");
        }

        IReadOnlyList<CaseRecord> matches = vault.Read(data => data.CasesStartingWith(prefix));
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new CliException($"no case has the id {prefix}", "'whistle-review list' shows the case ids"),
            _ => throw new CliException($"{prefix} matches {matches.Count} cases", "type more characters of the id"),
        };
    }

    public static IReadOnlyList<CaseSummary> List(VaultSession vault, CaseFilter filter) => vault.Read(data =>
    {
        var items = data.AllItems().ToLookup(i => i.CaseId);
        var notes = data.AllNotes().ToLookup(n => n.CaseId);
        var queued = data.QueuedReplies().ToLookup(r => r.CaseId);
        var recipients = data.AllRecipients().ToDictionary(r => r.ItemId, StringComparer.Ordinal);
        var retention = RetentionService.All(data, RetentionService.Today(vault));
        var result = new List<CaseSummary>();
        foreach (CaseRecord c in data.AllCases())
        {
            var caseItems = items[c.Id].OrderBy(i => i.Sequence).ToList();
            var caseNotes = notes[c.Id].ToList();
            IReadOnlyList<string> categories = [.. caseItems.SelectMany(i => i.Categories).Distinct(StringComparer.Ordinal)];
            if ((filter.Status is { } status && c.Status != status)
                || (filter.Category is { } category && !categories.Contains(category, StringComparer.Ordinal))
                || (filter.Search is { Length: > 0 } search && !Matches(search, c, caseItems, caseNotes)))
            {
                continue;
            }

            ItemRecord? first = caseItems.FirstOrDefault(i => i.IsSubmission) ?? caseItems.FirstOrDefault();
            result.Add(new CaseSummary(
                c,
                caseItems.Count(i => i.IsSubmission),
                caseItems.Count(i => !i.IsSubmission),
                caseItems.Sum(i => i.Attachments.Count),
                caseNotes.Count,
                queued[c.Id].Count(),
                categories,
                first is null ? string.Empty : TerminalText.Line(Documents.MainText(
                    first.IsSubmission ? Documents.Report(first) : null, first.IsSubmission ? null : Documents.Message(first)), SummaryLength),
                caseItems.Any(i => i.Duplicates.Count > 0),
                caseItems.Any(i => i.NearDuplicates.Count > 0),
                ProofLabels(c, caseItems))
            {
                RecipientWarning = caseItems.Select(i => recipients.GetValueOrDefault(i.Id)?.Warning).FirstOrDefault(w => w is not null),
                Retention = retention.GetValueOrDefault(c.Id),
            });
        }

        return result.OrderBy(s => s.Case.Opened, StringComparer.Ordinal).ThenBy(s => s.Case.Id, StringComparer.Ordinal).ToList();
    });

    public static CaseDetail Get(VaultSession vault, string caseId) => vault.Read(data =>
    {
        CaseRecord c = data.FindCase(caseId) ?? throw new CliException("no case has that id");
        var items = data.ItemsOfCase(caseId).OrderBy(i => i.Sequence).ToList();
        var notes = data.NotesOfCase(caseId).OrderBy(n => n.Time, StringComparer.Ordinal).ToList();
        var replies = data.RepliesOfCase(caseId).OrderBy(r => r.Time, StringComparer.Ordinal).ToList();
        var caseOfItem = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string other in items.SelectMany(i => i.Duplicates.Concat(i.NearDuplicates)).Distinct(StringComparer.Ordinal))
        {
            if (data.FindItem(other) is { } item)
            {
                caseOfItem[other] = item.CaseId[..CaseRecord.ShortIdLength];
            }
        }

        var recipients = new Dictionary<string, RecipientRecord>(StringComparer.Ordinal);
        foreach (ItemRecord item in items)
        {
            if (data.RecipientsOf(item.Id) is { } r)
            {
                recipients[item.Id] = r;
            }
        }

        return new CaseDetail(c, items, notes, replies, AuditLog.ForCase(data, caseId), caseOfItem)
        {
            Recipients = recipients,
            Consents = data.ConsentsOfCase(caseId).ToList(),
            Retention = RetentionStatus.Of(data.RetentionOf(caseId), data.RetentionSettings(), c.Updated, RetentionService.Today(vault)),
        };
    });

    // v1 first, then the warnings in a fixed order; a case that others conflict with is flagged too.
    private static IReadOnlyList<string> ProofLabels(CaseRecord c, List<ItemRecord> items)
    {
        var kinds = items.SelectMany(i => i.ProofFlags).Select(f => f.Kind).ToHashSet(StringComparer.Ordinal);
        if (c.ConflictingCases.Count > 0)
        {
            kinds.Add(ItemFlag.Conflict);
        }

        string[] order = [ItemFlag.V1Unproven, ItemFlag.Conflict, ItemFlag.Routed, ItemFlag.OtherReplyKey, ItemFlag.OtherMailbox];
        return [.. order.Where(kinds.Contains).Select(ProofFlagText.Label)];
    }

    private static bool Matches(string search, CaseRecord c, List<ItemRecord> items, List<NoteRecord> notes) =>
        items.Any(i => i.Text.Contains(search, StringComparison.OrdinalIgnoreCase))
        || notes.Any(n => n.Text.Contains(search, StringComparison.OrdinalIgnoreCase))
        || c.Tags.Any(t => t.Contains(search, StringComparison.OrdinalIgnoreCase));
}

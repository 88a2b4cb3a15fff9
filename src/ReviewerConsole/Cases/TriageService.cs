using System.Globalization;
using WhistleSubmit.Crypto.Bundles;
using WhistleSubmit.ReviewerConsole.Audit;
using WhistleSubmit.ReviewerConsole.Records;
using WhistleSubmit.ReviewerConsole.Shared;
using WhistleSubmit.ReviewerConsole.Vault;

namespace WhistleSubmit.ReviewerConsole.Cases;

/// <summary>
/// Changes to a case's triage record and notes. Each change and its audit entry (the case's history) are one store
/// transaction; a triage that changes nothing writes nothing.
/// </summary>
internal static class TriageService
{
    public const int MaxNoteLength = 20_000;
    public const int MaxNameLength = 64;
    public const int MaxTags = 50;

    /// <returns>The history entries written, one per field that changed (empty when nothing changed).</returns>
    public static IReadOnlyList<AuditEntry> Triage(VaultSession vault, string caseId, TriageChange change)
    {
        Validate(change);
        return vault.Write(data =>
        {
            CaseRecord before = data.FindCase(caseId) ?? throw new CliException("no case has that id");
            CaseRecord after = before;
            var entries = new List<AuditEntry>();
            void Log(string action, string details) => entries.Add(AuditLog.Append(data, vault.Actor, vault.Now(), action, caseId, null, details));

            if (change.Status is { } status && status != before.Status)
            {
                after = after with { Status = status };
                Log(AuditActions.CaseStatus, $"{CaseStatuses.Name(before.Status)} -> {CaseStatuses.Name(status)}");
            }

            if (change.Severity is { } severity && severity != before.Severity)
            {
                after = after with { Severity = severity };
                Log(AuditActions.CaseSeverity, string.Create(CultureInfo.InvariantCulture, $"{before.Severity?.ToString(CultureInfo.InvariantCulture) ?? "-"} -> {severity}"));
            }

            if (change.Assignee is { } assignee)
            {
                string? value = assignee.Trim().Length == 0 ? null : assignee.Trim();
                if (value != before.Assignee)
                {
                    after = after with { Assignee = value };
                    Log(AuditActions.CaseAssign, $"{before.Assignee ?? "-"} -> {value ?? "-"}");
                }
            }

            var tags = before.Tags.ToList();
            foreach (string tag in (change.AddTags ?? []).Select(Normalize).Distinct(StringComparer.Ordinal))
            {
                if (!tags.Contains(tag, StringComparer.Ordinal))
                {
                    tags.Add(tag);
                    Log(AuditActions.CaseTag, tag);
                }
            }

            foreach (string tag in (change.RemoveTags ?? []).Select(Normalize).Distinct(StringComparer.Ordinal))
            {
                if (tags.Remove(tag))
                {
                    Log(AuditActions.CaseUntag, tag);
                }
            }

            if (tags.Count > MaxTags)
            {
                throw new CliException($"a case can have at most {MaxTags} tags");
            }

            if (entries.Count > 0)
            {
                data.UpdateCase(after with { Tags = tags, Updated = vault.Now() });
            }

            return (IReadOnlyList<AuditEntry>)entries;
        });
    }

    /// <summary>
    /// Marks the case's new messages as read, once a reviewer has been shown them. Not audited: reading a case is not
    /// (the count is a reminder, not a record); a case with nothing unread is not written.
    /// </summary>
    public static void MarkRead(VaultSession vault, string caseId)
    {
        if (vault.Read(data => data.FindCase(caseId)?.Unread ?? 0) == 0)
        {
            return;
        }

        vault.Write(data =>
        {
            if (data.FindCase(caseId) is { Unread: > 0 } record)
            {
                data.UpdateCase(record with { Unread = 0 });
            }
        });
    }

    public static NoteRecord AddNote(VaultSession vault, string caseId, string text)
    {
        string trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            throw new CliException("the note is empty", "write the note as one argument, in quotes");
        }

        if (text.Length > MaxNoteLength || text.Any(c => char.IsControl(c) && c is not ('\n' or '\t' or '\r')))
        {
            throw new CliException($"a note is plain text of at most {MaxNoteLength:N0} characters", null);
        }

        return vault.Write(data =>
        {
            CaseRecord c = data.FindCase(caseId) ?? throw new CliException("no case has that id");
            var note = new NoteRecord(BundleItem.NewId(), caseId, vault.Now(), vault.Actor, trimmed);
            data.InsertNote(note);
            data.UpdateCase(c with { Updated = note.Time });
            AuditLog.Append(data, vault.Actor, vault.Now(), AuditActions.NoteAdd, caseId, null,
                string.Create(CultureInfo.InvariantCulture, $"note {note.Id[..8]} added ({trimmed.Length} characters)"));
            return note;
        });
    }

    private static void Validate(TriageChange change)
    {
        if (change.Severity is < 1 or > 5)
        {
            throw new CliException("severity is a number from 1 (low) to 5 (most serious)");
        }

        if (change.Assignee is { } a && (a.Trim().Length > MaxNameLength || a.Any(char.IsControl)))
        {
            throw new CliException($"an assignee is a name of at most {MaxNameLength} printable characters");
        }

        foreach (string tag in (change.AddTags ?? []).Concat(change.RemoveTags ?? []))
        {
            string n = Normalize(tag);
            if (n.Length is 0 or > 40 || !n.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                throw new CliException("a tag is 1 to 40 letters, digits, '-', '_' or '.'", "for example: --tag referral-oig");
            }
        }
    }

    private static string Normalize(string tag) => tag.Trim().ToLowerInvariant();
}

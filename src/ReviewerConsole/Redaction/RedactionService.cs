using System.Globalization;
using System.Security.Cryptography;
using WhistleSubmit.ReviewerConsole.Audit;
using WhistleSubmit.ReviewerConsole.Persistence;
using WhistleSubmit.ReviewerConsole.Records;
using WhistleSubmit.ReviewerConsole.Shared;
using WhistleSubmit.ReviewerConsole.Vault;

namespace WhistleSubmit.ReviewerConsole.Redaction;

/// <summary>
/// Marking and unmarking what the referral packet leaves out (docs/CONSOLE.md#redaction). Each change and its audit
/// entry are one store transaction; the entry names the mark's number, kind, item and field, never the text. Errors
/// never repeat the text either.
/// </summary>
internal static class RedactionService
{
    public const int MinTextLength = 2;
    public const int MaxTextLength = 1000;
    public const int MaxMarks = 1000;

    public static RedactionSet? Get(VaultSession vault, string caseId) => vault.Read(data => data.RedactionsOf(caseId));

    /// <summary>Marks every occurrence of <paramref name="text"/> in the case (<see cref="TextMatcher"/>).</summary>
    public static RedactionMark AddText(VaultSession vault, string caseId, string text)
    {
        if (text.Trim().Length == 0 || TextMatcher.Fold(text).Folded.Length < MinTextLength || text.Length > MaxTextLength || text.Any(char.IsControl))
        {
            throw new CliException($"the text to redact is {MinTextLength} to {MaxTextLength:N0} characters on one line",
                "give it exactly as it appears, in quotes; case and accents do not matter");
        }

        return Add(vault, caseId, (data, set) =>
        {
            if (set.Marks.FirstOrDefault(m => m.Kind == RedactionMark.TextKind && TextMatcher.Fold(m.Text!).Folded == TextMatcher.Fold(text).Folded) is { } same)
            {
                throw new CliException($"that text is already marked (mark {same.Number})", "'redact ID --list' shows the marks");
            }

            var items = data.ItemsOfCase(caseId).ToList();
            IEnumerable<string> texts = RedactableFields.Of(items).Select(t => t.Text)
                .Concat(items.SelectMany(i => i.Attachments).Select(a => a.Name))
                .Concat(data.NotesOfCase(caseId).Select(n => n.Text))
                .Concat(data.RepliesOfCase(caseId).Select(r => r.Text));
            if (!texts.Any(t => TextMatcher.Contains(t, text)))
            {
                throw new CliException("that text does not occur in the case's reports, follow-ups, attachment names, notes or replies; nothing was marked",
                    "check the spelling ('show ID' prints the case)");
            }

            return (new RedactionMark(0, RedactionMark.TextKind, vault.Now(), vault.Actor, text, null, null, null, null, null),
                "every occurrence of a text in the case");
        });
    }

    /// <summary>Marks characters <paramref name="from"/> (from 0) to <paramref name="to"/> (exclusive) of one field.</summary>
    public static RedactionMark AddSpan(VaultSession vault, string caseId, string? itemPrefix, string field, int from, int to)
    {
        if (!RedactableFields.Names.Contains(field, StringComparer.Ordinal))
        {
            throw new CliException($"there is no field \"{TerminalText.Line(field, 40)}\"", $"the fields are {string.Join(", ", RedactableFields.Names)}");
        }

        return Add(vault, caseId, (data, set) =>
        {
            var candidates = RedactableFields.Of(Items(data, caseId, itemPrefix)).Where(t => t.Field == field).ToList();
            RedactableText target = candidates.Count switch
            {
                1 => candidates[0],
                0 => throw new CliException($"no {(itemPrefix is null ? string.Empty : "such ")}item of this case has a {field}", "'redact ID --list' lists the fields"),
                _ => throw new CliException($"{candidates.Count} items of this case have a {field}", "say which with --item ITEM ('redact ID --list' lists them)"),
            };
            if (from < 0 || to <= from || to > target.Length)
            {
                throw new CliException(string.Create(CultureInfo.InvariantCulture,
                    $"the span {from} to {to} is not inside the {field} of item {target.Item.Id[..8]}, which has {target.Length} characters"),
                    "--from counts from 0 and --to is the first character kept (so --from 0 --to 5 marks the first five)");
            }

            if (set.Marks.FirstOrDefault(m => m.Kind == RedactionMark.SpanKind && m.ItemId == target.Item.Id && m.Field == field && m.From == from && m.To == to) is { } same)
            {
                throw new CliException($"that span is already marked (mark {same.Number})");
            }

            string text = target.Text[Redactor.CodePoints(target.Text, from, to)];
            return (new RedactionMark(0, RedactionMark.SpanKind, vault.Now(), vault.Actor, text, target.Item.Id, field, from, to, null),
                $"part of the {field} of item {target.Item.Id[..8]}");
        });
    }

    /// <summary>
    /// The terminal UI's way to mark spans: every occurrence of <paramref name="text"/> (as <see cref="TextMatcher"/>
    /// finds it) in one field of one item becomes a span mark.
    /// </summary>
    public static IReadOnlyList<RedactionMark> AddSpansOf(VaultSession vault, string caseId, string itemId, string field, string text)
    {
        string value = vault.Read(data => RedactableFields.Of(data.ItemsOfCase(caseId).Where(i => i.Id == itemId)).FirstOrDefault(t => t.Field == field)?.Text)
            ?? throw new CliException($"that item has no {field}");
        IReadOnlyList<Range> found = text.Trim().Length == 0 ? [] : TextMatcher.FindAll(value, text);
        if (found.Count == 0)
        {
            throw new CliException($"that text does not occur in the {field}; nothing was marked", "type it as the case shows it");
        }

        int CodePoint(int index) => value[..index].EnumerateRunes().Count();
        return [.. found.Select(r => AddSpan(vault, caseId, itemId, field, CodePoint(r.Start.Value), CodePoint(r.End.Value)))];
    }

    /// <summary>Withholds one attachment: <paramref name="attachment"/> is its number, or ITEM-NUMBER.</summary>
    public static RedactionMark AddAttachment(VaultSession vault, string caseId, string? itemPrefix, string attachment)
    {
        string[] parts = attachment.Split('-');
        if (parts.Length > 2 || !int.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out int number) || number < 1)
        {
            throw new CliException($"\"{TerminalText.Line(attachment, 40)}\" is not an attachment", "give its number (3) or ITEM-NUMBER (1a2b3c4d-3), as 'redact ID --list' shows");
        }

        itemPrefix = parts.Length == 2 ? parts[0] : itemPrefix;
        return Add(vault, caseId, (data, set) =>
        {
            var candidates = Items(data, caseId, itemPrefix).Where(i => i.Attachments.Any(a => a.Number == number)).ToList();
            ItemRecord item = candidates.Count switch
            {
                1 => candidates[0],
                0 => throw new CliException(string.Create(CultureInfo.InvariantCulture, $"this case has no attachment {number}{(itemPrefix is null ? string.Empty : " in that item")}"),
                    "'redact ID --list' lists the attachments"),
                _ => throw new CliException(string.Create(CultureInfo.InvariantCulture, $"{candidates.Count} items of this case have an attachment {number}"),
                    "say which as ITEM-NUMBER, or with --item ITEM"),
            };
            if (set.Marks.FirstOrDefault(m => m.Kind == RedactionMark.AttachmentKind && m.ItemId == item.Id && m.Attachment == number) is { } same)
            {
                throw new CliException($"that attachment is already withheld (mark {same.Number})");
            }

            return (new RedactionMark(0, RedactionMark.AttachmentKind, vault.Now(), vault.Actor, null, item.Id, null, null, null, number),
                string.Create(CultureInfo.InvariantCulture, $"attachment {number} of item {item.Id[..8]}"));
        });
    }

    public static RedactionMark Remove(VaultSession vault, string caseId, int number) => vault.Write(data =>
    {
        CaseRecord c = data.FindCase(caseId) ?? throw new CliException("no case has that id");
        RedactionSet? set = data.RedactionsOf(caseId);
        RedactionMark mark = set?.Marks.FirstOrDefault(m => m.Number == number)
            ?? throw new CliException(string.Create(CultureInfo.InvariantCulture, $"case {c.ShortId} has no redaction mark {number}"), "'redact ID --list' shows the marks");
        data.SaveRedactions(set! with { Marks = [.. set.Marks.Where(m => m.Number != number)] });
        data.UpdateCase(c with { Updated = vault.Now() });
        AuditLog.Append(data, vault.Actor, vault.Now(), RedactionAuditActions.Remove, caseId, mark.ItemId,
            string.Create(CultureInfo.InvariantCulture, $"mark {number} removed ({mark.Kind})"));
        return mark;
    });

    private static RedactionMark Add(VaultSession vault, string caseId, Func<VaultData, RedactionSet, (RedactionMark Mark, string Details)> make) => vault.Write(data =>
    {
        CaseRecord c = data.FindCase(caseId) ?? throw new CliException("no case has that id");
        RedactionSet set = data.RedactionsOf(caseId) ?? new RedactionSet(caseId, RandomNumberGenerator.GetBytes(32), 0, []);
        if (set.Marks.Count >= MaxMarks)
        {
            throw new CliException($"a case can have at most {MaxMarks:N0} redaction marks");
        }

        (RedactionMark made, string details) = make(data, set);
        RedactionMark mark = made with { Number = set.LastNumber + 1 };
        data.SaveRedactions(set with { LastNumber = mark.Number, Marks = [.. set.Marks, mark] });
        data.UpdateCase(c with { Updated = vault.Now() });
        AuditLog.Append(data, vault.Actor, vault.Now(), RedactionAuditActions.Add, caseId, mark.ItemId,
            string.Create(CultureInfo.InvariantCulture, $"mark {mark.Number}: {details}"));
        return mark;
    });

    private static List<ItemRecord> Items(VaultData data, string caseId, string? itemPrefix)
    {
        var items = data.ItemsOfCase(caseId).OrderBy(i => i.Sequence).ToList();
        if (itemPrefix is null)
        {
            return items;
        }

        string prefix = itemPrefix.Trim().ToLowerInvariant();
        if (prefix.Length < 4 || !prefix.All(char.IsAsciiHexDigit))
        {
            throw new CliException($"\"{TerminalText.Line(itemPrefix, 40)}\" is not an item id", "give at least 4 hex digits of it, as 'redact ID --list' shows");
        }

        var matches = items.Where(i => i.Id.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        return matches.Count switch
        {
            1 => matches,
            0 => throw new CliException($"case has no item {prefix}", "'redact ID --list' lists the items"),
            _ => throw new CliException($"{prefix} matches {matches.Count} items", "type more of the item id"),
        };
    }
}

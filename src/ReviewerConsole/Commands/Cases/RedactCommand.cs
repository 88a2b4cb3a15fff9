using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using WhistleSubmit.ReviewerConsole.Cases;
using WhistleSubmit.ReviewerConsole.Records;
using WhistleSubmit.ReviewerConsole.Redaction;
using WhistleSubmit.ReviewerConsole.Shared;
using WhistleSubmit.ReviewerConsole.Vault;

namespace WhistleSubmit.ReviewerConsole.Commands.Cases;

/// <summary>
/// <c>whistle-review redact ID --text TEXT | --field NAME [--item ITEM] --from N --to M | --attachment [ITEM-]N |
/// --list [--json] | --remove N</c>: what the referral packet leaves out (docs/CONSOLE.md#redaction).
/// </summary>
internal static class RedactCommand
{
    public static Command Create()
    {
        var id = CaseArguments.Id();
        var text = new Option<string>("--text") { Description = "Redact every occurrence of this text in the case (case, accents and width ignored).", HelpName = "TEXT" };
        var field = new Option<string>("--field") { Description = $"Redact part of one field: {string.Join(", ", RedactableFields.Names)}.", HelpName = "NAME" };
        var item = new Option<string>("--item") { Description = "The item whose field or attachment is meant, when more than one has it (as --list shows).", HelpName = "ITEM" };
        var from = new Option<int?>("--from") { Description = "With --field: the first character to redact, counted from 0.", HelpName = "N" };
        var to = new Option<int?>("--to") { Description = "With --field: the first character kept after the span (--from 0 --to 5 redacts five).", HelpName = "M" };
        var attachment = new Option<string>("--attachment") { Description = "Withhold an attachment: its number, or ITEM-NUMBER.", HelpName = "[ITEM-]N" };
        var list = new Option<bool>("--list") { Description = "List the case's marks, its fields (with their lengths) and attachments." };
        var json = new Option<bool>("--json") { Description = "With --list: as JSON." };
        var remove = new Option<int?>("--remove") { Description = "Remove mark N (the text is then shown again in new packets).", HelpName = "N" };
        var command = new Command("redact", """
            Mark what the referral packet ('case-export') leaves out. --text redacts a text wherever it
            occurs in the case: reports, follow-ups, attachment names, replies, notes and history (case,
            accents, width and invisible characters do not matter: "jose" also covers "JOSÉ"). --field
            redacts characters --from to --to of one field of one item; a span of 4 or more characters is
            also redacted wherever the same text occurs. --attachment withholds a file: it is listed only
            as a mark, with a salted hash. The packet shows "█ redacted N" at each place, whatever the
            length, and the SHA-256 of each text as shown and, salted, of its original. Marks are kept in
            the vault with the case; adding or removing one is recorded in the audit log, without the text.
            """)
        {
            id, text, field, item, from, to, attachment, list, json, remove,
        };
        command.SetAction(parse => ErrorReporter.Run(() =>
        {
            int actions = new[] { parse.GetValue(text) is not null, parse.GetValue(field) is not null, parse.GetValue(attachment) is not null,
                parse.GetValue(list), parse.GetValue(remove) is not null }.Count(b => b);
            if (actions != 1)
            {
                throw new CliException("give exactly one of --text, --field, --attachment, --list and --remove", "'redact --help' explains each");
            }

            if (parse.GetValue(field) is not null && (parse.GetValue(from) is null || parse.GetValue(to) is null))
            {
                throw new CliException("--field needs --from and --to", "'redact ID --list' shows each field's length");
            }

            using VaultSession vault = VaultOptions.Open(parse);
            CaseRecord c = CaseQueryService.Resolve(vault, parse.GetValue(id)!);
            if (parse.GetValue(list))
            {
                List(vault, c, parse.GetValue(json));
                return;
            }

            RedactionMark mark = parse.GetValue(remove) is { } number ? RedactionService.Remove(vault, c.Id, number)
                : parse.GetValue(text) is { } t ? RedactionService.AddText(vault, c.Id, t)
                : parse.GetValue(field) is { } f ? RedactionService.AddSpan(vault, c.Id, parse.GetValue(item), f, parse.GetValue(from)!.Value, parse.GetValue(to)!.Value)
                : RedactionService.AddAttachment(vault, c.Id, parse.GetValue(item), parse.GetValue(attachment)!);
            Console.Out.WriteLine(parse.GetValue(remove) is not null
                ? $"Case {c.ShortId}: mark {mark.Number} removed."
                : $"Case {c.ShortId}: mark {mark.Number} added ({Describe(mark)}). Packets written from now on leave it out.");
        }));
        return command;
    }

    internal static string Describe(RedactionMark m) => m.Kind switch
    {
        RedactionMark.TextKind => "a text, wherever it occurs",
        RedactionMark.SpanKind => string.Create(CultureInfo.InvariantCulture, $"{m.Field} of item {m.ItemId![..8]}, characters {m.From} to {m.To}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"attachment {m.ItemId![..8]}-{m.Attachment}, withheld"),
    };

    private static void List(VaultSession vault, CaseRecord c, bool asJson)
    {
        CaseDetail d = CaseQueryService.Get(vault, c.Id);
        RedactionSet? set = RedactionService.Get(vault, c.Id);
        IReadOnlyList<RedactableText> fields = RedactableFields.Of(d.Items);
        var attachments = d.Items.SelectMany(i => i.Attachments.Select(a => (Item: i, Attachment: a))).ToList();
        if (asJson)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(new
            {
                @case = c.ShortId,
                salt = set is null ? null : Convert.ToHexStringLower(set.Salt),
                marks = (set?.Marks ?? []).Select(m => new { number = m.Number, kind = m.Kind, time = m.Time, actor = m.Actor, text = m.Text, item = m.ItemId, field = m.Field, from = m.From, to = m.To, attachment = m.Attachment }),
                fields = fields.Select(f => new { item = f.Item.Id, kind = f.Item.Kind, field = f.Field, length = f.Length }),
                attachments = attachments.Select(a => new { id = $"{a.Item.Id[..8]}-{a.Attachment.Number}", item = a.Item.Id, number = a.Attachment.Number, name = a.Attachment.Name }),
            }, JsonOutput.Options));
            return;
        }

        Console.Out.WriteLine(set is null || set.IsEmpty ? $"Case {c.ShortId}: nothing is marked for redaction." : $"Case {c.ShortId}: {set.Marks.Count} redaction mark(s)");
        foreach (RedactionMark m in set?.Marks ?? [])
        {
            string shown = m.Text is null ? string.Empty : $": \"{TerminalText.Line(m.Text, 60)}\"";
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {m.Number,3}  {Describe(m)}{shown}  ({TerminalText.Line(m.Actor, 64)}, {m.Time})"));
        }

        Console.Out.WriteLine("Fields (--field NAME [--item ITEM] --from N --to M; characters from 0, --to not included):");
        foreach (IGrouping<ItemRecord, RedactableText> g in fields.GroupBy(f => f.Item))
        {
            Console.Out.WriteLine($"  item {g.Key.Id[..8]} ({(g.Key.IsSubmission ? "report" : "follow-up")}): "
                + string.Join(", ", g.Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Field} ({f.Length} characters)"))));
        }

        Console.Out.WriteLine(attachments.Count == 0 ? "No attachments." : "Attachments (--attachment ITEM-N):");
        foreach ((ItemRecord i, AttachmentRecord a) in attachments)
        {
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {i.Id[..8]}-{a.Number}  {TerminalText.Line(a.Name, 60)}"));
        }

        if (set is not null)
        {
            Console.Out.WriteLine($"Salt of the packet's original-content hashes: {Convert.ToHexStringLower(set.Salt)} (give it only with the originals)");
        }
    }
}

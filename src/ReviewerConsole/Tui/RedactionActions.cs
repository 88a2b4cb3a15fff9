using System.Globalization;
using Terminal.Gui.App;
using Terminal.Gui.Views;
using WhistleSubmit.ReviewerConsole.Cases;
using WhistleSubmit.ReviewerConsole.Records;
using WhistleSubmit.ReviewerConsole.Redaction;
using WhistleSubmit.ReviewerConsole.Shared;
using WhistleSubmit.ReviewerConsole.Vault;

namespace WhistleSubmit.ReviewerConsole.Tui;

/// <summary>
/// F12 in the TUI: what the referral packet leaves out, through the same <see cref="RedactionService"/> as the 'redact'
/// verb (so checked and audited the same way): a text wherever it occurs, a text within one field (each occurrence
/// there becomes a span mark), an attachment, or the list of marks, where one can be removed.
/// </summary>
internal static class RedactionActions
{
    public static readonly IReadOnlyList<string> Choices =
        ["Redact a text wherever it occurs", "Redact a text in one field", "Withhold an attachment", "List or remove marks"];

    /// <returns>What was done, to show; null when the reviewer cancelled.</returns>
    public static string? Run(IApplication app, VaultSession vault, string caseId)
    {
        switch (Prompts.Choose(app, "Redaction (for case-export)", Choices))
        {
            case 0:
                return Prompts.Line(app, "Redact a text", "Text to leave out of the packet") is { } text
                    ? Added([RedactionService.AddText(vault, caseId, text)]) : null;
            case 1:
                IReadOnlyList<RedactableText> fields = RedactableFields.Of(CaseQueryService.Get(vault, caseId).Items);
                if (fields.Count == 0 || Prompts.Choose(app, "Which field?", [.. fields.Select(f => $"{f.Item.Id[..8]} {f.Field}: {TerminalText.Line(f.Text, 24)}")]) is not int f)
                {
                    return null;
                }

                return Prompts.Line(app, $"Redact in the {fields[f].Field}", "Text to leave out (each occurrence in this field)") is { } part
                    ? Added(RedactionService.AddSpansOf(vault, caseId, fields[f].Item.Id, fields[f].Field, part)) : null;
            case 2:
                var attachments = CaseQueryService.Get(vault, caseId).Items.SelectMany(i => i.Attachments.Select(a => (Item: i, Attachment: a))).ToList();
                if (attachments.Count == 0)
                {
                    return "This case has no attachments.";
                }

                if (Prompts.Choose(app, "Withhold which attachment?",
                    [.. attachments.Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.Item.Id[..8]}-{a.Attachment.Number} {TerminalText.Line(a.Attachment.Name, 28)}"))]) is not int chosen)
                {
                    return null;
                }

                return Added([RedactionService.AddAttachment(vault, caseId, attachments[chosen].Item.Id, attachments[chosen].Attachment.Number.ToString(CultureInfo.InvariantCulture))]);
            case 3:
                IReadOnlyList<RedactionMark> marks = RedactionService.Get(vault, caseId)?.Marks ?? [];
                if (marks.Count == 0)
                {
                    return "Nothing is marked for redaction in this case.";
                }

                if (Prompts.Choose(app, "Marks (Enter: remove one)", [.. marks.Select(Row)]) is not int m
                    || Prompts.Choose(app, $"Remove mark {marks[m].Number}?", ["Keep it", "Remove it"]) != 1)
                {
                    return null;
                }

                return $"Mark {RedactionService.Remove(vault, caseId, marks[m].Number).Number} removed.";
            default:
                return null;
        }
    }

    public static void Show(IApplication app, string? text)
    {
        if (text is not null)
        {
            MessageBox.Query(app, "Redaction", text, "OK");
        }
    }

    private static string Added(IReadOnlyList<RedactionMark> marks) =>
        $"Mark{(marks.Count == 1 ? string.Empty : "s")} {string.Join(", ", marks.Select(m => m.Number))} added: packets written from now on leave it out.";

    private static string Row(RedactionMark m) => m.Kind switch
    {
        RedactionMark.TextKind => $"{m.Number} text: {TerminalText.Line(m.Text!, 24)}",
        RedactionMark.SpanKind => $"{m.Number} {m.Field} {m.ItemId![..8]}: {TerminalText.Line(m.Text!, 18)}",
        _ => string.Create(CultureInfo.InvariantCulture, $"{m.Number} attachment {m.ItemId![..8]}-{m.Attachment}"),
    };
}

using System.Collections.ObjectModel;
using Terminal.Gui.App;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using WhistleSubmit.ReviewerConsole.Cases;
using WhistleSubmit.ReviewerConsole.Records;
using WhistleSubmit.ReviewerConsole.Shared;
using WhistleSubmit.ReviewerConsole.Vault;

namespace WhistleSubmit.ReviewerConsole.Tui;

/// <summary>
/// The terminal UI's one window: search box and filters on top, the case list on the left, the selected case (the same
/// text as 'show', already sanitised) on the right, the keys along the bottom. Every action calls the application
/// services the CLI verbs use (<see cref="CaseQueryService"/>, <see cref="TriageService"/>, <see cref="ReplyService"/>),
/// so it is validated and audited in the same way; F11 reaches the incident register (<see cref="IncidentActions"/>),
/// F12 redaction (<see cref="RedactionActions"/>).
/// </summary>
internal sealed class ReviewWindow : Window
{
    public const string KeyHelp = "F1 Help F2 Status F3 Sev F4 Assign F5 Tags F6 Note F7 Reply F8/9 Filter F10 Quit";

    private readonly IApplication app;
    private readonly VaultSession vault;
    private readonly TextField search = new() { X = 8, Y = 0, Width = 22 };
    private readonly Label filters = new() { X = 32, Y = 0, Width = Dim.Fill() };
    private readonly ListView cases = new() { Width = Dim.Fill(), Height = Dim.Fill() };
#pragma warning disable CS0618 // TextView is marked obsolete in favour of a separate package (tui-cs/Editor) that is not served here; it works in 2.5.0.
    private readonly TextView detail = new() { Width = Dim.Fill(), Height = Dim.Fill(), ReadOnly = true, WordWrap = true };
#pragma warning restore CS0618
    private IReadOnlyList<CaseSummary> shown = [];
    private string detailText = string.Empty;
    private int wrappedWidth;
    private CaseStatus? statusFilter;
    private string? categoryFilter;

    public ReviewWindow(IApplication app, VaultSession vault)
    {
        this.app = app;
        this.vault = vault;
        // No outer border: at 80x24 every column and row is needed for the list, the case and the keys.
        BorderStyle = LineStyle.None;
        // A shared vault says whose shares opened it, as the audit log records (vault.open).
        string title = vault.IsShared ? $"Cases (opened by {string.Join("+", vault.Holders)})" : "Cases";
        var listFrame = new FrameView { Title = title, X = 0, Y = 1, Width = Dim.Percent(42), Height = Dim.Fill(1) };
        listFrame.Add(cases);
        var detailFrame = new FrameView { Title = "Case", X = Pos.Right(listFrame), Y = 1, Width = Dim.Fill(), Height = Dim.Fill(1) };
        detailFrame.Add(detail);
        Add(new Label { Text = "Search:", X = 0, Y = 0 }, search, filters, listFrame, detailFrame,
            new Label { Text = KeyHelp, X = 0, Y = Pos.AnchorEnd(1), Width = Dim.Fill() });

        search.TextChanged += (_, _) => Refresh();
        cases.ValueChanged += (_, _) => ShowSelected();
        // The case text is wrapped here, with hanging indents, for the width the layout gives it (and again on resize).
        detail.ViewportChanged += (_, _) =>
        {
            if (detail.Viewport.Width != wrappedWidth)
            {
                WrapDetail();
            }
        };
        cases.Accepting += (_, e) =>
        {
            e.Handled = true;
            Open();
        };
        KeyDown += (_, key) => key.Handled = Handle(key);
        Refresh();
        cases.SetFocus();
    }

    private CaseRecord Selected(string id) => shown.First(c => c.Case.Id == id).Case;

    private string? SelectedId => cases.SelectedItem is int i && i >= 0 && i < shown.Count ? shown[i].Case.Id : null;

    private bool Handle(Key key)
    {
        if (key == Key.F1)
        {
            MessageBox.Query(app, "Keys", Help, "OK");
        }
        else if (key == Key.F2)
        {
            // The list starts on the case's current status, so Enter alone changes nothing.
            OnCase(id => Prompts.Choose(app, "Status", CaseStatuses.Names, (int)Selected(id).Status) is int s
                ? TriageService.Triage(vault, id, new TriageChange(Status: (CaseStatus)s)) : null);
        }
        else if (key == Key.F3)
        {
            OnCase(id => Prompts.Choose(app, "Severity", ["1 (low)", "2", "3", "4", "5 (most serious)"], (Selected(id).Severity ?? 1) - 1) is int s
                ? TriageService.Triage(vault, id, new TriageChange(Severity: s + 1)) : null);
        }
        else if (key == Key.F4)
        {
            OnCase(id => Prompts.Line(app, "Assign", "Name (empty: nobody)") is string name
                ? TriageService.Triage(vault, id, new TriageChange(Assignee: name)) : null);
        }
        else if (key == Key.F5)
        {
            OnCase(id => Prompts.Line(app, "Tags", "tag adds, -tag removes; separate by spaces") is string tags ? Tag(id, tags) : null);
        }
        else if (key == Key.F6)
        {
            OnCase(id => Prompts.Text(app, "Note", "Note for the case (only in the vault)") is { } note ? TriageService.AddNote(vault, id, note) : null);
        }
        else if (key == Key.F7)
        {
            OnCase(id => Prompts.Text(app, "Reply to the source", "Reply (queued; 'export-replies' sends it)") is { } text ? ReplyService.Queue(vault, id, text) : null);
        }
        else if (key == Key.F8)
        {
            if (Prompts.Choose(app, "Show status", ["any", .. CaseStatuses.Names]) is int s)
            {
                statusFilter = s == 0 ? null : (CaseStatus)(s - 1);
                Refresh();
            }
        }
        else if (key == Key.F9)
        {
            if (Prompts.Choose(app, "Show category", ["any", .. Documents.AllCategoryIds]) is int c)
            {
                categoryFilter = c == 0 ? null : Documents.AllCategoryIds[c - 1];
                Refresh();
            }
        }
        else if (key == Key.T.WithCtrl)
        {
            OnCase(id => SourceStatusActions.Run(app, vault, id));
        }
        else if (key == Key.F11)
        {
            OnCase(id =>
            {
                IncidentActions.Show(app, IncidentActions.Run(app, vault, id));
                return null;
            });
        }
        else if (key == Key.F12)
        {
            OnCase(id =>
            {
                RedactionActions.Show(app, RedactionActions.Run(app, vault, id));
                return null;
            });
        }
        else if (key == Key.F10 || key == Key.Q.WithCtrl)
        {
            app.RequestStop(this);
        }
        else
        {
            return false;
        }

        return true;
    }

    private object Tag(string id, string text)
    {
        string[] words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return TriageService.Triage(vault, id, new TriageChange(
            AddTags: [.. words.Where(w => !w.StartsWith('-'))],
            RemoveTags: [.. words.Where(w => w.StartsWith('-')).Select(w => w[1..])]));
    }

    /// <summary>Runs an action on the selected case; service errors are shown, never thrown out of the UI.</summary>
    private void OnCase(Func<string, object?> action)
    {
        if (SelectedId is not { } id)
        {
            Prompts.Error(app, "no case is selected", "choose one in the list first");
            return;
        }

        try
        {
            action(id);
        }
        catch (CliException ex)
        {
            Prompts.Error(app, ex.Message, ex.Hint);
        }

        Refresh();
    }

    private void Refresh()
    {
        string? keep = SelectedId;
        string text = search.Text ?? string.Empty;
        shown = CaseQueryService.List(vault, new CaseFilter(statusFilter, categoryFilter, text.Trim().Length == 0 ? null : text.Trim()));
        cases.SetSource(new ObservableCollection<string>(shown.Select(CaseListRow.Format)));
        filters.Text = $"Status: {(statusFilter is { } s ? CaseStatuses.Name(s) : "any")}  Category: {categoryFilter ?? "any"}  {shown.Count} case(s)";
        int index = keep is null ? 0 : Math.Max(0, shown.ToList().FindIndex(c => c.Case.Id == keep));
        cases.SelectedItem = shown.Count == 0 ? null : index;
        ShowSelected();
    }

    // Enter on a case: the reviewer turns to its text, so its new messages are read now.
    private void Open()
    {
        if (SelectedId is { } id && shown.FirstOrDefault(c => c.Case.Id == id) is { Case.Unread: > 0 })
        {
            TriageService.MarkRead(vault, id);
            Refresh();
        }

        detail.SetFocus();
    }

    private void ShowSelected()
    {
        detailText = SelectedId is { } id
            ? CaseText.Render(CaseQueryService.Get(vault, id))
            : "No case matches. Change the search (top) or the filters (F8, F9).";
        WrapDetail();
    }

    // One column spare, so the TextView's own word wrap (kept for anything wider than measured) never starts a line at 0.
    private void WrapDetail()
    {
        wrappedWidth = detail.Viewport.Width;
        detail.Text = HangingWrap.Wrap(detailText, wrappedWidth - 1);
    }

    private const string Help = """
        Tab moves between the search box, the list and the case text.
        In the list, ↑↓ choose a case; Enter moves to its text (↑↓ PgUp PgDn scroll).
        F2 status   F3 severity   F4 assignee   F5 tags (tag adds, -tag removes)
        F6 note     F7 reply (queued; run 'export-replies' to send)
        F8 filter by status   F9 filter by category   search: type at the top
        F11 incident register: create an incident from the case, link the case to one, or list them
        F12 redaction: mark a text, part of a field or an attachment to leave out of 'case-export'
        Ctrl+T the status the source sees (received, under-review, referred, closed; queued like a reply)
        F10 or Ctrl+Q quits. Every change is saved and audited at once.
        List flags: M new messages (Enter reads them), D duplicate, N near-duplicate, R reply queued;
        before the summary: H legal hold, X due for destruction, E expiring soon ('whistle-review retention');
        ! after the id: an item's recipients differ from the team's keys (the case text says more).
        """;
}

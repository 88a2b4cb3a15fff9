using System.Collections.ObjectModel;
using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace WhistleSubmit.ReviewerConsole.Tui;

/// <summary>The terminal UI's small modal dialogs: pick one of a list, type a line, type a longer text.</summary>
internal static class Prompts
{
    /// <summary>Returns the chosen index, or null when cancelled (Esc).</summary>
    public static int? Choose(IApplication app, string title, IReadOnlyList<string> options, int selected = 0)
    {
        using var dialog = new Dialog { Title = title };
        var list = new ListView { Width = Math.Min(40, options.Max(o => o.Length) + 4), Height = Math.Min(options.Count, 12) };
        list.SetSource(new ObservableCollection<string>(options));
        list.SelectedItem = Math.Clamp(selected, 0, options.Count - 1);
        int? chosen = null;
        list.Accepting += (_, e) =>
        {
            chosen = list.SelectedItem;
            e.Handled = true;
            app.RequestStop(dialog);
        };
        dialog.Add(new Label { Text = "↑↓ then Enter; Esc cancels", Y = 0 });
        list.Y = 1;
        dialog.Add(list);
        list.SetFocus();
        app.Run(dialog);
        return chosen;
    }

    /// <summary>One line of text; Enter accepts, Esc cancels (null).</summary>
    public static string? Line(IApplication app, string title, string label, string initial = "")
    {
        using var dialog = new Dialog { Title = title };
        var field = new TextField { Text = initial, Y = 1, Width = 50 };
        string? result = null;
        field.Accepting += (_, e) =>
        {
            result = field.Text;
            e.Handled = true;
            app.RequestStop(dialog);
        };
        dialog.Add(new Label { Text = label + " (Enter saves, Esc cancels)" }, field);
        field.SetFocus();
        app.Run(dialog);
        return result;
    }

    /// <summary>Several lines of text; Ctrl+S saves, Esc cancels (null).</summary>
    public static string? Text(IApplication app, string title, string label)
    {
        using var dialog = new Dialog { Title = title };
#pragma warning disable CS0618 // TextView is marked obsolete in favour of a separate package (tui-cs/Editor) that is not served here; it works in 2.5.0.
        // Word wrap: without it a line longer than the box scrolls sideways and hides its first characters (issue 12 item 9).
        var text = new TextView { Y = 1, Width = 60, Height = 8, TabKeyAddsTab = false, WordWrap = true };
#pragma warning restore CS0618
        string? result = null;
        dialog.KeyDown += (_, key) =>
        {
            if (key == Key.S.WithCtrl)
            {
                result = text.Text;
                key.Handled = true;
                app.RequestStop(dialog);
            }
        };
        dialog.Add(new Label { Text = label + " (Ctrl+S saves, Esc cancels)" }, text);
        text.SetFocus();
        app.Run(dialog);
        return result;
    }

    public static void Error(IApplication app, string message, string? hint) =>
        MessageBox.ErrorQuery(app, "Not done", hint is null ? message : message + "\n\n" + hint, "OK");
}

using Terminal.Gui.App;
using Terminal.Gui.Views;
using WhistleSubmit.ReviewerConsole.Records;
using WhistleSubmit.ReviewerConsole.Register;
using WhistleSubmit.ReviewerConsole.Vault;

namespace WhistleSubmit.ReviewerConsole.Tui;

/// <summary>
/// F11 in the TUI: the incident register from the selected case, through the same <see cref="IncidentService"/> as
/// the 'incident' verbs (so checked and audited the same way): create an incident from the case, link the case to an
/// existing source-derived incident, or read the register.
/// </summary>
internal static class IncidentActions
{
    public static readonly IReadOnlyList<string> Choices =
        ["Create an incident from this case", "Link this case to an incident", "Show the incident register"];

    /// <returns>What was done, to show; null when the reviewer cancelled.</returns>
    public static string? Run(IApplication app, VaultSession vault, string caseId)
    {
        switch (Prompts.Choose(app, "Incident register", Choices))
        {
            case 0:
                IncidentRecord created = IncidentService.Checked(() => IncidentService.CreateFromCases(vault, [caseId], new IncidentInput()));
                return $"Created incident {created.ShortId} ({created.Month}). Change its fields with 'whistle-review incident edit {created.ShortId}'.";
            case 1:
                var incidents = IncidentService.List(vault).Where(i => !i.IsPublicRecord).ToList();
                if (incidents.Count == 0)
                {
                    return "There is no source-derived incident yet: create one first.";
                }

                if (Prompts.Choose(app, "Link to which incident?", [.. incidents.Select(IncidentText.Row)]) is not int chosen)
                {
                    return null;
                }

                IncidentRecord linked = IncidentService.Checked(() => IncidentService.Link(vault, incidents[chosen].Id, [caseId]));
                return $"Incident {linked.ShortId} now has {linked.Cases.Count} linked case(s).";
            case 2:
                var all = IncidentService.List(vault);
                return all.Count == 0 ? "The register is empty." : string.Join("\n", [IncidentText.RowHeader, .. all.Select(IncidentText.Row)]);
            default:
                return null;
        }
    }

    public static void Show(IApplication app, string? text)
    {
        if (text is not null)
        {
            MessageBox.Query(app, "Incident register", text, "OK");
        }
    }
}

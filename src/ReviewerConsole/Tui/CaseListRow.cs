using System.Globalization;
using WhistleSubmit.ReviewerConsole.Cases;
using WhistleSubmit.ReviewerConsole.Records;
using WhistleSubmit.ReviewerConsole.Shared;

namespace WhistleSubmit.ReviewerConsole.Tui;

/// <summary>One line of the terminal UI's case list: id, status, severity, flags, start of the report (sanitised).</summary>
/// <remarks>
/// Flags: M new messages unread, D duplicate, N near-duplicate, R reply queued. Retention (issue 19) puts a letter and
/// a space before the summary: H legal hold, X due for destruction, E expiring within the warning window. A "!" right after the id (in place of
/// the space, so the summary keeps its width at 80 columns): an item's recipients differ from the team (issue 13 P4).
/// A case-proof warning (conflict, routed under another mailbox, another reply key claimed: docs/CONSOLE.md#case-proof)
/// puts "! " before the summary (a v1 case's "grouping not proven" is shown in the case itself).
/// </remarks>
internal static class CaseListRow
{
    public static string Format(CaseSummary s)
    {
        string flags = (s.Case.Unread > 0 ? "M" : " ") + (s.HasDuplicates ? "D" : " ") + (s.HasNearDuplicates ? "N" : " ") + (s.QueuedReplies > 0 ? "R" : " ");
        // Before the summary, not a fifth flag column: at 80 columns the summary has no character to spare.
        string retention = s.Retention?.State switch
        {
            Retention.RetentionState.Held => "H ",
            Retention.RetentionState.Due => "X ",
            Retention.RetentionState.Expiring => "E ",
            _ => string.Empty,
        };
        string severity = s.Case.Severity?.ToString(CultureInfo.InvariantCulture) ?? "-";
        return $"{s.Case.ShortId}{(s.RecipientWarning is null ? ' ' : '!')}{ShortStatus(s.Case.Status),-6} {severity} {flags} {retention}{(s.HasProofWarning ? "! " : string.Empty)}{TerminalText.Line(s.Summary, 60)}";
    }

    /// <summary>
    /// At most six letters: at 80 columns the list is about 31 wide, and the full "investigating" left the summary
    /// two characters. The case text on the right names the status in full.
    /// </summary>
    public static string ShortStatus(CaseStatus status) => status switch
    {
        CaseStatus.Triaging => "triage",
        CaseStatus.Investigating => "invest",
        CaseStatus.Referred => "refer",
        _ => CaseStatuses.Name(status),
    };
}

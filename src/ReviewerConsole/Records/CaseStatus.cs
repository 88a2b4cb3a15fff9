namespace WhistleSubmit.ReviewerConsole.Records;

/// <summary>
/// The triage workflow: new → triaging → investigating → referred → closed, plus spam. Any transition is allowed
/// (reviewers correct mistakes), and every one is recorded in the case's history. Names are the lower-case member names.
/// </summary>
internal enum CaseStatus
{
    New,
    Triaging,
    Investigating,
    Referred,
    Closed,
    Spam,
}

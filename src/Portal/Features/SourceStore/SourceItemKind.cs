namespace WhistleSubmit.Portal.Features.SourceStore;

/// <summary>The kinds of item a source sends (replies come from the reviewers, through import-replies).</summary>
public enum SourceItemKind
{
    Submission,
    Followup,
}

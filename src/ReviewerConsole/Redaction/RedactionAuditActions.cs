namespace WhistleSubmit.ReviewerConsole.Redaction;

/// <summary>Audit log action names of redaction (stable: part of the hashed entries). Details never hold the text.</summary>
internal static class RedactionAuditActions
{
    public const string Add = "redaction.add";
    public const string Remove = "redaction.remove";
}


namespace WhistleSubmit.ReviewerConsole.Audit;

/// <summary>The audit log's action names. Stable: they are part of the hashed entries.</summary>
internal static class AuditActions
{
    public const string VaultCreate = "vault.create";

    /// <summary>A shared vault opened: names every holder who joined (a single-passphrase vault records no opening).</summary>
    public const string VaultOpen = "vault.open";

    /// <summary>A shared vault's key-file passphrase printed (emergency-passphrase), with the holders who allowed it.</summary>
    public const string EmergencyPassphrase = "vault.emergency-passphrase";
    public const string KeyCreate = "key.create";
    public const string TeamKeyCreate = "team-key.create";
    public const string TeamPublish = "team.publish";
    public const string ImportBundle = "import.bundle";
    public const string ImportItem = "import.item";
    public const string ImportRefused = "import.refused";
    public const string CaseOpen = "case.open";
    public const string CaseConflict = "case.conflict";
    public const string CaseStatus = "case.status";
    public const string CaseSeverity = "case.severity";
    public const string CaseAssign = "case.assign";
    public const string CaseTag = "case.tag";
    public const string CaseUntag = "case.untag";
    public const string NoteAdd = "note.add";
    public const string ReplyQueue = "reply.queue";
    public const string RepliesExport = "replies.export";
    public const string FilesExport = "files.export";
    public const string SourceStatusQueue = "source-status.queue";
    public const string ConsentRequestQueue = "consent-request.queue";
    public const string ConsentAnswer = "consent.answer";
}

namespace WhistleSubmit.ReviewerConsole.Register;

/// <summary>Audit log action names of the incident register (stable: part of the hashed entries).</summary>
internal static class RegisterAuditActions
{
    public const string Create = "incident.create";
    public const string Link = "incident.link";
    public const string Unlink = "incident.unlink";
    public const string Edit = "incident.edit";
    public const string Verify = "incident.verify";
    public const string Import = "incident.import";
}

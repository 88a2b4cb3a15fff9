namespace WhistleSubmit.ReviewerConsole.Exports;

/// <summary>Audit log action names of the plaintext exports in this folder (stable: part of the hashed entries).</summary>
internal static class ExportAuditActions
{
    public const string CaseExport = "case.export";
    public const string StatsExport = "stats.export";
}

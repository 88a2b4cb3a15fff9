namespace WhistleSubmit.ReviewerConsole.Exports;

/// <summary>Audit log action names of the plaintext exports in this folder (stable: part of the hashed entries).</summary>
internal static class ExportAuditActions
{
    public const string CaseExport = "case.export";

    /// <summary>A referral packet written without the source's recorded yes for its destination, on a second reviewer's approval.</summary>
    public const string CaseExportApproved = "case.export.approved";

    /// <summary>A referral packet refused at the consent gate (no recorded yes and no valid second reviewer).</summary>
    public const string CaseExportRefused = "case.export.refused";
    public const string StatsExport = "stats.export";
}

namespace WhistleSubmit.ReviewerConsole.Retention;

/// <summary>Audit log action names of retention and destruction (stable: part of the hashed entries).</summary>
internal static class RetentionAuditActions
{
    public const string Default = "retention.default";
    public const string CasePeriod = "retention.case";
    public const string Hold = "case.hold";
    public const string ReleaseHold = "case.release-hold";

    /// <summary>The tombstone: case id, who, when, why, the items' ids and the audit entries erased; never content.</summary>
    public const string Destroy = "case.destroy";

    /// <summary>An item of a destroyed case offered again by a bundle: not imported.</summary>
    public const string ImportDestroyed = "import.destroyed";
}

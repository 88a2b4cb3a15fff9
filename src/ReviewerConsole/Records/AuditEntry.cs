namespace WhistleSubmit.ReviewerConsole.Records;

/// <summary>
/// One audit log entry. <see cref="Details"/> says what changed without any report, note or reply text.
/// <see cref="Hash"/> = SHA-256 over the canonical encoding of every other field (see Audit/AuditHash),
/// and <see cref="PrevHash"/> is the previous entry's hash (64 zeros for the first), so no entry can be changed,
/// removed or inserted without breaking the chain. <see cref="Erased"/>: the case it was about was destroyed and its
/// details emptied; its hash can no longer be recomputed, so a later tombstone must name it (see Audit/AuditLog.Verify).
/// </summary>
internal sealed record AuditEntry(
    long Seq, string Time, string Actor, string Action, string? CaseId, string? ItemId, string Details, string PrevHash, string Hash,
    bool Erased = false);

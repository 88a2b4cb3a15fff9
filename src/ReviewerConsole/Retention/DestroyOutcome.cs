namespace WhistleSubmit.ReviewerConsole.Retention;

/// <summary>What 'destroy' did: the case, its items and evidence files, the incidents it left, and the tombstone entry.</summary>
internal sealed record DestroyOutcome(
    string CaseId, int Items, int EvidenceFiles, int Documents, IReadOnlyList<string> Incidents, int ErasedEntries, long Tombstone);

namespace WhistleSubmit.ReviewerConsole.Records;

/// <summary>A reviewer key as listed in the store: its name, public recipient (age1pq1…), fingerprint and creation time.</summary>
internal sealed record VaultKey(string Name, string Recipient, string Fingerprint, string Created);

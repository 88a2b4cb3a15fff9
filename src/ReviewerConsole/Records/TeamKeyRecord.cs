namespace WhistleSubmit.ReviewerConsole.Records;

/// <summary>
/// The team signing key as listed in the store: its public key text (<c>whistlesubmit-team-v2:…</c>), fingerprint
/// (eight groups of four hex digits) and creation time. The secret is only in the vault's <c>team.age</c>.
/// </summary>
internal sealed record TeamKeyRecord(string PublicKey, string Fingerprint, string Created);

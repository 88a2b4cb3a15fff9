namespace WhistleSubmit.ReviewerConsole.Import;

/// <summary>Progress of an import: item <see cref="Number"/> of <see cref="Total"/> is done (or was already in the vault).</summary>
internal sealed record ImportProgress(int Number, int Total, long Bytes, bool AlreadyPresent);

namespace WhistleSubmit.ReviewerConsole.Import;

/// <summary>
/// Progress of an import: item <see cref="Number"/> of <see cref="Total"/> is done (or was already in the vault, or was
/// refused: see <see cref="RefusedItem"/>).
/// </summary>
internal sealed record ImportProgress(int Number, int Total, long Bytes, bool AlreadyPresent, bool Refused = false);

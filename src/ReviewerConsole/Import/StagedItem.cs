using WhistleSubmit.ReviewerConsole.Cases;

namespace WhistleSubmit.ReviewerConsole.Import;

/// <summary>
/// One bundle item fully decrypted and verified, as the cases will take it, with its ciphertext in the staging
/// directory; not yet in the vault.
/// </summary>
internal sealed record StagedItem(IntakeItem Intake, string StagedPath);

using WhistleSubmit.Portal.Store;

namespace WhistleSubmit.Portal.Features.Transfer.Operations;

/// <summary>
/// What a signed import receipt deleted, for which bundle, whether that bundle is now fully confirmed, and the
/// console's audit-chain head the receipt carried (recorded, so the reviewers can compare it with their vault's log).
/// </summary>
public sealed record ConfirmResult(string BundleSha256, ConfirmOutcome Outcome, bool BundleComplete, string ConsoleAuditHead);

using WhistleSubmit.Portal.Store;

namespace WhistleSubmit.Portal.Features.Transfer.Operations;

/// <summary>What an import receipt deleted, for which bundle, and whether that bundle is now fully confirmed.</summary>
public sealed record ConfirmResult(string BundleSha256, ConfirmOutcome Outcome, bool BundleComplete);

namespace WhistleSubmit.Portal.Store;

/// <summary>An exported bundle whose items wait for the console's import receipt.</summary>
public sealed record PendingExport(string BundleSha256, string Day, int Items);

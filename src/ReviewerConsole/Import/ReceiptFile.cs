using WhistleSubmit.Crypto.Bundles;
using WhistleSubmit.Crypto.Signing;
using WhistleSubmit.ReviewerConsole.Vault;

namespace WhistleSubmit.ReviewerConsole.Import;

/// <summary>
/// Where and how the console writes the <see cref="ImportReceipt"/> that <c>whistle-portal confirm</c> reads: every
/// item of the bundle that is now in the vault (new and already present), so the portal may delete them. It is a
/// version 2 receipt signed with the team key (the portal deletes on nothing else) and carries the audit chain's head.
/// </summary>
internal static class ReceiptFile
{
    /// <summary>Next to the bundle: <c>x.wsbundle</c> → <c>x.receipt.json</c>.</summary>
    public static string DefaultPath(string bundlePath) => Path.ChangeExtension(Path.GetFullPath(bundlePath), ".receipt.json");

    public static void Write(string path, ImportReceipt receipt, TeamSigningKey key) =>
        DurableFiles.Write(path, receipt.ToSignedDocument(key), ownerOnly: false, overwrite: true);
}

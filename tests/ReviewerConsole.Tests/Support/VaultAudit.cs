using WhistleSubmit.ReviewerConsole.Records;
using WhistleSubmit.ReviewerConsole.Vault;

namespace WhistleSubmit.ReviewerConsole.Tests.Support;

/// <summary>Reads a test vault's whole audit log in-process (for actions that concern no case, so 'show' lists none).</summary>
internal static class VaultAudit
{
    public static IReadOnlyList<AuditEntry> Entries(TestVault vault)
    {
        using VaultSession session = VaultService.Open(vault.Root, () => TestVault.Passphrase, "reader", TimeProvider.System);
        return session.Read(data => data.AuditEntries().OrderBy(e => e.Seq).ToList());
    }

    public static IReadOnlyList<string> Actions(TestVault vault) => [.. Entries(vault).Select(e => e.Action)];

    /// <summary>The vault's team public key, as the store lists it.</summary>
    public static WhistleSubmit.Crypto.Signing.TeamPublicKey TeamKey(TestVault vault)
    {
        using VaultSession session = VaultService.Open(vault.Root, () => TestVault.Passphrase, "reader", TimeProvider.System);
        return TeamKeyService.PublicKey(session);
    }
}

using WhistleSubmit.Crypto.Age;

namespace WhistleSubmit.ReviewerConsole.Vault;

/// <summary>The vault's private identities, decrypted in memory for one operation. Dispose zeroes them.</summary>
internal sealed class UnlockedKeys(IReadOnlyList<MlKem768X25519Identity> identities) : IDisposable
{
    public IReadOnlyList<IIdentity> Identities { get; } = identities;

    public void Dispose()
    {
        foreach (MlKem768X25519Identity identity in identities)
        {
            identity.Dispose();
        }
    }
}

using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Parameters;

namespace WhistleSubmit.Crypto.Age.Hpke;

/// <summary>
/// An MLKEM768-X25519 decapsulation key in expanded form (filippo.io/hpke-pq, "expandKey"; X-Wing draft section 5.5
/// on caching the expanded key): expanding the seed costs a full ML-KEM key generation, so it is done once per
/// identity instead of once per stanza. This form is never serialized; only the 32-byte seed is.
/// </summary>
internal sealed class MlKem768X25519PrivateKey : IDisposable
{
    private readonly byte[] x25519Secret;
    private readonly byte[] publicKey;
    private MLKemPrivateKeyParameters? mlKem;

    public MlKem768X25519PrivateKey(MLKemPrivateKeyParameters mlKem, byte[] x25519Secret, byte[] publicKey)
    {
        this.mlKem = mlKem;
        this.x25519Secret = x25519Secret;
        this.publicKey = publicKey;
    }

    /// <summary>ek = ek_PQ || ek_T (1,216 bytes).</summary>
    public ReadOnlySpan<byte> PublicKey => publicKey;

    /// <summary>ek_T, the X25519 public key, which the combiner hashes.</summary>
    public ReadOnlySpan<byte> X25519PublicKey => publicKey.AsSpan(MlKem768X25519.MlKemPublicKeySize);

    /// <summary>dk_T, the X25519 secret scalar.</summary>
    public ReadOnlySpan<byte> X25519Secret
    {
        get
        {
            ObjectDisposedException.ThrowIf(mlKem is null, this);
            return x25519Secret;
        }
    }

    /// <summary>dk_PQ in BouncyCastle's expanded form.</summary>
    public MLKemPrivateKeyParameters MlKem
    {
        get
        {
            ObjectDisposedException.ThrowIf(mlKem is null, this);
            return mlKem;
        }
    }

    /// <summary>
    /// Zeroes what we own, and the arrays inside BouncyCastle's ML-KEM key object (s, t, ρ, H(ek), z, the seed), which
    /// offers no way to wipe them, through <see cref="Memory.LibraryKeyWipe"/>; then drops the reference.
    /// </summary>
    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(x25519Secret);
        if (mlKem is not null)
        {
            Memory.LibraryKeyWipe.Wipe(mlKem);
        }

        mlKem = null;
    }
}

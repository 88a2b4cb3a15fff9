using System.Collections.Frozen;
using System.Globalization;
using System.Security.Cryptography;
using WhistleSubmit.Crypto.Age.Primitives;

namespace WhistleSubmit.Crypto.Age;

/// <summary>
/// Passphrase encryption (spec "The scrypt recipient type"). Its label is unique per instance, so it can never be
/// combined with another recipient: the spec requires an scrypt stanza to be alone. Dispose zeroes the passphrase
/// bytes (the caller's string cannot be).
/// </summary>
public sealed class ScryptRecipient : IRecipient, IDisposable
{
    /// <summary>The stanza type this recipient writes.</summary>
    public const string StanzaType = "scrypt";

    private readonly byte[] passphrase;
    private readonly int workFactor;
    private readonly FrozenSet<string> labels;
    private bool disposed;

    /// <summary>Creates a recipient; <paramref name="workFactor"/> is log2(N), 1 to 30 (Go age's range).</summary>
    public ScryptRecipient(string passphrase, int workFactor = 18)
        : this(ScryptKdf.PassphraseBytes(passphrase, nameof(passphrase)), workFactor)
    {
    }

    /// <summary>
    /// As the string constructor, from the passphrase's UTF-8 bytes, which are copied: the caller can zero its own
    /// copy at once, and no managed string ever holds the passphrase.
    /// </summary>
    public ScryptRecipient(ReadOnlySpan<byte> passphraseUtf8, int workFactor = 18)
        : this(ScryptKdf.PassphraseBytes(passphraseUtf8, nameof(passphraseUtf8)), workFactor)
    {
    }

    private ScryptRecipient(byte[] passphrase, int workFactor)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workFactor, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(workFactor, ScryptKdf.MaxLogN);
        this.passphrase = passphrase;
        this.workFactor = workFactor;
        labels = FrozenSet.Create("scrypt/" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16)));
    }

    /// <inheritdoc />
    public IReadOnlySet<string> Labels => labels;

    /// <inheritdoc />
    public IReadOnlyList<Stanza> Wrap(FileKey fileKey)
    {
        ArgumentNullException.ThrowIfNull(fileKey);
        ObjectDisposedException.ThrowIf(disposed, this);
        byte[] salt = RandomNumberGenerator.GetBytes(ScryptKdf.SaltSize);
        byte[] wrapKey = ScryptKdf.WrapKey(passphrase, salt, workFactor);
        try
        {
            byte[] body = Aead.SealWithZeroNonce(wrapKey, fileKey.Span);
            string[] args = [Base64Canonical.Encode(salt), workFactor.ToString(CultureInfo.InvariantCulture)];
            return [new Stanza(StanzaType, args, body)];
        }
        finally
        {
            CryptographicOperations.ZeroMemory(wrapKey);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(passphrase);
        disposed = true;
    }

    /// <summary>Never shows the passphrase.</summary>
    public override string ToString() => "ScryptRecipient";
}

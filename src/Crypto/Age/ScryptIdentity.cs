using System.Globalization;
using System.Security.Cryptography;
using WhistleSubmit.Crypto.Age.Primitives;

namespace WhistleSubmit.Crypto.Age;

/// <summary>
/// Passphrase decryption (spec "The scrypt recipient type"). Stanzas are validated, and the work factor checked
/// against <c>maxWorkFactor</c>, before scrypt runs, so a hostile header cannot make us spend minutes or gigabytes.
/// Dispose zeroes the passphrase bytes.
/// </summary>
public sealed class ScryptIdentity : IIdentity, IDisposable
{
    private readonly byte[] passphrase;
    private readonly int maxWorkFactor;
    private bool disposed;

    /// <summary>Creates an identity accepting work factors (log2 N) up to <paramref name="maxWorkFactor"/>.</summary>
    public ScryptIdentity(string passphrase, int maxWorkFactor = 22)
        : this(ScryptKdf.PassphraseBytes(passphrase, nameof(passphrase)), maxWorkFactor)
    {
    }

    /// <summary>
    /// As the string constructor, from the passphrase's UTF-8 bytes, which are copied: the caller can zero its own
    /// copy at once, and no managed string ever holds the passphrase.
    /// </summary>
    public ScryptIdentity(ReadOnlySpan<byte> passphraseUtf8, int maxWorkFactor = 22)
        : this(ScryptKdf.PassphraseBytes(passphraseUtf8, nameof(passphraseUtf8)), maxWorkFactor)
    {
    }

    private ScryptIdentity(byte[] passphrase, int maxWorkFactor)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWorkFactor, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxWorkFactor, ScryptKdf.MaxLogN);
        this.passphrase = passphrase;
        this.maxWorkFactor = maxWorkFactor;
    }

    /// <inheritdoc />
    public FileKey? Unwrap(IReadOnlyList<Stanza> stanzas)
    {
        ArgumentNullException.ThrowIfNull(stanzas);
        ObjectDisposedException.ThrowIf(disposed, this);

        // Password encryption implies the sender knew the password; another stanza would break that (spec).
        if (stanzas.Count != 1 && stanzas.Any(s => s.Type == ScryptRecipient.StanzaType))
        {
            throw new AgeException(AgeErrorKind.Header, "An scrypt stanza must be the only stanza.");
        }

        foreach (Stanza stanza in stanzas)
        {
            if (stanza.Type == ScryptRecipient.StanzaType)
            {
                return UnwrapOne(stanza);
            }
        }

        return null;
    }

    private FileKey? UnwrapOne(Stanza stanza)
    {
        byte[]? salt = stanza.Args.Count == 2 ? Base64Canonical.Decode(stanza.Args[0]) : null;
        if (salt is null || salt.Length != ScryptKdf.SaltSize || stanza.Body.Length != FileKey.Length + Aead.TagSize ||
            !TryParseWorkFactor(stanza.Args[1], out int logN))
        {
            throw new AgeException(AgeErrorKind.Header, "An scrypt stanza is malformed.");
        }

        if (logN > maxWorkFactor)
        {
            throw new AgeException(AgeErrorKind.Header, "An scrypt stanza's work factor is above the allowed maximum.");
        }

        byte[] wrapKey = ScryptKdf.WrapKey(passphrase, salt, logN);
        Span<byte> fileKey = stackalloc byte[FileKey.Length];
        try
        {
            return Aead.TryOpenWithZeroNonce(wrapKey, stanza.Body.Span, fileKey) ? FileKey.FromBytes(fileKey) : null;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(wrapKey);
            CryptographicOperations.ZeroMemory(fileKey);
        }
    }

    /// <summary>^[1-9][0-9]*$ and no overflow, as the spec requires.</summary>
    private static bool TryParseWorkFactor(string text, out int logN)
    {
        logN = 0;
        if (text.Length is 0 or > 9 || text[0] is < '1' or > '9' || text.Any(c => c is < '0' or > '9'))
        {
            return false;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out logN);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(passphrase);
        disposed = true;
    }

    /// <summary>Never shows the passphrase.</summary>
    public override string ToString() => "ScryptIdentity";
}

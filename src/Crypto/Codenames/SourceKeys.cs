using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Generators;
using WhistleSubmit.Crypto.Age;

namespace WhistleSubmit.Crypto.Codenames;

/// <summary>
/// The keys a source derives from a codename (docs/FORMATS.md#codename-derivation), identically in the browser:
/// seed = scrypt(codename, "whistlesubmit/v1/codename", N=2^15, r=8, p=1, 32 B); mailbox token and reply seed are
/// HKDF-SHA256(seed, empty salt, info "whistlesubmit/v1/mailbox" / "whistlesubmit/v1/reply", 32 B); the case key (protocol
/// v2) is HKDF-SHA256(seed, empty salt, info "whistlesubmit/v2/case", 32 B). Zeroed on dispose.
/// </summary>
[DebuggerDisplay("SourceKeys")]
public sealed class SourceKeys : IDisposable
{
    /// <summary>The length of the mailbox token in bytes.</summary>
    public const int MailboxTokenLength = 32;

    /// <summary>The length of the case key in bytes.</summary>
    public const int CaseKeyLength = 32;

    private const int SeedLength = 32;
    private const int ScryptN = 1 << 15;
    private const int ScryptR = 8;
    private const int ScryptP = 1;

    private static readonly byte[] ScryptSalt = "whistlesubmit/v1/codename"u8.ToArray();
    private static readonly byte[] MailboxInfo = "whistlesubmit/v1/mailbox"u8.ToArray();
    private static readonly byte[] ReplyInfo = "whistlesubmit/v1/reply"u8.ToArray();
    private static readonly byte[] CaseInfo = "whistlesubmit/v2/case"u8.ToArray();

    private readonly byte[] seed;
    private readonly byte[] mailboxToken;
    private readonly byte[] caseKey;
    private readonly MlKem768X25519Identity replyIdentity;
    private bool disposed;

    private SourceKeys(byte[] seed)
    {
        this.seed = seed;
        mailboxToken = HKDF.DeriveKey(HashAlgorithmName.SHA256, seed, MailboxTokenLength, [], MailboxInfo);
        MailboxId = MailboxIdFromToken(mailboxToken);
        caseKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, seed, CaseKeyLength, [], CaseInfo);
        byte[] replySeed = HKDF.DeriveKey(HashAlgorithmName.SHA256, seed, MlKem768X25519Identity.SeedLength, [], ReplyInfo);
        try
        {
            replyIdentity = MlKem768X25519Identity.FromSeed(replySeed);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(replySeed);
        }
    }

    /// <summary>The secret token the source presents to open its mailbox (never stored by the server).</summary>
    public ReadOnlySpan<byte> MailboxToken
    {
        get
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            return mailboxToken;
        }
    }

    /// <summary>Lower-case hex SHA-256 of the mailbox token: what the server stores to find the mailbox.</summary>
    public string MailboxId { get; }

    /// <summary>
    /// The secret that proves, inside the encryption to the reviewers, that an item comes from the holder of this
    /// codename (docs/FORMATS.md#case-proof). Goes into report.json and message.json v2; never to the server in clear.
    /// </summary>
    public ReadOnlySpan<byte> CaseKey
    {
        get
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            return caseKey;
        }
    }

    /// <summary>The source's post-quantum identity that decrypts reviewers' replies.</summary>
    public MlKem768X25519Identity ReplyIdentity
    {
        get
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            return replyIdentity;
        }
    }

    /// <summary>The recipient reviewers encrypt replies to (goes into report.json).</summary>
    public MlKem768X25519Recipient ReplyRecipient => ReplyIdentity.Recipient;

    /// <summary>The scrypt output; exposed to the tests only, to pin known-answer vectors.</summary>
    internal ReadOnlySpan<byte> Seed
    {
        get
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            return seed;
        }
    }

    /// <summary>Derives the keys of a codename (normalised first). Deliberately slow: scrypt with 32 MiB of memory.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="codename"/> is null.</exception>
    /// <exception cref="FormatException">Not a valid codename (generic message).</exception>
    public static SourceKeys Derive(string codename)
    {
        string normalized = Codename.Normalize(codename);
        byte[] password = Encoding.UTF8.GetBytes(normalized);
        try
        {
            return new SourceKeys(SCrypt.Generate(password, ScryptSalt, ScryptN, ScryptR, ScryptP, SeedLength));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(password);
        }
    }

    /// <summary>The mailbox id for a token a source presented: lower-case hex SHA-256.</summary>
    /// <exception cref="ArgumentException">The token is not 32 bytes.</exception>
    public static string MailboxIdFromToken(ReadOnlySpan<byte> mailboxToken)
    {
        if (mailboxToken.Length != MailboxTokenLength)
        {
            throw new ArgumentException($"A mailbox token is {MailboxTokenLength} bytes.", nameof(mailboxToken));
        }

        return Convert.ToHexStringLower(SHA256.HashData(mailboxToken));
    }

    /// <summary>The case proof of a case key: lower-case hex SHA-256, what the console groups a source's items by.</summary>
    /// <exception cref="ArgumentException">The key is not 32 bytes.</exception>
    public static string CaseProofFromKey(ReadOnlySpan<byte> caseKey)
    {
        if (caseKey.Length != CaseKeyLength)
        {
            throw new ArgumentException($"A case key is {CaseKeyLength} bytes.", nameof(caseKey));
        }

        return Convert.ToHexStringLower(SHA256.HashData(caseKey));
    }

    /// <summary>Zeroes the seed, the token, the case key and the reply identity.</summary>
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        CryptographicOperations.ZeroMemory(seed);
        CryptographicOperations.ZeroMemory(mailboxToken);
        CryptographicOperations.ZeroMemory(caseKey);
        replyIdentity.Dispose();
        disposed = true;
    }

    /// <inheritdoc />
    public override string ToString() => "SourceKeys";
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Konscious.Security.Cryptography;

namespace WhistleSubmit.Portal.Features.Transfer.Accounts;

/// <summary>
/// Argon2id (RFC 9106) password hashes as PHC strings, <c>$argon2id$v=19$m=65536,t=3,p=1$salt$hash</c>, so each hash
/// keeps the cost it was made with. Passwords are NFC-normalised first: the same passphrase typed on two systems
/// must give the same bytes.
/// </summary>
public sealed partial class PasswordHasher(TransferOptions options)
{
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    /// <summary>The longest password accepted at all: bounds the work done on untrusted input.</summary>
    public const int MaxPasswordChars = 1024;

    public TransferOptions Options => options;

    public string Hash(string password)
    {
        byte[] salt = RandomNumberGenerator.GetBytes(SaltBytes);
        byte[] hash = Compute(password, salt, options.Argon2MemoryKiB, options.Argon2Iterations, options.Argon2Parallelism);
        return string.Create(CultureInfo.InvariantCulture,
            $"$argon2id$v=19$m={options.Argon2MemoryKiB},t={options.Argon2Iterations},p={options.Argon2Parallelism}${B64(salt)}${B64(hash)}");
    }

    /// <summary>
    /// True if password matches. With a null hash (no such account) the same work is done against a throwaway salt
    /// and false returned, so the time taken does not tell whether an account exists.
    /// </summary>
    public bool Verify(string? phc, string password)
    {
        if (phc is null || Phc().Match(phc) is not { Success: true } m)
        {
            Compute(password, new byte[SaltBytes], options.Argon2MemoryKiB, options.Argon2Iterations, options.Argon2Parallelism);
            return false;
        }

        int memory = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
        int iterations = int.Parse(m.Groups["t"].Value, CultureInfo.InvariantCulture);
        int lanes = int.Parse(m.Groups["p"].Value, CultureInfo.InvariantCulture);
        byte[] salt = FromB64(m.Groups["salt"].Value);
        byte[] expected = FromB64(m.Groups["hash"].Value);
        if (memory is < 8 or > 1024 * 1024 || iterations is < 1 or > 16 || lanes is < 1 or > 8 || salt.Length != SaltBytes || expected.Length != HashBytes)
        {
            throw new CryptographicException("A stored password hash has impossible parameters.");
        }

        return CryptographicOperations.FixedTimeEquals(Compute(password, salt, memory, iterations, lanes), expected);
    }

    private static byte[] Compute(string password, byte[] salt, int memoryKiB, int iterations, int lanes)
    {
        if (password.Length > MaxPasswordChars)
        {
            password = password[..MaxPasswordChars];
        }

        byte[] bytes = Encoding.UTF8.GetBytes(password.Normalize(NormalizationForm.FormC));
        try
        {
            using var argon2 = new Argon2id(bytes) { Salt = salt, MemorySize = memoryKiB, Iterations = iterations, DegreeOfParallelism = lanes };
            return argon2.GetBytes(HashBytes);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    private static string B64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=');

    private static byte[] FromB64(string text) => Convert.FromBase64String(text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '='));

    [GeneratedRegex(@"^\$argon2id\$v=19\$m=(?<m>[1-9][0-9]{0,7}),t=(?<t>[1-9][0-9]?),p=(?<p>[1-9])\$(?<salt>[A-Za-z0-9+/]{22})\$(?<hash>[A-Za-z0-9+/]{43})$", RegexOptions.CultureInvariant)]
    private static partial Regex Phc();
}

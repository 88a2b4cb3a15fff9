using System.Security.Cryptography;

namespace WhistleSubmit.Portal.Store;

/// <summary>
/// A reviewer's account on the transfer interface. PasswordHash is a PHC string ($argon2id$v=19$m=…,t=…,p=…$salt$hash)
/// that carries its own parameters; TotpSecret is the RFC 6238 shared secret. LockedUntil is exact while this process
/// locked the account, else the end of the UTC day the store keeps (issue 14). Stamp changes whenever the password or
/// secret does, which ends every session opened before.
/// </summary>
public sealed record ReviewerAccount(
    string Name,
    string PasswordHash,
    byte[] TotpSecret,
    bool MustChangePassword,
    string CreatedDay,
    string? LastLoginDay,
    int FailedLogins,
    DateTimeOffset? LockedUntil,
    string Stamp)
{
    /// <summary>A fresh stamp for an account whose password or secret changes: every older session ends.</summary>
    public static string NewStamp() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}

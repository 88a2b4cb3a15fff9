using System.Security.Cryptography;
using OtpNet;

namespace WhistleSubmit.Portal.Features.Transfer.Accounts;

/// <summary>
/// RFC 6238 TOTP as every authenticator app does it by default: HMAC-SHA-1, 30-second steps, 6 digits, one step of
/// clock drift either way. The step a code matched is returned so the caller can refuse its reuse.
/// </summary>
public static class TotpCodes
{
    public const string Issuer = "WhistleSubmit";

    /// <summary>The length of a step, in seconds.</summary>
    public const int StepSeconds = 30;

    /// <summary>How many steps of clock drift are accepted either way.</summary>
    public const int Window = 1;

    /// <summary>The step a moment falls in.</summary>
    public static long StepAt(DateTimeOffset moment) => moment.ToUnixTimeSeconds() / StepSeconds;

    /// <summary>160 bits, RFC 4226's recommended secret length.</summary>
    public static byte[] NewSecret() => RandomNumberGenerator.GetBytes(20);

    /// <summary>The time step the code matched, or null. Anything but exactly six ASCII digits is refused outright.</summary>
    public static long? Verify(byte[] secret, string? code, DateTimeOffset now)
    {
        if (code is not { Length: 6 } || !code.All(char.IsAsciiDigit))
        {
            return null;
        }

        var totp = new Totp(secret, step: StepSeconds, mode: OtpHashMode.Sha1, totpSize: 6);
        return totp.VerifyTotp(now.UtcDateTime, code, out long step, new VerificationWindow(previous: Window, future: Window)) ? step : null;
    }

    /// <summary>The code of a moment, as an authenticator app shows it (tests compute their logins with it).</summary>
    public static string Compute(byte[] secret, DateTimeOffset at) =>
        new Totp(secret, step: StepSeconds, mode: OtpHashMode.Sha1, totpSize: 6).ComputeTotp(at.UtcDateTime);

    /// <summary>The otpauth:// URI an authenticator app reads (Key Uri Format).</summary>
    public static string Uri(string account, byte[] secret) =>
        $"otpauth://totp/{Issuer}:{System.Uri.EscapeDataString(account)}?secret={Base32Encoding.ToString(secret).TrimEnd('=')}" +
        $"&issuer={Issuer}&algorithm=SHA1&digits=6&period=30";
}

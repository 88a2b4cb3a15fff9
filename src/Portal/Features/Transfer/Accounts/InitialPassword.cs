using System.Security.Cryptography;

namespace WhistleSubmit.Portal.Features.Transfer.Accounts;

/// <summary>A one-time password for a new or reset account: four groups of six characters from 50 without look-alikes, about 135 bits.</summary>
public static class InitialPassword
{
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRTUVWXY346789";

    public static string New() => string.Join('-', Enumerable.Range(0, 4).Select(_ => RandomNumberGenerator.GetString(Alphabet, 6)));
}

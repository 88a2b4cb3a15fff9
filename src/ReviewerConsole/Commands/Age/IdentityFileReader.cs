using System.Security.Cryptography;
using System.Text;
using WhistleSubmit.Crypto.Age;
using WhistleSubmit.ReviewerConsole.Shared;

namespace WhistleSubmit.ReviewerConsole.Commands.Age;

/// <summary>
/// Reads an -i identity file: one or more secret keys plus # comments. A file that is itself age-encrypted with a
/// passphrase (binary or armored) is decrypted in memory after a prompt; the plaintext never touches the disk.
/// </summary>
internal static class IdentityFileReader
{
    private const string BinaryPrefix = "age-encryption.org/";
    private const string ArmorPrefix = "-----BEGIN AGE ENCRYPTED FILE-----";

    public static IReadOnlyList<IIdentity> Read(string path)
    {
        byte[] bytes = InputSource.ReadAll(path, "identity file");
        byte[]? plaintext = null;
        try
        {
            if (LooksEncrypted(bytes))
            {
                plaintext = DecryptWithPassphrase(bytes, path);
            }

            return Parse(plaintext ?? bytes, path);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
            if (plaintext is not null)
            {
                CryptographicOperations.ZeroMemory(plaintext);
            }
        }
    }

    internal static bool LooksEncrypted(ReadOnlySpan<byte> bytes)
    {
        ReadOnlySpan<byte> start = bytes.TrimStart(" \t\r\n"u8);
        return bytes.StartsWith(Encoding.ASCII.GetBytes(BinaryPrefix))
            || start.StartsWith(Encoding.ASCII.GetBytes(ArmorPrefix));
    }

    private static byte[] DecryptWithPassphrase(byte[] ciphertext, string path)
    {
        var prompt = new PassphrasePromptIdentity($"Enter passphrase for identity file \"{path}\":");
        try
        {
            return AgeEncryption.Decrypt(ciphertext, [prompt]);
        }
        catch (AgeException ex) when (ex.Kind == AgeErrorKind.NoMatch)
        {
            throw prompt.Prompted
                ? new CliException($"incorrect passphrase for identity file \"{path}\"", null, ex)
                : new CliException($"identity file \"{path}\" is encrypted, but not with a passphrase",
                    "decrypt it first with the key it was encrypted to", ex);
        }
        catch (AgeException ex)
        {
            throw new CliException($"identity file \"{path}\" is an encrypted file, but it is damaged or was modified", null, ex);
        }
    }

    private static IReadOnlyList<IIdentity> Parse(byte[] text, string path)
    {
        try
        {
            using var reader = new StringReader(Encoding.UTF8.GetString(text));
            return AgeKeys.ParseIdentitiesFile(reader);
        }
        catch (FormatException ex)
        {
            // The parser's message names the line number only, never the line: safe to show.
            throw new CliException(
                $"identity file \"{path}\" is not a valid age identity file ({ErrorReporter.Detail(ex)})",
                "an identity file holds AGE-SECRET-KEY-… lines and # comments, as written by 'whistle-review age keygen'", ex);
        }
    }
}

using System.Security.Cryptography;
using WhistleSubmit.Crypto.Age;

namespace WhistleSubmit.Crypto.Tests.Interop;

/// <summary>
/// A temporary folder for one test, with our own streaming encrypt/decrypt between files, so that the same files can be
/// handed to the external tools.
/// </summary>
internal sealed class InteropFiles : IDisposable
{
    public InteropFiles()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("ws-interop-").FullName;
    }

    public string Directory { get; }

    public string PathOf(string name) => Path.Combine(Directory, name);

    /// <summary>Writes <paramref name="size"/> pseudo-random bytes (seeded by the size, so failures reproduce).</summary>
    public string WritePlaintext(string name, int size)
    {
        var bytes = new byte[size];
        new Random(size).NextBytes(bytes);
        string path = PathOf(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public string WriteText(string name, string text)
    {
        string path = PathOf(name);
        File.WriteAllText(path, text);
        return path;
    }

    public string Encrypt(string plaintextPath, string name, IReadOnlyList<IRecipient> recipients, bool armor = false)
    {
        string path = PathOf(name);
        using var input = File.OpenRead(plaintextPath);
        using var output = File.Create(path);
        using (var encryptor = AgeEncryption.Encrypt(output, recipients, armor))
        {
            input.CopyTo(encryptor);
        }

        return path;
    }

    public string Decrypt(string ciphertextPath, string name, IReadOnlyList<IIdentity> identities)
    {
        string path = PathOf(name);
        using var input = File.OpenRead(ciphertextPath);
        using var output = File.Create(path);
        using (var decryptor = AgeEncryption.Decrypt(input, identities))
        {
            decryptor.CopyTo(output);
        }

        return path;
    }

    /// <summary>Asserts two files hold the same bytes (by length, then SHA-256, so MiB-sized diffs stay readable).</summary>
    public static void AssertSameContent(string expectedPath, string actualPath)
    {
        Assert.That(new FileInfo(actualPath).Length, Is.EqualTo(new FileInfo(expectedPath).Length), "plaintext length");
        Assert.That(
            Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(actualPath))),
            Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(expectedPath)))),
            "plaintext SHA-256");
    }

    public void Dispose()
    {
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}

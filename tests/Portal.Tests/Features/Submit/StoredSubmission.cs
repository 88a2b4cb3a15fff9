using System.Text;
using WhistleSubmit.Crypto.Age;
using WhistleSubmit.Crypto.Containers;
using WhistleSubmit.Portal.Storage;

namespace WhistleSubmit.Portal.Tests.Features.Submit;

/// <summary>Test-side reading of what the portal stored: decrypted with the demo reviewer identity, as the console would.</summary>
internal static class StoredSubmission
{
    public static (SubmissionContents Contents, List<byte[]> Files) Open(PortalStore store, string itemId, string dataDirectory)
    {
        using var identityFile = File.OpenText(Path.Combine(dataDirectory, "demo-reviewer-identity.txt"));
        var identities = AgeKeys.ParseIdentitiesFile(identityFile);
        using var ciphertext = store.OpenCiphertext(itemId);
        using var plain = AgeEncryption.Decrypt(ciphertext, identities);
        var files = new List<byte[]>();
        var contents = SubmissionReader.Read(plain, (_, data) =>
        {
            using var copy = new MemoryStream();
            data.CopyTo(copy);
            files.Add(copy.ToArray());
        });
        return (contents, files);
    }

    /// <summary>Files under <paramref name="directory"/> (recursively) whose bytes contain any of the canaries.</summary>
    public static IReadOnlyList<string> FilesContaining(string directory, IEnumerable<string> canaries)
    {
        if (!Directory.Exists(directory))
        {
            return [];
        }

        var needles = canaries.Select(Encoding.UTF8.GetBytes).ToList();
        // Skipped: the store's lock file (held exclusively by the running portal, always empty) and the admin socket
        // (a Unix socket, not a file with contents).
        string[] skipped = ["store.lock", "admin.sock"];
        return [.. Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(path => !skipped.Contains(Path.GetFileName(path)))
            .Where(path => File.ReadAllBytes(path) is var bytes && needles.Any(n => bytes.AsSpan().IndexOf(n) >= 0))];
    }
}

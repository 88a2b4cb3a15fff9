using WhistleSubmit.Crypto.Age;
using WhistleSubmit.Crypto.Containers;
using WhistleSubmit.Portal.Store;
using WhistleSubmit.Portal.Tests.Store;

namespace WhistleSubmit.Portal.Tests.Features.Submit;

/// <summary>Test-side reading of what the portal stored: decrypted with the demo reviewer identity, as the console would.</summary>
internal static class StoredSubmission
{
    public static (SubmissionContents Contents, List<byte[]> Files) Open(PortalDatabase store, string itemId, string dataDirectory)
    {
        using var identityFile = File.OpenText(Path.Combine(dataDirectory, "demo-reviewer-identity.txt"));
        var identities = AgeKeys.ParseIdentitiesFile(identityFile);
        using var ciphertext = store.Transfer().OpenCiphertext(itemId);
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
}

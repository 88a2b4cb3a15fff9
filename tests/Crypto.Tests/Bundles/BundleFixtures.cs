using System.Security.Cryptography;
using System.Text;
using WhistleSubmit.Crypto.Bundles;
using WhistleSubmit.Crypto.Tests.Tar;

namespace WhistleSubmit.Crypto.Tests.Bundles;

internal static class BundleFixtures
{
    internal const string Mailbox = "0d55a056e28e9586677fadfef201044683caead82410cac516d143ed2db8c858";
    internal const string Id1 = "00112233445566778899aabbccddeeff";
    internal const string Id2 = "ffeeddccbbaa99887766554433221100";

    internal static readonly DateOnly Day = new(2026, 11, 27);

    internal static byte[] Write(params (string Id, byte[] Data)[] items)
    {
        var writer = new BundleWriter(BundleKind.Submissions, Day);
        foreach (var (id, data) in items)
        {
            writer.Add(id, Mailbox, BundleItemKind.Submission, data.Length, () => new MemoryStream(data));
        }

        using var output = new MemoryStream();
        writer.WriteTo(output);
        return output.ToArray();
    }

    internal static string Sha(byte[] data) => Convert.ToHexStringLower(SHA256.HashData(data));

    internal static string ItemJson(string id, byte[] data, string kind = "submission") =>
        $$"""{"id":"{{id}}","mailboxId":"{{Mailbox}}","kind":"{{kind}}","size":{{data.Length}},"sha256":"{{Sha(data)}}"}""";

    internal static string ManifestJson(params string[] items) =>
        $$"""{"v":1,"kind":"submissions","created":"2026-11-27","items":[{{string.Join(',', items)}}]}""";

    /// <summary>Hand-built bundle: manifest, then entries, then the end-of-archive marker.</summary>
    internal static byte[] Raw(string manifest, params byte[][] entries) =>
        [.. RawTar.Entry("manifest.json", Encoding.UTF8.GetBytes(manifest)), .. entries.SelectMany(e => e), .. RawTar.EndOfArchive()];

    internal static BundleReader Open(byte[] bundle, BundleLimits? limits = null) => BundleReader.Open(new MemoryStream(bundle), limits);
}

using System.Security.Cryptography;
using System.Text;
using WhistleSubmit.Crypto.Age;

namespace WhistleSubmit.ReviewerConsole.Tests.Support;

/// <summary>
/// A vault with one case whose report has a few large attachments, so that an export or an import takes long enough
/// to be interrupted in the middle. Every attachment starts with a canary line and repeats it, so a partial file
/// holds it too. Built once per run and copied.
/// </summary>
internal static class LargeAttachments
{
    public const string Canary = "CANARY-LARGE-ATTACHMENT-7c2d";
    public const string NameCanary = "CANARY-ATTACHMENT-NAME-41aa";
    public const string DescriptionCanary = "CANARY-LARGE-REPORT-e05b";
    public const int Count = 4;
    public const int Size = 12 * 1024 * 1024;

    private static readonly Lazy<(Templates.Template Vault, byte[] Bundle, byte[][] Files)> Lazy = new(() =>
    {
        TestVault vault = Templates.Track(TestVault.WithKey());
        string recipient = ImportedScenario.RecipientOf(vault);
        byte[][] files = [.. Enumerable.Range(0, Count).Select(File)];
        var source = MlKem768X25519Identity.Generate();
        byte[] report = Fixtures.Encrypt(Fixtures.Container(
            Fixtures.Report("Large files follow. " + DescriptionCanary, source.Recipient.ToString(),
                [.. files.Select((f, i) => ($"{NameCanary}-{i}.txt", f))]),
            files), recipient);
        byte[] bundle = Fixtures.Bundle(BundleEntry.Submission(Fixtures.NewMailbox(), report));
        vault.Succeed("import", vault.Directory.Write("large.wsbundle", bundle));
        return (new Templates.Template(vault), bundle, files);
    });

    public static TestVault Vault() => Lazy.Value.Vault.CopyTo(new TestVault());

    /// <summary>The submissions bundle the template imported (for interrupting an import).</summary>
    public static byte[] Bundle => Lazy.Value.Bundle;

    public static IReadOnlyList<byte[]> Files => Lazy.Value.Files;

    private static byte[] File(int index)
    {
        byte[] line = Encoding.ASCII.GetBytes($"{Canary} file {index} {Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}\n");
        var data = new byte[Size];
        for (int at = 0; at < data.Length; at += line.Length)
        {
            line.AsSpan(0, Math.Min(line.Length, data.Length - at)).CopyTo(data.AsSpan(at));
        }

        return data;
    }
}

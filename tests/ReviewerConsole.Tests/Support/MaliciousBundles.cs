using System.Text;
using WhistleSubmit.Crypto.Age;
using WhistleSubmit.Crypto.Bundles;
using WhistleSubmit.Crypto.Tests.Tar;

namespace WhistleSubmit.ReviewerConsole.Tests.Support;

/// <summary>
/// Bundles an attacker could hand the offline machine (issue 4 "Safety"), each with the start of the error it must
/// get ({id} stands for an item id's first 8 hex digits, {n} for a byte count). Builders take the vault's recipient, for items that must decrypt before their container is found malicious.
/// <see cref="ItemCases"/> are bundles that verify but hold one bad item: that item is refused (issue 13/15), not the bundle.
/// </summary>
internal static class MaliciousBundles
{
    public const string InvalidBundle = "whistle-review: error: the bundle is not valid: it is damaged, was modified, or holds something a bundle may not; nothing was imported";
    public const string ItemMismatch = "whistle-review: error: the bundle's entry for item {id} is not what its manifest says (name, type, size or SHA-256): it is damaged or was modified; nothing was imported";
    public const string InvalidContainer = "it decrypted, but its contents are not a valid submission (a malformed or unsafe archive, or a message)";

    private const string ReportWithOneFile =
        """{"v":1,"description":"CANARY-MALICE-77aa11","attachments":[{"name":"a","size":3}],"client":{"language":"en","encryptedBy":"browser"}}""";

    private static readonly byte[] Data = Encoding.ASCII.GetBytes("age-encryption.org/v1 not really");

    public static IEnumerable<TestCaseData> Cases()
    {
        yield return Case("path traversal", _ => WithEntry(id => RawTar.Entry($"items/../{id}.age", Data)), ItemMismatch);
        yield return Case("absolute path", _ => WithEntry(id => RawTar.Entry($"/items/{id}.age", Data)), ItemMismatch);
        yield return Case("symlink", _ => WithEntry(id => RawTar.Entry($"items/{id}.age", [], '2', linkName: "/etc/passwd"), size: 0), ItemMismatch);
        yield return Case("hardlink", _ => WithEntry(id => RawTar.Entry($"items/{id}.age", [], '1', linkName: "manifest.json"), size: 0), ItemMismatch);
        yield return Case("character device", _ => WithEntry(id => RawTar.Entry($"items/{id}.age", [], '3'), size: 0), ItemMismatch);
        yield return Case("directory", _ => WithEntry(id => RawTar.Entry($"items/{id}.age", [], '5'), size: 0), ItemMismatch);
        yield return Case("duplicate entry", _ => WithEntry(id => [.. RawTar.Entry($"items/{id}.age", Data), .. RawTar.Entry($"items/{id}.age", Data)]), InvalidBundle);
        yield return Case("entry not in manifest", _ => WithEntry(id => [.. RawTar.Entry($"items/{id}.age", Data), .. RawTar.Entry($"items/{BundleItem.NewId()}.age", Data)]), InvalidBundle);
        yield return Case("hash mismatch", _ => WithEntry(id => RawTar.Entry($"items/{id}.age", Encoding.ASCII.GetBytes("age-encryption.org/v1 not reallY"))), ItemMismatch);
        yield return Case("truncated archive", r => ValidBundle(r)[..^1500], "whistle-review: error: the bundle is truncated: {n} of {n} bytes; nothing was imported");
        yield return Case("oversized manifest", _ => [.. RawTar.Header("manifest.json", 17L << 20), .. new byte[4096]], InvalidBundle);
        yield return Case("oversized item", _ => Fixtures.RawBundle(Fixtures.ManifestJson(
            Fixtures.ItemJson(BundleItem.NewId(), Fixtures.NewMailbox(), (8L << 30) + 1, Fixtures.Sha256(Data)))), InvalidBundle);
        yield return Case("not a bundle", _ => Encoding.ASCII.GetBytes("PK\u0003\u0004 this is a zip file, not a bundle"), InvalidBundle);
        yield return Case("replies bundle", r => Fixtures.Bundle(BundleKind.Replies, new BundleEntry(BundleItem.NewId(), Fixtures.NewMailbox(), BundleItemKind.Reply, Fixtures.Encrypt([1, 2, 3], r))),
            "whistle-review: error: this is a replies bundle (for 'whistle-portal import-replies'), not a submissions bundle; nothing was imported");
    }

    /// <summary>Bundles that verify whose last item is bad, with the reason it is refused for.</summary>
    public static IEnumerable<TestCaseData> ItemCases()
    {
        yield return Case("item for other keys", _ => Fixtures.Bundle(BundleEntry.Submission(Fixtures.NewMailbox(),
            Fixtures.Encrypt(Fixtures.FollowUp("x"), MlKem768X25519Identity.Generate().Recipient.ToString()))),
            "it could not be decrypted with this vault's keys (it was encrypted to other keys)");
        yield return Case("item payload modified", r => Fixtures.Bundle(BundleEntry.Submission(Fixtures.NewMailbox(), Flip(ValidReport(r)))),
            "it is damaged: its encryption failed authentication");
        yield return Case("container traversal", r => Container(r, RawTar.Entry("report.json", ReportWithOneFile), RawTar.Entry("files/001-../../../x", "abc")), InvalidContainer);
        yield return Case("container absolute path", r => Container(r, RawTar.Entry("report.json", ReportWithOneFile), RawTar.Entry("/tmp/001-a", "abc")), InvalidContainer);
        yield return Case("container symlink", r => Container(r, RawTar.Entry("report.json", ReportWithOneFile), RawTar.Entry("files/001-a", [], '2', linkName: "/etc/shadow")), InvalidContainer);
        yield return Case("container hardlink", r => Container(r, RawTar.Entry("report.json", ReportWithOneFile), RawTar.Entry("files/001-a", [], '1', linkName: "report.json")), InvalidContainer);
        yield return Case("container device", r => Container(r, RawTar.Entry("report.json", ReportWithOneFile), RawTar.Entry("files/001-a", [], '4')), InvalidContainer);
        yield return Case("container duplicate entry", r => Container(r, RawTar.Entry("report.json", ReportWithOneFile), RawTar.Entry("files/001-a", "abc"), RawTar.Entry("files/001-a", "abc")), InvalidContainer);
        yield return Case("container unknown entry", r => Container(r, RawTar.Entry("report.json", ReportWithOneFile), RawTar.Entry("files/001-a", "abc"), RawTar.Entry("run.sh", "rm -rf ~")), InvalidContainer);
        yield return Case("follow-up holding a report", r => Fixtures.Bundle(BundleEntry.Followup(Fixtures.NewMailbox(), ValidReport(r))),
            "it decrypted, but its contents are not a valid message (a malformed or unsafe archive, or a report)");
        yield return Case("submission holding a message", r => Fixtures.Bundle(BundleEntry.Submission(Fixtures.NewMailbox(),
            Fixtures.Encrypt(Fixtures.FollowUp("CANARY-MALICE-77aa11"), r))), InvalidContainer);
        yield return Case("junk encrypted to the team", r => Fixtures.Bundle(BundleEntry.Submission(Fixtures.NewMailbox(),
            Fixtures.Encrypt(Encoding.ASCII.GetBytes("CANARY-MALICE-77aa11 junk, not a container"), r))), InvalidContainer);
        yield return Case("second item malicious", r => Fixtures.Bundle(
            BundleEntry.Submission(Fixtures.NewMailbox(), ValidReport(r)),
            BundleEntry.Submission(Fixtures.NewMailbox(), Fixtures.Encrypt(RawTar.Container(RawTar.Entry("report.json", ReportWithOneFile), RawTar.Entry("files/001-a", [], '2', linkName: "x")), r))),
            InvalidContainer);
    }

    public static byte[] ValidReport(string recipient) =>
        Fixtures.Encrypt(Fixtures.Container(Fixtures.Report("A valid report CANARY-MALICE-77aa11.", null)), recipient);

    private static byte[] ValidBundle(string recipient) => Fixtures.Bundle(BundleEntry.Submission(Fixtures.NewMailbox(), ValidReport(recipient)));

    private static TestCaseData Case(string name, Func<string, byte[]> build, string error) =>
        new TestCaseData(build, error).SetArgDisplayNames(name);

    // A manifest listing one item (of Data's size and hash unless told otherwise), then the given raw entries.
    private static byte[] WithEntry(Func<string, byte[]> entries, long? size = null)
    {
        string id = BundleItem.NewId();
        string sha = size == 0 ? Fixtures.Sha256([]) : Fixtures.Sha256(Data);
        return Fixtures.RawBundle(Fixtures.ManifestJson(Fixtures.ItemJson(id, Fixtures.NewMailbox(), size ?? Data.Length, sha)), entries(id));
    }

    private static byte[] Container(string recipient, params byte[][] entries) =>
        Fixtures.Bundle(BundleEntry.Submission(Fixtures.NewMailbox(), Fixtures.Encrypt(RawTar.Container(entries), recipient)));

    private static byte[] Flip(byte[] ciphertext)
    {
        byte[] copy = (byte[])ciphertext.Clone();
        copy[^20] ^= 1;
        return copy;
    }
}

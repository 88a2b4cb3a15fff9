using System.Text;
using WhistleSubmit.Crypto.Bundles;
using static WhistleSubmit.Crypto.Tests.Bundles.BundleFixtures;

namespace WhistleSubmit.Crypto.Tests.Bundles;

public class BundleWriterTests
{
    [Test]
    public void WriteTo_Items_RoundTripThroughReader()
    {
        byte[] a = Encoding.UTF8.GetBytes("age-encryption.org/v1 ...");
        byte[] b = new byte[100_000];
        new Random(4).NextBytes(b);

        byte[] bundle = Write((Id1, a), (Id2, b));
        using BundleReader reader = Open(bundle);

        Assert.Multiple(() =>
        {
            Assert.That(reader.Manifest.Kind, Is.EqualTo(BundleKind.Submissions));
            Assert.That(reader.Manifest.Created, Is.EqualTo(Day));
            Assert.That(reader.Manifest.Items.Select(i => i.Id), Is.EqualTo(new[] { Id1, Id2 }));
            Assert.That(reader.Manifest.Items.Select(i => i.Sha256), Is.EqualTo(new[] { Sha(a), Sha(b) }));
            Assert.That(ReadAll(reader.OpenItem(Id1)), Is.EqualTo(a));
            Assert.That(ReadAll(reader.OpenItem(Id2)), Is.EqualTo(b));
        });
    }

    [Test]
    public void WriteTo_Manifest_HasTheDocumentedShape()
    {
        byte[] data = [1, 2, 3];
        byte[] bundle = Write((Id1, data));

        int size = Convert.ToInt32(Encoding.ASCII.GetString(bundle, 124, 11), 8);
        string json = Encoding.UTF8.GetString(bundle, 512, size);

        Assert.That(Encoding.ASCII.GetString(bundle, 0, 13), Is.EqualTo("manifest.json"));
        Assert.That(json, Is.EqualTo(ManifestJson(ItemJson(Id1, data))));
    }

    [Test]
    public void WriteTo_KnownHash_OpensOnceAndChecks()
    {
        byte[] data = [1, 2, 3];
        int opened = 0;
        var writer = new BundleWriter(BundleKind.Replies, Day);
        writer.Add(Id1, Mailbox, BundleItemKind.Reply, 3, () => { opened++; return new MemoryStream(data); }, Sha(data));

        using var output = new MemoryStream();
        writer.WriteTo(output);

        Assert.That(opened, Is.EqualTo(1));
        using BundleReader reader = Open(output.ToArray());
        Assert.That(reader.Manifest.Kind, Is.EqualTo(BundleKind.Replies));
    }

    [Test]
    public void WriteTo_WrongKnownHash_ThrowsInvalidOperationAndOutputIsRefused()
    {
        var writer = new BundleWriter(BundleKind.Replies, Day);
        writer.Add(Id1, Mailbox, BundleItemKind.Reply, 3, () => new MemoryStream([1, 2, 3]), new string('0', 64));
        using var output = new MemoryStream();

        Assert.That(() => writer.WriteTo(output), Throws.InvalidOperationException);
        Assert.That(() => Open(output.ToArray()), Throws.TypeOf<BundleException>());
    }

    [Test]
    public void WriteTo_ItemChangesBetweenPasses_ThrowsInvalidOperation()
    {
        int opened = 0;
        var writer = new BundleWriter(BundleKind.Submissions, Day);
        writer.Add(Id1, Mailbox, BundleItemKind.Submission, 1, () => new MemoryStream([(byte)opened++]));

        Assert.That(() => writer.WriteTo(new MemoryStream()), Throws.InvalidOperationException);
    }

    [TestCase(2)]
    [TestCase(4)]
    public void WriteTo_WrongSize_ThrowsInvalidOperation(int actual)
    {
        var writer = new BundleWriter(BundleKind.Submissions, Day);
        writer.Add(Id1, Mailbox, BundleItemKind.Submission, 3, () => new MemoryStream(new byte[actual]));

        Assert.That(() => writer.WriteTo(new MemoryStream()), Throws.InvalidOperationException);
    }

    [Test]
    public void WriteTo_Twice_ThrowsInvalidOperation()
    {
        var writer = new BundleWriter(BundleKind.Submissions, Day);
        writer.WriteTo(new MemoryStream());

        Assert.That(() => writer.WriteTo(new MemoryStream()), Throws.InvalidOperationException);
        Assert.That(() => writer.Add(Id1, Mailbox, BundleItemKind.Submission, 0, () => new MemoryStream()), Throws.InvalidOperationException);
    }

    [Test]
    public void WriteTo_NullOrReadOnlyOutput_Throws()
    {
        var writer = new BundleWriter(BundleKind.Submissions, Day);

        Assert.That(() => writer.WriteTo(null!), Throws.ArgumentNullException);
        Assert.That(() => writer.WriteTo(new MemoryStream([], writable: false)), Throws.ArgumentException);
    }

    [TestCase("0011223344556677889AABBCCDDEEFF0", Mailbox, BundleItemKind.Submission, 0L, Description = "upper-case id")]
    [TestCase("../../etc/passwd", Mailbox, BundleItemKind.Submission, 0L, Description = "traversal id")]
    [TestCase("", Mailbox, BundleItemKind.Submission, 0L, Description = "empty id")]
    [TestCase(Id1, "abc", BundleItemKind.Submission, 0L, Description = "short mailbox id")]
    [TestCase(Id1, Mailbox, BundleItemKind.Reply, 0L, Description = "reply in a submissions bundle")]
    [TestCase(Id1, Mailbox, (BundleItemKind)7, 0L, Description = "undefined kind")]
    [TestCase(Id1, Mailbox, BundleItemKind.Submission, -1L, Description = "negative size")]
    public void Add_InvalidItem_ThrowsArgument(string id, string mailbox, BundleItemKind kind, long size)
    {
        var writer = new BundleWriter(BundleKind.Submissions, Day);

        Assert.That(() => writer.Add(id, mailbox, kind, size, () => new MemoryStream()), Throws.ArgumentException);
    }

    [Test]
    public void Add_DuplicateId_ThrowsArgument()
    {
        var writer = new BundleWriter(BundleKind.Submissions, Day);
        writer.Add(Id1, Mailbox, BundleItemKind.Submission, 0, () => new MemoryStream());

        Assert.That(() => writer.Add(Id1, Mailbox, BundleItemKind.Followup, 0, () => new MemoryStream()), Throws.ArgumentException);
        Assert.That(writer.Count, Is.EqualTo(1));
    }

    [Test]
    public void Add_NullArguments_ThrowArgumentNull()
    {
        var writer = new BundleWriter(BundleKind.Submissions, Day);

        Assert.That(() => writer.Add(null!, Mailbox, BundleItemKind.Submission, 0, () => new MemoryStream()), Throws.ArgumentNullException);
        Assert.That(() => writer.Add(Id1, null!, BundleItemKind.Submission, 0, () => new MemoryStream()), Throws.ArgumentNullException);
        Assert.That(() => writer.Add(Id1, Mailbox, BundleItemKind.Submission, 0, null!), Throws.ArgumentNullException);
    }

    [Test]
    public void Constructor_UndefinedKind_ThrowsArgumentOutOfRange()
    {
        Assert.That(() => new BundleWriter((BundleKind)9, Day), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("00112233445566778899aabbccddeef")]
    [TestCase("00112233445566778899aabbccddeeffa")]
    [TestCase("00112233445566778899aabbccddeefg")]
    public void IsValidId_Malformed_ReturnsFalse(string? id)
    {
        Assert.That(BundleItem.IsValidId(id), Is.False);
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("0D55A056E28E9586677FADFEF201044683CAEAD82410CAC516D143ED2DB8C858")]
    public void IsValidSha256Hex_Malformed_ReturnsFalse(string? value)
    {
        Assert.That(BundleItem.IsValidSha256Hex(value), Is.False);
    }

    [Test]
    public void NewId_Always_IsValid()
    {
        Assert.That(BundleItem.IsValidId(BundleItem.NewId()), Is.True);
    }

    private static byte[] ReadAll(Stream s)
    {
        using (s)
        {
            using var copy = new MemoryStream();
            s.CopyTo(copy);
            return copy.ToArray();
        }
    }
}

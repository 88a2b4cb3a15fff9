using System.Formats.Tar;
using System.Text;
using WhistleSubmit.Crypto.Bundles;
using WhistleSubmit.Crypto.Tests.Tar;
using static WhistleSubmit.Crypto.Tests.Bundles.BundleFixtures;

namespace WhistleSubmit.Crypto.Tests.Bundles;

public class BundleReaderTests
{
    private static readonly byte[] A = "item a"u8.ToArray();
    private static readonly byte[] B = "item b, longer"u8.ToArray();

    [Test]
    public void Open_HandBuiltValidBundle_Succeeds()
    {
        byte[] bundle = Raw(ManifestJson(ItemJson(Id1, A)), RawTar.Entry($"items/{Id1}.age", A));

        using BundleReader reader = Open(bundle);

        Assert.That(reader.Manifest.Items, Has.Count.EqualTo(1));
    }

    [Test]
    public void Open_TrailingRecordPadding_IsAccepted()
    {
        byte[] bundle = [.. Raw(ManifestJson(ItemJson(Id1, A)), RawTar.Entry($"items/{Id1}.age", A)), .. new byte[10240]];

        Assert.That(() => Open(bundle).Dispose(), Throws.Nothing);
    }

    [Test]
    public void Open_EmptyBundle_Succeeds()
    {
        using BundleReader reader = Open(Raw(ManifestJson()));

        Assert.That(reader.Manifest.Items, Is.Empty);
    }

    public static IEnumerable<TestCaseData> Malicious()
    {
        string m1 = ManifestJson(ItemJson(Id1, A));
        string m2 = ManifestJson(ItemJson(Id1, A), ItemJson(Id2, B));
        byte[] e1 = RawTar.Entry($"items/{Id1}.age", A);
        byte[] e2 = RawTar.Entry($"items/{Id2}.age", B);
        TestCaseData Case(string name, byte[] bundle) => new TestCaseData(bundle).SetName("Open_" + name + "_ThrowsBundleException");

        yield return Case("Empty", []);
        yield return Case("OnlyEndOfArchive", RawTar.EndOfArchive());
        yield return Case("ManifestNotFirst", [.. e1, .. RawTar.Entry("manifest.json", m1), .. RawTar.EndOfArchive()]);
        yield return Case("TwoManifests", Raw(m1, RawTar.Entry("manifest.json", m1), e1));
        yield return Case("TraversalPath", Raw(m1, RawTar.Entry($"items/../{Id1}.age", A)));
        yield return Case("AbsolutePath", Raw(m1, RawTar.Entry($"/items/{Id1}.age", A)));
        yield return Case("PathInPrefix", Raw(m1, RawTar.Entry($"{Id1}.age", A, prefix: "items")));
        yield return Case("WrongExtension", Raw(m1, RawTar.Entry($"items/{Id1}.tar", A)));
        yield return Case("Symlink", Raw(m1, RawTar.Entry($"items/{Id1}.age", [], type: '2', linkName: "/etc/shadow")));
        yield return Case("Hardlink", Raw(m1, RawTar.Entry($"items/{Id1}.age", [], type: '1', linkName: "manifest.json")));
        yield return Case("CharacterDevice", Raw(m1, RawTar.Entry($"items/{Id1}.age", [], type: '3')));
        yield return Case("BlockDevice", Raw(m1, RawTar.Entry($"items/{Id1}.age", [], type: '4')));
        yield return Case("Directory", Raw(m1, RawTar.Entry("items/", [], type: '5'), e1));
        yield return Case("Fifo", Raw(m1, RawTar.Entry($"items/{Id1}.age", [], type: '6')));
        yield return Case("PaxHeader", Raw(m1, RawTar.Entry("PaxHeaders/x", "20 path=items/x.age\n", type: 'x'), e1));
        yield return Case("GnuLongName", Raw(m1, RawTar.Entry("././@LongLink", $"items/{Id1}.age\0", type: 'L', magic: "ustar  "), e1));
        yield return Case("GnuMagic", Raw(m1, RawTar.Entry($"items/{Id1}.age", A, magic: "ustar  ")));
        yield return Case("DuplicateEntry", Raw(m1, e1, e1));
        yield return Case("EntryNotInManifest", Raw(m1, e1, e2));
        yield return Case("MissingItem", Raw(m2, e1));
        yield return Case("OutOfOrder", Raw(m2, e2, e1));
        yield return Case("HashMismatch", Raw(m1, RawTar.Entry($"items/{Id1}.age", "item A"u8.ToArray())));
        yield return Case("SizeMismatch", Raw(m1, RawTar.Entry($"items/{Id1}.age", "item a!"u8.ToArray())));
        yield return Case("DuplicateIdInManifest", Raw(ManifestJson(ItemJson(Id1, A), ItemJson(Id1, A)), e1, e1));
        yield return Case("GarbageAfterEnd", [.. Raw(m1, e1), 1]);
        yield return Case("EntryAfterEnd", [.. Raw(m1, e1), .. e2]);
        yield return Case("NonZeroPaddingAfterItem", FlipAt(Raw(m1, e1), RawTar.Block + RawTar.Block + m1.Length + RawTar.PadTo(m1.Length) + RawTar.Block + A.Length + 1));
        yield return Case("BadChecksum", FlipAt(Raw(m1, e1), 0));
        yield return Case("InvalidUtf8Manifest", Raw(m1.Replace("\"submissions\"", "\"submissions\",\"x\":\"\u00ff\"", StringComparison.Ordinal), e1) is var bytes ? CorruptUtf8(bytes) : []);

        foreach (string json in BadManifests())
        {
            yield return Case("BadManifest " + json.Replace("\"", "'", StringComparison.Ordinal), Raw(json));
        }
    }

    private static IEnumerable<string> BadManifests()
    {
        string item = ItemJson(Id1, []);
        yield return "{\"v\":2,\"kind\":\"submissions\",\"created\":\"2026-11-27\",\"items\":[]}";
        yield return "{\"kind\":\"submissions\",\"created\":\"2026-11-27\",\"items\":[]}";
        yield return "{\"v\":1,\"kind\":\"everything\",\"created\":\"2026-11-27\",\"items\":[]}";
        yield return "{\"v\":1,\"kind\":\"submissions\",\"created\":\"2026-11-27T10:00:00Z\",\"items\":[]}";
        yield return "{\"v\":1,\"kind\":\"submissions\",\"created\":\"2026-11-27\",\"items\":[],\"note\":\"x\"}";
        yield return "{\"v\":1,\"kind\":\"submissions\",\"created\":\"2026-11-27\"}";
        yield return "{\"v\":1,\"kind\":\"submissions\",\"kind\":\"replies\",\"created\":\"2026-11-27\",\"items\":[]}";
        yield return "{\"v\":1,\"kind\":\"replies\",\"created\":\"2026-11-27\",\"items\":[" + item + "]}";
        yield return ManifestJson(item.Replace(Id1, "../../x", StringComparison.Ordinal));
        yield return ManifestJson(item.Replace(Id1, Id1.ToUpperInvariant(), StringComparison.Ordinal));
        yield return ManifestJson(item.Replace(Mailbox, "abc", StringComparison.Ordinal));
        yield return ManifestJson(item.Replace("\"size\":0", "\"size\":-1", StringComparison.Ordinal));
        yield return ManifestJson(item.Replace("\"size\":0", "\"size\":\"0\"", StringComparison.Ordinal));
        yield return ManifestJson(item.Replace("}", ",\"path\":\"/etc/passwd\"}", StringComparison.Ordinal));
        yield return ManifestJson(item.Replace("\"kind\":\"submission\"", "\"kind\":0", StringComparison.Ordinal));
        yield return ManifestJson("null");
        yield return "[]";
        yield return "";
    }

    [TestCaseSource(nameof(Malicious))]
    public void Open_Malicious_ThrowsBundleException(byte[] bundle)
    {
        Assert.That(() => Open(bundle).Dispose(), Throws.TypeOf<BundleException>().With.Message.EqualTo("The bundle is malformed."));
    }

    [Test]
    public void Open_TruncatedAtEveryOffset_ThrowsBundleException()
    {
        byte[] bundle = Write((Id1, new byte[700]), (Id2, B));

        for (int length = 0; length < bundle.Length; length++)
        {
            byte[] truncated = bundle[..length];
            Assert.That(() => Open(truncated).Dispose(), Throws.TypeOf<BundleException>(), $"truncated to {length}");
        }
    }

    [Test]
    public void Open_TruncatedAfterTheManifest_SaysHowLongItShouldBe()
    {
        byte[] bundle = Write((Id1, new byte[700]), (Id2, B));
        int afterManifest = 1536; // its header and two blocks of JSON

        for (int length = afterManifest; length < bundle.Length; length += 100)
        {
            var ex = Assert.Throws<BundleException>(() => Open(bundle[..length]).Dispose(), $"truncated to {length}");
            Assert.That((ex!.IsTruncated, ex.ExpectedLength, ex.ActualLength), Is.EqualTo((true, (long?)bundle.Length, (long?)length)), $"truncated to {length}");
        }
    }

    [Test]
    public void Open_EndOfArchiveMissingOrCut_IsTruncated()
    {
        string m1 = ManifestJson(ItemJson(Id1, A));
        byte[] e1 = RawTar.Entry($"items/{Id1}.age", A);
        byte[][] cut = [[.. RawTar.Entry("manifest.json", m1), .. e1], [.. RawTar.Entry("manifest.json", m1), .. e1, .. new byte[512]]];

        foreach (byte[] bundle in cut)
        {
            var ex = Assert.Throws<BundleException>(() => Open(bundle).Dispose());
            Assert.That((ex!.IsTruncated, ex.ExpectedLength), Is.EqualTo((true, (long?)Raw(m1, e1).Length)));
        }
    }

    [Test]
    public void Open_ItemHashMismatch_NamesTheItemNotTruncation()
    {
        byte[] bundle = Raw(ManifestJson(ItemJson(Id1, A), ItemJson(Id2, B)), RawTar.Entry($"items/{Id1}.age", A),
            RawTar.Entry($"items/{Id2}.age", "item b, longeR"u8.ToArray()));

        var ex = Assert.Throws<BundleException>(() => Open(bundle).Dispose());

        Assert.That((ex!.ItemId, ex.IsTruncated, ex.Message), Is.EqualTo(((string?)Id2, false, "The bundle is malformed.")));
    }

    [Test]
    public void Open_EveryByteFlipped_NeverOpensADifferentBundle()
    {
        // Flipping any bit of the archive must either be refused or (only in metadata TarReader ignores, such as
        // mode or mtime) leave the items and manifest unchanged.
        byte[] bundle = Write((Id1, A));
        for (int i = 0; i < bundle.Length; i++)
        {
            byte[] flipped = FlipAt(bundle, i);
            try
            {
                using BundleReader reader = Open(flipped);
                using var copy = new MemoryStream();
                reader.OpenItem(Id1).CopyTo(copy);
                Assert.That(copy.ToArray(), Is.EqualTo(A), $"byte {i}");
            }
            catch (BundleException)
            {
            }
        }
    }

    [Test]
    public void Open_OtherTarFormats_ThrowBundleException([Values(TarEntryFormat.Pax, TarEntryFormat.Gnu)] TarEntryFormat format)
    {
        using var output = new MemoryStream();
        using (var tar = new TarWriter(output, format, leaveOpen: true))
        {
            tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "manifest.json") { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(ManifestJson())) });
        }

        if (format == TarEntryFormat.Gnu)
        {
            output.SetLength(0);
            using var tar = new TarWriter(output, format, leaveOpen: true);
            tar.WriteEntry(new GnuTarEntry(TarEntryType.RegularFile, "manifest.json") { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(ManifestJson())) });
        }

        Assert.That(() => Open(output.ToArray()).Dispose(), Throws.TypeOf<BundleException>());
    }

    [Test]
    public void Open_ManifestOverLimit_Throws()
    {
        byte[] bundle = Write((Id1, A));

        Assert.That(() => Open(bundle, new BundleLimits { MaxManifestBytes = 50 }), Throws.TypeOf<BundleException>());
    }

    [Test]
    public void Open_TooManyItems_Throws()
    {
        byte[] bundle = Write((Id1, A), (Id2, B));

        Assert.That(() => Open(bundle, new BundleLimits { MaxItems = 1 }), Throws.TypeOf<BundleException>());
    }

    [Test]
    public void Open_ItemOverLimit_Throws()
    {
        byte[] bundle = Write((Id1, A));

        Assert.That(() => Open(bundle, new BundleLimits { MaxItemBytes = A.Length - 1 }), Throws.TypeOf<BundleException>());
    }

    [Test]
    public void Open_TotalOverLimit_Throws()
    {
        byte[] bundle = Write((Id1, A));

        Assert.That(() => Open(bundle, new BundleLimits { MaxTotalBytes = bundle.Length - 1 }), Throws.TypeOf<BundleException>());
    }

    [Test]
    public void Open_HugeDeclaredItemSize_ThrowsFromHeaderAlone()
    {
        string manifest = ManifestJson(ItemJson(Id1, A).Replace($"\"size\":{A.Length}", "\"size\":4294967296", StringComparison.Ordinal));
        byte[] bundle = Raw(manifest, RawTar.Header($"items/{Id1}.age", 4294967296L));

        Assert.That(() => Open(bundle, new BundleLimits { MaxItemBytes = 1 << 20 }), Throws.TypeOf<BundleException>());
    }

    [Test]
    public void OpenItem_BundleChangedAfterVerification_ThrowsAtEnd()
    {
        byte[] bundle = Write((Id1, A));
        var stream = new MemoryStream(bundle);
        using BundleReader reader = BundleReader.Open(stream);
        int dataOffset = 3 * RawTar.Block; // manifest header, manifest (< 512 bytes), item header
        Assert.That(bundle.AsSpan(dataOffset, A.Length).SequenceEqual(A), Is.True);
        bundle[dataOffset] ^= 1; // MemoryStream(byte[]) reads through to the array

        using Stream item = reader.OpenItem(Id1);

        Assert.That(() => item.CopyTo(Stream.Null), Throws.TypeOf<BundleException>());
    }

    [Test]
    public void Open_FromNonZeroPosition_ReadsFromThere()
    {
        byte[] bundle = [9, 9, 9, .. Write((Id1, A))];
        var stream = new MemoryStream(bundle) { Position = 3 };

        using BundleReader reader = BundleReader.Open(stream);
        using var copy = new MemoryStream();
        reader.OpenItem(Id1).CopyTo(copy);

        Assert.That(copy.ToArray(), Is.EqualTo(A));
    }

    [Test]
    public void Sha256_WithTrailingPaddingFromNonZeroPosition_IsTheHashOfTheBytesFromThere()
    {
        byte[] bundle = [.. Write((Id1, A), (Id2, B)), .. new byte[10240]];
        var stream = new MemoryStream([9, 9, 9, .. bundle]) { Position = 3 };

        using BundleReader reader = BundleReader.Open(stream);

        Assert.That(reader.Sha256, Is.EqualTo(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bundle))));
    }

    [Test]
    public void OpenItem_UnknownOrNullId_Throws()
    {
        using BundleReader reader = Open(Write((Id1, A)));

        Assert.That(() => reader.OpenItem(Id2), Throws.ArgumentException);
        Assert.That(() => reader.OpenItem(null!), Throws.ArgumentNullException);
    }

    [Test]
    public void OpenItem_AfterDispose_ThrowsObjectDisposed()
    {
        BundleReader reader = Open(Write((Id1, A)));
        reader.Dispose();
        reader.Dispose();

        Assert.That(() => reader.OpenItem(Id1), Throws.TypeOf<ObjectDisposedException>());
    }

    [Test]
    public void Dispose_LeaveOpen_KeepsStreamOpen()
    {
        var stream = new MemoryStream(Write((Id1, A)));
        BundleReader.Open(stream, leaveOpen: true).Dispose();

        Assert.That(stream.CanRead, Is.True);
    }

    [Test]
    public void Open_MisusedArguments_Throw()
    {
        using var closed = new MemoryStream();
        closed.Dispose();

        Assert.That(() => BundleReader.Open(null!), Throws.ArgumentNullException);
        Assert.That(() => BundleReader.Open(new OneWayStream(new MemoryStream(Write((Id1, A))))), Throws.ArgumentException);
        Assert.That(() => BundleReader.Open(closed), Throws.ArgumentException);
        Assert.That(() => BundleReader.Open(new MemoryStream(), new BundleLimits { MaxItems = -1 }), Throws.ArgumentException);
    }

    [Test]
    public void Open_SourceStreamFails_PassesItsExceptionThrough()
    {
        var failing = new SeekableFailingStream(Write((Id1, A)));

        Assert.That(() => BundleReader.Open(failing), Throws.TypeOf<TimeoutException>());
    }

    private static byte[] FlipAt(byte[] bytes, int index)
    {
        byte[] copy = (byte[])bytes.Clone();
        copy[index] ^= 0x01;
        return copy;
    }

    private static byte[] CorruptUtf8(byte[] bundle)
    {
        // Replace the two bytes of U+00FF (C3 BF) with C3 28, an invalid UTF-8 sequence (data is outside the header checksum).
        byte[] copy = (byte[])bundle.Clone();
        int at = copy.AsSpan().IndexOf(new byte[] { 0xC3, 0xBF });
        copy[at + 1] = 0x28;
        return copy;
    }

    private sealed class SeekableFailingStream(byte[] data) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) =>
            Position > 600 ? throw new TimeoutException("source failed") : base.Read(buffer, offset, count);
    }
}

using System.Formats.Tar;
using System.Text;
using WhistleSubmit.Crypto.Containers;
using WhistleSubmit.Crypto.Padding;
using WhistleSubmit.Crypto.Tests.Age;
using WhistleSubmit.Crypto.Tests.Tar;
using static WhistleSubmit.Crypto.Tests.Containers.ContainerFixtures;

namespace WhistleSubmit.Crypto.Tests.Containers;

public class SubmissionReaderTests
{
    private static readonly byte[] Abc = "abc"u8.ToArray();

    [Test]
    public void Read_HandBuiltValidContainer_Succeeds()
    {
        byte[] container = RawTar.Container(RawTar.Entry("report.json", OneAttachmentReportJson), RawTar.Entry("files/001-a.txt", Abc));

        var (contents, files) = Read(container);

        Assert.That(contents.Report!.Client.Language, Is.EqualTo(Language.Es));
        Assert.That(files, Is.EqualTo(new[] { Abc }));
    }

    // Each case is a whole container that must be refused with ContainerException and nothing else.
    public static IEnumerable<TestCaseData> Malicious()
    {
        byte[] doc = RawTar.Entry("report.json", OneAttachmentReportJson);
        byte[] minimal = RawTar.Entry("report.json", MinimalReportJson);
        TestCaseData Case(string name, byte[] container) => new TestCaseData(container).SetName("Read_" + name + "_ThrowsContainerException");
        TestCaseData Attachment(string name, byte[] entry) => Case(name, RawTar.Container(doc, entry));

        yield return Case("Empty", []);
        yield return Case("OnlyEndOfArchive", RawTar.Container());
        yield return Case("DocumentNotFirst", RawTar.Container(RawTar.Entry("files/001-a.txt", Abc), doc));
        yield return Case("TraversalDocumentName", RawTar.Container(RawTar.Entry("../report.json", MinimalReportJson)));
        yield return Case("AbsoluteDocumentName", RawTar.Container(RawTar.Entry("/report.json", MinimalReportJson)));
        yield return Case("DocumentInPrefix", RawTar.Container(RawTar.Entry("report.json", Encoding.UTF8.GetBytes(MinimalReportJson), prefix: "x")));
        yield return Case("DuplicateDocument", RawTar.Container(minimal, minimal));
        yield return Attachment("TraversalAttachment", RawTar.Entry("files/001-../../x", Abc));
        yield return Attachment("AbsoluteAttachment", RawTar.Entry("/files/001-a.txt", Abc));
        yield return Attachment("BackslashTraversal", RawTar.Entry("files/001-..\\..\\x", Abc));
        yield return Attachment("WrongNumber", RawTar.Entry("files/002-a.txt", Abc));
        yield return Attachment("NoNumber", RawTar.Entry("files/a.txt", Abc));
        yield return Attachment("LeadingDot", RawTar.Entry("files/001-.bashrc", Abc));
        yield return Attachment("ControlCharacter", RawTar.Entry("files/001-a\u0007.txt", Abc));
        yield return Attachment("RightToLeftOverride", RawTar.Entry("files/001-a\u202Etxt.exe", Abc));
        yield return Attachment("InvalidUtf8Name", [.. RawTarWithRawName("files/001-a"u8.ToArray().Concat(new byte[] { 0xFF }).ToArray(), Abc)]);
        yield return Attachment("Symlink", RawTar.Entry("files/001-a.txt", [], type: '2', linkName: "/etc/passwd"));
        yield return Attachment("Hardlink", RawTar.Entry("files/001-a.txt", [], type: '1', linkName: "report.json"));
        yield return Attachment("CharacterDevice", RawTar.Entry("files/001-a.txt", [], type: '3'));
        yield return Attachment("BlockDevice", RawTar.Entry("files/001-a.txt", [], type: '4'));
        yield return Attachment("Directory", RawTar.Entry("files/001-a.txt", [], type: '5'));
        yield return Attachment("Fifo", RawTar.Entry("files/001-a.txt", [], type: '6'));
        yield return Attachment("ContiguousFile", RawTar.Entry("files/001-a.txt", Abc, type: '7'));
        yield return Attachment("OldRegularType", RawTar.Entry("files/001-a.txt", Abc, type: '\0'));
        yield return Attachment("LinkNameOnRegularFile", RawTar.Entry("files/001-a.txt", Abc, linkName: "x"));
        yield return Attachment("V7Header", RawTar.Entry("files/001-a.txt", Abc, magic: "\0\0\0\0\0\0"));
        yield return Attachment("GnuMagic", RawTar.Entry("files/001-a.txt", Abc, magic: "ustar  "));
        yield return Attachment("PaxHeader", [.. RawTar.Entry("PaxHeaders/x", "30 path=files/001-a.txt\n", type: 'x'), .. RawTar.Entry("files/001-a.txt", Abc)]);
        yield return Attachment("PaxGlobalHeader", [.. RawTar.Entry("pax_global_header", "16 comment=hello\n", type: 'g'), .. RawTar.Entry("files/001-a.txt", Abc)]);
        yield return Attachment("GnuLongName", [.. RawTar.Entry("././@LongLink", "files/001-a.txt\0", type: 'L', magic: "ustar  "), .. RawTar.Entry("files/001-a.txt", Abc)]);
        yield return Attachment("SizeMismatch", RawTar.Entry("files/001-a.txt", "abcd"u8.ToArray()));
        yield return Case("MissingAttachment", RawTar.Container(doc));
        yield return Case("ExtraEntry", RawTar.Container(doc, RawTar.Entry("files/001-a.txt", Abc), RawTar.Entry("files/002-b.txt", Abc)));
        yield return Case("DuplicateAttachment", RawTar.Container(RawTar.Entry("report.json",
            """{"v":1,"description":"d","attachments":[{"name":"a.txt","size":3},{"name":"a.txt","size":3}],"client":{"language":"en","encryptedBy":"browser"}}"""),
            RawTar.Entry("files/001-a.txt", Abc), RawTar.Entry("files/001-a.txt", Abc)));
        // 70,000-byte attachment: a length PADMÉ really pads (below 64 KiB whole blocks are already PADMÉ lengths).
        byte[] bigDoc = RawTar.Entry("report.json", OneAttachmentReportJson.Replace("\"size\":3", "\"size\":70000", StringComparison.Ordinal));
        byte[] bigEntry = RawTar.Entry("files/001-a.txt", new byte[70_000]);
        byte[] padded = RawTar.Container(bigDoc, bigEntry);
        yield return Case("NoPadding", [.. bigDoc, .. bigEntry, .. RawTar.EndOfArchive()]);
        yield return Case("PaddedPaddingOneByteShort", padded[..^1]);
        yield return Case("PaddedPaddingOneBlockShort", padded[..^512]);
        yield return Case("PaddedExtraByte", [.. padded, 0]);
        yield return Case("PaddedNonZeroLastByte", Flip(padded, padded.Length - 1));
        yield return Case("PaddedNonZeroFirstPaddingByte", Flip(padded, bigDoc.Length + bigEntry.Length + 1024));
        yield return Case("OneEndBlockOnly", [.. minimal, .. new byte[512]]);
        yield return Case("ChecksumZeroBlockAsEnd", RawTar.Container(minimal, ChecksumZeroBlock()));

        byte[] valid = RawTar.Container(doc, RawTar.Entry("files/001-a.txt", Abc));
        yield return Case("ExtraZeroBlockOfPadding", [.. valid, .. new byte[512]]);
        yield return Case("ExtraZeroByte", [.. valid, 0]);
        yield return Case("PaddingOneByteShort", valid[..^1]);
        yield return Case("NonZeroPadding", Flip(valid, valid.Length - 1));
        yield return Case("NonZeroSecondEndBlock", Flip(valid, doc.Length + 1024 + 600));
        yield return Case("NonZeroPaddingBetweenEntries", Flip(valid, 512 + OneAttachmentReportJson.Length + 5));
        yield return Case("NonZeroPaddingAfterAttachment", Flip(valid, doc.Length + 512 + 3));
        yield return Case("BadChecksum", Flip(valid, 0));
        yield return Case("NonOctalSize", RawTar.Container(doc, [.. RawTar.Header("files/001-a.txt", 3, sizeField: "0000000000x\0"), .. Abc, .. new byte[509]]));
        yield return Case("Base256Size", RawTar.Container(doc, [.. RawTar.Header("files/001-a.txt", 3, sizeField: "\x80\0\0\0\0\0\0\0\0\0\0\x03"), .. Abc, .. new byte[509]]));

        foreach (string json in BadDocuments())
        {
            yield return Case("BadDocument " + json.Replace("\"", "'", StringComparison.Ordinal), RawTar.Container(RawTar.Entry("report.json", json)));
        }

        yield return Case("InvalidUtf8Document", RawTar.Container(RawTar.Entry("report.json",
            [.. "{\"v\":1,\"description\":\""u8, 0xC3, 0x28, .. "\",\"client\":{\"language\":\"en\",\"encryptedBy\":\"browser\"}}"u8])));
        yield return Case("Utf8BomDocument", RawTar.Container(RawTar.Entry("report.json", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(MinimalReportJson)])));
        yield return Case("UnknownDocumentName", RawTar.Container(RawTar.Entry("notes.json", MinimalReportJson)));
        yield return Case("MessageAsReportName", RawTar.Container(RawTar.Entry("report.json", """{"v":1,"text":"t","client":{"language":"en","encryptedBy":"browser"}}""")));
    }

    private static IEnumerable<string> BadDocuments()
    {
        const string Client = "\"client\":{\"language\":\"en\",\"encryptedBy\":\"browser\"}";
        yield return "{\"v\":1,\"description\":\"d\"," + Client + ",\"extra\":1}";
        yield return "{\"v\":2,\"description\":\"d\"," + Client + "}";
        yield return "{\"description\":\"d\"," + Client + "}";
        yield return "{\"v\":1," + Client + "}";
        yield return "{\"v\":1,\"description\":\"d\"}";
        yield return "{\"v\":1,\"description\":null," + Client + "}";
        yield return "{\"v\":1,\"description\":\"\"," + Client + "}";
        yield return "{\"v\":1,\"description\":\"d\",\"description\":\"e\"," + Client + "}";
        yield return "{\"v\":1,\"description\":\"d\",\"client\":{\"language\":\"en\",\"encryptedBy\":\"browser\",\"ip\":\"1.2.3.4\"}}";
        yield return "{\"v\":1,\"description\":\"d\",\"client\":{\"language\":\"fr\",\"encryptedBy\":\"browser\"}}";
        yield return "{\"v\":1,\"description\":\"d\",\"client\":{\"language\":0,\"encryptedBy\":\"browser\"}}";
        yield return "{\"v\":1,\"description\":\"d\",\"client\":{\"language\":\"EN\",\"encryptedBy\":\"browser\"}}";
        yield return "{\"v\":1,\"description\":\"d\",\"categories\":[\"other, arrest-quotas\"]," + Client + "}";
        yield return "{\"v\":1,\"description\":\"d\",\"categories\":[\"other\",\"other\"]," + Client + "}";
        yield return "{\"v\":1,\"description\":\"d\",\"when\":{\"from\":\"2026-13-01\"}," + Client + "}";
        yield return "{\"v\":1,\"description\":\"d\",\"when\":{\"from\":\"01/02/2026\"}," + Client + "}";
        yield return "{\"v\":1,\"description\":\"d\",\"harm\":{\"deaths\":\"3\"}," + Client + "}";
        yield return "{\"v\":1,\"description\":\"d\",\"harm\":{\"deaths\":-3}," + Client + "}";
        yield return "{\"v\":1,\"description\":\"d\",\"attachments\":null," + Client + "}";
        yield return "{\"v\":1,\"description\":\"d\",\"replyRecipient\":\"age1qqq\"," + Client + "}";
        yield return "{\"v\":1,\"description\":\"\\ud800\"," + Client + "}";
        yield return "{\"v\":1,\"description\":\"d\"," + Client + "} trailing";
        yield return "{\"v\":1,\"description\":\"d\"," + Client + ",}";
        yield return "{\"v\":1,/*c*/\"description\":\"d\"," + Client + "}";
        yield return "[]";
        yield return "null";
        yield return "";
        yield return "{\"v\":1,\"description\":\"d\",\"when\":{\"from\":{\"a\":{\"b\":{\"c\":{\"d\":{\"e\":{\"f\":{\"g\":1}}}}}}}}," + Client + "}";
    }

    [TestCaseSource(nameof(Malicious))]
    public void Read_Malicious_ThrowsContainerException(byte[] container)
    {
        Assert.That(() => Read(container), Throws.TypeOf<ContainerException>().With.Message.EqualTo("The submission container is malformed."));
    }

    [TestCaseSource(nameof(Malicious))]
    public void Read_MaliciousInOneByteReads_ThrowsContainerException(byte[] container)
    {
        // Same fixtures through a source that returns one byte per read, as a decrypting stream may.
        Assert.That(() => SubmissionReader.Read(new OneWayStream(new MemoryStream(container), 1), (_, s) => s.ReadAllLength()),
            Throws.TypeOf<ContainerException>());
    }

    [Test]
    public void Read_EveryBitFlipped_ThrowsNothingButContainerException()
    {
        // Integrity is age's job; here every corruption must either parse as a well-formed container or be refused
        // with the one domain exception.
        byte[] container = Write(Report(("a.txt", 3)), Abc);
        for (int i = 0; i < container.Length; i++)
        {
            byte[] flipped = (byte[])container.Clone();
            flipped[i] ^= 0x01;
            try
            {
                Read(flipped);
            }
            catch (ContainerException)
            {
            }
        }

        Assert.Pass();
    }

    [Test]
    public void Read_TruncatedAtEveryOffset_ThrowsContainerException()
    {
        byte[] container = Write(Report(("a.txt", 700), ("b", 3)), new byte[700], Abc);

        for (int length = 0; length < container.Length; length++)
        {
            byte[] truncated = container[..length];
            Assert.That(() => Read(truncated), Throws.TypeOf<ContainerException>(), $"truncated to {length}");
        }
    }

    [Test]
    public void Read_EveryPossibleTypeFlag_OnlyRegularFileAccepted()
    {
        for (int type = 0; type < 256; type++)
        {
            byte[] container = RawTar.Container(RawTar.Entry("report.json", OneAttachmentReportJson), RawTar.Entry("files/001-a.txt", Abc, type: (char)type));
            if (type == '0')
            {
                Assert.That(() => Read(container), Throws.Nothing);
            }
            else
            {
                Assert.That(() => Read(container), Throws.TypeOf<ContainerException>(), $"type flag {type}");
            }
        }
    }

    [TestCase(TarEntryFormat.Pax)]
    [TestCase(TarEntryFormat.Gnu)]
    [TestCase(TarEntryFormat.V7)]
    public void Read_OtherTarFormatFromTarWriter_ThrowsContainerException(TarEntryFormat format)
    {
        using var output = new MemoryStream();
        using (var writer = new TarWriter(output, format, leaveOpen: true))
        {
            writer.WriteEntry(Entry(format, "report.json", Encoding.UTF8.GetBytes(MinimalReportJson)));
        }

        byte[] container = [.. output.ToArray(), .. new byte[Padme.PaddedLength(output.Length) - output.Length]];

        Assert.That(() => Read(container), Throws.TypeOf<ContainerException>());
    }

    [Test]
    public void Read_DocumentOverLimit_ThrowsBeforeReadingIt()
    {
        byte[] container = RawTar.Container(RawTar.Entry("report.json", MinimalReportJson));
        var limits = new ContainerLimits { MaxDocumentBytes = MinimalReportJson.Length - 1 };

        Assert.That(() => Read(container, limits), Throws.TypeOf<ContainerException>());
    }

    [Test]
    public void Read_AttachmentOverLimit_ThrowsBeforeCallingBack()
    {
        byte[] container = RawTar.Container(RawTar.Entry("report.json", OneAttachmentReportJson), RawTar.Entry("files/001-a.txt", Abc));
        bool called = false;

        Assert.That(() => SubmissionReader.Read(new MemoryStream(container), (_, _) => called = true, new ContainerLimits { MaxAttachmentBytes = 2 }),
            Throws.TypeOf<ContainerException>());
        Assert.That(called, Is.False);
    }

    [Test]
    public void Read_TooManyAttachments_Throws()
    {
        byte[] container = RawTar.Container(RawTar.Entry("report.json", OneAttachmentReportJson), RawTar.Entry("files/001-a.txt", Abc));

        Assert.That(() => Read(container, new ContainerLimits { MaxAttachments = 0 }), Throws.TypeOf<ContainerException>());
    }

    [Test]
    public void Read_TotalOverLimit_Throws()
    {
        byte[] container = RawTar.Container(RawTar.Entry("report.json", OneAttachmentReportJson), RawTar.Entry("files/001-a.txt", Abc));

        Assert.That(() => Read(container, new ContainerLimits { MaxTotalBytes = container.Length - 1 }), Throws.TypeOf<ContainerException>());
    }

    [Test]
    public void Read_HugeDeclaredSize_ThrowsWithoutReadingData()
    {
        // A header claiming 8 GiB behind it, in a stream of a few KiB: refused from the header alone.
        byte[] container = RawTar.Container(RawTar.Entry("report.json", OneAttachmentReportJson), RawTar.Header("files/001-a.txt", 8L << 30));

        Assert.That(() => Read(container, new ContainerLimits { MaxAttachmentBytes = 1 << 20 }), Throws.TypeOf<ContainerException>());
    }

    [Test]
    public void Read_SourceStreamFails_PassesItsExceptionThrough()
    {
        byte[] container = Write(Report(("a", 3)), Abc);

        Assert.That(() => SubmissionReader.Read(new TrickleStream(container, int.MaxValue, failAt: 600), (_, s) => s.ReadAllLength()), Throws.TypeOf<TimeoutException>());
    }

    [Test]
    public void Read_CallbackThrows_PassesItsExceptionThrough()
    {
        byte[] container = Write(Report(("a", 3)), Abc);

        Assert.That(() => SubmissionReader.Read(new MemoryStream(container), (_, _) => throw new ApplicationException("mine")),
            Throws.TypeOf<ApplicationException>().With.Message.EqualTo("mine"));
    }

    [Test]
    public void Read_CallbackReadsNothingOrDisposesStream_StillVerifiesEverything()
    {
        byte[] container = Write(Report(("a", 3), ("b", 3)), Abc, Abc);

        SubmissionContents contents = SubmissionReader.Read(new MemoryStream(container), (_, s) => s.Dispose());

        Assert.That(contents.Attachments, Has.Count.EqualTo(2));
    }

    [Test]
    public void Read_StreamUsedAfterCallback_ThrowsObjectDisposed()
    {
        byte[] container = Write(Report(("a", 3)), Abc);
        Stream? kept = null;

        SubmissionReader.Read(new MemoryStream(container), (_, s) => kept = s);

        Assert.That(() => kept!.ReadByte(), Throws.TypeOf<ObjectDisposedException>());
    }

    [Test]
    public void Read_NullArguments_ThrowArgumentNull()
    {
        Assert.That(() => SubmissionReader.Read(null!, (_, _) => { }), Throws.ArgumentNullException);
        Assert.That(() => SubmissionReader.Read(new MemoryStream(), null!), Throws.ArgumentNullException);
    }

    [Test]
    public void Read_UnreadableStreamOrBadLimits_ThrowsArgument()
    {
        using var closed = new MemoryStream();
        closed.Dispose();

        Assert.That(() => SubmissionReader.Read(closed, (_, _) => { }), Throws.ArgumentException);
        Assert.That(() => SubmissionReader.Read(new MemoryStream(), (_, _) => { }, new ContainerLimits { MaxAttachments = 1000 }), Throws.ArgumentException);
    }

    private static TarEntry Entry(TarEntryFormat format, string name, byte[] data)
    {
        TarEntry e = format switch
        {
            TarEntryFormat.Pax => new PaxTarEntry(TarEntryType.RegularFile, name),
            TarEntryFormat.Gnu => new GnuTarEntry(TarEntryType.RegularFile, name),
            TarEntryFormat.V7 => new V7TarEntry(TarEntryType.V7RegularFile, name),
            _ => throw new ArgumentOutOfRangeException(nameof(format)),
        };
        e.DataStream = new MemoryStream(data);
        return e;
    }

    private static byte[] RawTarWithRawName(byte[] name, byte[] data)
    {
        byte[] h = RawTar.Header("x", data.Length);
        h.AsSpan(0, 100).Clear();
        name.CopyTo(h, 0);
        RawTar.SetChecksum(h);
        return [.. h, .. data, .. new byte[RawTar.PadTo(data.Length)]];
    }

    private static byte[] ChecksumZeroBlock()
    {
        // TarReader treats a header whose checksum field is zero as the end marker; ours must be all zeros.
        byte[] h = RawTar.Header("hidden", 0);
        h.AsSpan(148, 8).Clear();
        return h;
    }

    private static byte[] Flip(byte[] bytes, int index)
    {
        byte[] copy = (byte[])bytes.Clone();
        copy[index] ^= 0x01;
        return copy;
    }
}

using System.Text;
using WhistleSubmit.Crypto.Bundles;
using static WhistleSubmit.Crypto.Tests.Bundles.BundleFixtures;

namespace WhistleSubmit.Crypto.Tests.Bundles;

public class ImportReceiptTests
{
    private const string BundleSha = Mailbox;

    // Known answer: the bytes the console has always written and the portal has always read.
    private const string Vector = $$"""{"v":1,"bundleSha256":"{{BundleSha}}","items":["{{Id1}}","{{Id2}}"]}""";

    [Test]
    public void ToJson_KnownReceipt_MatchesVector()
    {
        var receipt = new ImportReceipt { V = 1, BundleSha256 = BundleSha, Items = [Id1, Id2] };

        Assert.That(Encoding.UTF8.GetString(receipt.ToJson()), Is.EqualTo(Vector));
    }

    [Test]
    public void Parse_Vector_GivesItsFields()
    {
        ImportReceipt? receipt = ImportReceipt.Parse(Encoding.UTF8.GetBytes(Vector));

        Assert.That(receipt, Is.Not.Null);
        Assert.That(receipt!.V, Is.EqualTo(1));
        Assert.That(receipt.BundleSha256, Is.EqualTo(BundleSha));
        Assert.That(receipt.Items, Is.EqualTo(new[] { Id1, Id2 }));
    }

    [Test]
    public void Parse_ToJson_RoundTrips()
    {
        var receipt = new ImportReceipt { V = 1, BundleSha256 = BundleSha, Items = [Id2, Id1] };

        ImportReceipt? back = ImportReceipt.Parse(receipt.ToJson());

        Assert.That(back, Is.Not.Null);
        Assert.That(back!.BundleSha256, Is.EqualTo(receipt.BundleSha256));
        Assert.That(back.Items, Is.EqualTo(receipt.Items));
    }

    [Test]
    public void Parse_NoItems_IsAccepted()
    {
        Assert.That(ImportReceipt.Parse(Encoding.UTF8.GetBytes($$"""{"v":1,"bundleSha256":"{{BundleSha}}","items":[]}""")), Is.Not.Null);
    }

    [Test]
    public void Parse_InsignificantWhitespace_IsAccepted()
    {
        string json = $$"""{ "v": 1, "bundleSha256": "{{BundleSha}}", "items": [ "{{Id1}}" ] }""" + "\n";

        Assert.That(ImportReceipt.Parse(Encoding.UTF8.GetBytes(json)), Is.Not.Null);
    }

    public static IEnumerable<TestCaseData> Malformed()
    {
        TestCaseData Case(string name, string json) => new TestCaseData(Encoding.UTF8.GetBytes(json)).SetName("Parse_" + name + "_IsNull");
        string sha = $"\"bundleSha256\":\"{BundleSha}\"";
        string items = $"\"items\":[\"{Id1}\"]";

        yield return Case("Empty", "");
        yield return Case("NotJson", "{");
        yield return Case("Array", "[]");
        yield return Case("Null", "null");
        yield return Case("Version2WithoutAuditHead", $"{{\"v\":2,{sha},{items}}}");
        yield return Case("Version1WithAuditHead", $"{{\"v\":1,{sha},{items},\"auditHead\":\"{BundleSha}\"}}");
        yield return Case("Version2ShortAuditHead", $"{{\"v\":2,{sha},{items},\"auditHead\":\"{BundleSha[1..]}\"}}");
        yield return Case("Version3", $"{{\"v\":3,{sha},{items},\"auditHead\":\"{BundleSha}\"}}");
        yield return Case("Version0", $"{{\"v\":0,{sha},{items}}}");
        yield return Case("NoVersion", $"{{{sha},{items}}}");
        yield return Case("VersionAsString", $"{{\"v\":\"1\",{sha},{items}}}");
        yield return Case("UpperCaseName", $"{{\"V\":1,{sha},{items}}}");
        yield return Case("UnknownField", $"{{\"v\":1,{sha},{items},\"note\":\"x\"}}");
        yield return Case("DuplicateField", $"{{\"v\":1,{sha},{sha},{items}}}");
        yield return Case("NoBundleSha", $"{{\"v\":1,{items}}}");
        yield return Case("ShortBundleSha", $"{{\"v\":1,\"bundleSha256\":\"{BundleSha[1..]}\",{items}}}");
        yield return Case("UpperCaseBundleSha", $"{{\"v\":1,\"bundleSha256\":\"{BundleSha.ToUpperInvariant()}\",{items}}}");
        yield return Case("NoItems", $"{{\"v\":1,{sha}}}");
        yield return Case("NullItems", $"{{\"v\":1,{sha},\"items\":null}}");
        yield return Case("NullItem", $"{{\"v\":1,{sha},\"items\":[null]}}");
        yield return Case("ItemNotAnId", $"{{\"v\":1,{sha},\"items\":[\"{Id1[1..]}\"]}}");
        yield return Case("UpperCaseItem", $"{{\"v\":1,{sha},\"items\":[\"{Id1.ToUpperInvariant()}\"]}}");
        yield return Case("DuplicateItem", $"{{\"v\":1,{sha},\"items\":[\"{Id1}\",\"{Id1}\"]}}");
        yield return Case("TrailingComma", $"{{\"v\":1,{sha},{items},}}");
        yield return Case("Comment", $"{{\"v\":1,{sha},{items}/* x */}}");
        yield return Case("TrailingData", $"{{\"v\":1,{sha},{items}}}{{}}");
        yield return Case("ByteOrderMark", $"\uFEFF{{\"v\":1,{sha},{items}}}");
    }

    [TestCaseSource(nameof(Malformed))]
    public void Parse_Malformed_IsNull(byte[] json)
    {
        Assert.That(ImportReceipt.Parse(json), Is.Null);
    }

    [Test]
    public void Parse_InvalidUtf8_IsNull()
    {
        byte[] json = Encoding.UTF8.GetBytes(Vector);
        json[Vector.IndexOf(BundleSha, StringComparison.Ordinal)] = 0xFF;

        Assert.That(ImportReceipt.Parse(json), Is.Null);
    }

    [Test]
    public void Parse_OverMaxBytes_IsNull()
    {
        byte[] json = [.. Encoding.UTF8.GetBytes(Vector), .. Enumerable.Repeat((byte)' ', ImportReceipt.MaxBytes)];

        Assert.That(ImportReceipt.Parse(json), Is.Null);
    }

    [Test]
    public void Parse_OverMaxItems_IsNull()
    {
        string[] ids = [.. Enumerable.Range(0, ImportReceipt.MaxItems + 1).Select(i => i.ToString("x32", System.Globalization.CultureInfo.InvariantCulture))];
        string json = $$"""{"v":1,"bundleSha256":"{{BundleSha}}","items":[{{string.Join(',', ids.Select(id => $"\"{id}\""))}}]}""";

        Assert.That(ImportReceipt.Parse(Encoding.UTF8.GetBytes(json)), Is.Null);
        Assert.That(ImportReceipt.Parse(Encoding.UTF8.GetBytes(json.Replace($",\"{ids[^1]}\"", "", StringComparison.Ordinal))), Is.Not.Null);
    }

    public static IEnumerable<TestCaseData> Invalid()
    {
        TestCaseData Case(string name, ImportReceipt receipt) => new TestCaseData(receipt).SetName("ToJson_" + name + "_Throws");

        yield return Case("Version2WithoutAuditHead", new ImportReceipt { V = 2, BundleSha256 = BundleSha, Items = [Id1] });
        yield return Case("Version1WithAuditHead", new ImportReceipt { V = 1, BundleSha256 = BundleSha, Items = [Id1], AuditHead = BundleSha });
        yield return Case("BadBundleSha", new ImportReceipt { V = 1, BundleSha256 = "x", Items = [Id1] });
        yield return Case("BadItem", new ImportReceipt { V = 1, BundleSha256 = BundleSha, Items = ["x"] });
        yield return Case("DuplicateItem", new ImportReceipt { V = 1, BundleSha256 = BundleSha, Items = [Id1, Id1] });
        yield return Case("NullItems", new ImportReceipt { V = 1, BundleSha256 = BundleSha, Items = null! });
    }

    [TestCaseSource(nameof(Invalid))]
    public void ToJson_Invalid_Throws(ImportReceipt receipt)
    {
        Assert.That(receipt.ToJson, Throws.ArgumentException);
    }
}

using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using WhistleSubmit.Crypto.Containers;
using WhistleSubmit.ReviewerConsole.Tests.Support;

namespace WhistleSubmit.ReviewerConsole.Tests.Commands.Exports;

[TestFixture]
public sealed partial class CaseExportCommandTests
{
    private const string Hostile = "</style><script>alert(1)</script><img src=x onerror=alert(2)>"
        + "<a href=\"javascript:alert(3)\">click</a> <link rel=stylesheet href=https://example.invalid/x.css>"
        + "\u202Egnp.exe\u202C \u2066isolate\u2069 & \"quotes\" 'single' <!-- comment --> <![CDATA[x]]>";

    private static readonly string[] AllowedTags =
        ["html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "p", "code", "dl", "dt", "dd", "div", "section",
         "table", "thead", "tbody", "tr", "th", "td", "br", "span"];

    private static readonly string[] AllowedAttributes = ["lang", "dir", "charset", "http-equiv", "content", "name", "class"];

    [Test]
    public void CaseExport_CaseA_WritesPacketWithTriageAttachmentsAndEvidenceHashes()
    {
        using TestVault vault = TestVault.Imported();
        ImportedScenario s = Templates.Scenario;
        string id = CaseLookup.CaseA(vault);
        string output = vault.Directory.File("packet.html");

        CliResult result = vault.Run("case-export", id, "--out", output, "--approved-by", "bruno");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.StdoutText, Does.Contain(output));
        string html = File.ReadAllText(output);
        Assert.Multiple(() =>
        {
            Assert.That(FileModes.Of(output), Is.EqualTo(FileModes.OwnerOnly).Or.Null);
            Assert.That(html, Does.StartWith("<!DOCTYPE html>"));
            Assert.That(html, Does.Contain("<dt>Status</dt><dd class=\"user\">new</dd>"));
            Assert.That(html, Does.Contain(Encode(s.DescriptionA)));
            Assert.That(html, Does.Contain(ImportedScenario.CanaryFollowup));
            Assert.That(html, Does.Contain(Fixtures.Sha256(s.ReportA)).And.Contain(Fixtures.Sha256(s.FollowupA)));
            Assert.That(html, Does.Contain(Fixtures.Sha256(ImportedScenario.PngBytes)).And.Contain(Fixtures.Sha256(ImportedScenario.PdfBytes)));
            Assert.That(html, Does.Contain("PNG image").And.Contain("PDF document").And.Contain("../../etc/statement.pdf"));
            Assert.That(html, Does.Contain("by " + TestVault.Actor + " from the WhistleSubmit reviewer console"));
            Assert.That(html, Does.Contain("case.open"));
            Assert.That(html, Does.Contain("@media print"));
            Assert.That(vault.Directory.FileNames().Where(n => n.EndsWith(".tmp", StringComparison.Ordinal)), Is.Empty);
        });

        using JsonDocument show = JsonDocument.Parse(vault.Succeed("show", id, "--json").StdoutText);
        Assert.That(show.RootElement.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("action").GetString()), Does.Contain("case.export.approved"));
    }

    [Test]
    public void CaseExport_HostileReportText_IsOnlyEverTextAndLoadsNothing()
    {
        using TestVault vault = TestVault.WithKey();
        string recipient = ImportedScenario.RecipientOf(vault);
        var report = new ReportV1
        {
            Description = Hostile,
            Evidence = "javascript:alert(4) " + Hostile,
            Where = new IncidentWhere { State = "TX", Place = "<b onmouseover=alert(5)>" },
            Attachments = [new AttachmentInfo { Name = "<script>alert(6)</script>.pdf", Size = ImportedScenario.PdfBytes.Length }],
            Client = Fixtures.Client,
        };
        byte[] item = Fixtures.Encrypt(Fixtures.Container(report, ImportedScenario.PdfBytes), recipient);
        vault.Succeed("import", vault.Directory.Write("hostile.wsbundle", Fixtures.Bundle(BundleEntry.Submission(Fixtures.NewMailbox(), item))));
        string id = CaseLookup.IdOf(vault, "onerror");
        string output = vault.Directory.File("packet.html");

        vault.Succeed("case-export", id, "--out", output, "--approved-by", "bruno");

        string html = File.ReadAllText(output, Encoding.UTF8);
        string[] tags = [.. Tag().Matches(html).Select(m => m.Groups[1].Value.ToLowerInvariant())];
        string[] attributes = [.. OpeningTag().Matches(html).SelectMany(m => Attribute().Matches(m.Value)).Select(a => a.Groups[1].Value.ToLowerInvariant())];
        Assert.Multiple(() =>
        {
            Assert.That(tags.Except(AllowedTags), Is.Empty, "only the packet's own elements");
            Assert.That(Regex.Matches(html, "<style", RegexOptions.IgnoreCase), Has.Count.EqualTo(1));
            Assert.That(Regex.Matches(html, "</style", RegexOptions.IgnoreCase), Has.Count.EqualTo(1));
            Assert.That(html, Does.Not.Contain("<script").IgnoreCase.And.Not.Contain("<!--").And.Not.Contain("<![CDATA["));
            Assert.That(attributes.Except(AllowedAttributes), Is.Empty, "no link, source or handler attribute");
            Assert.That(html, Does.Not.Contain("url(").And.Not.Contain("@import"));
            Assert.That(html, Does.Not.Contain("\u202E").And.Not.Contain("\u2066").And.Not.Contain("\u2069"));
            Assert.That(html, Does.Contain("&lt;/style&gt;&lt;script&gt;alert(1)&lt;/script&gt;"));
            Assert.That(html, Does.Contain("&lt;script&gt;alert(6)&lt;/script&gt;.pdf"));
            Assert.That(html, Does.Contain("\uFFFDgnp.exe\uFFFD"));
            Assert.That(html, Does.Contain("&amp; &quot;quotes&quot; &#39;single&#39;"));
            Assert.That(html, Does.Contain("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'sha256-"));
        });
    }

    [Test]
    public void CaseExport_FileExists_RefusesWithoutForceAndReplacesWithForce()
    {
        using TestVault vault = TestVault.Imported();
        string id = CaseLookup.CaseC(vault);
        string output = vault.Directory.Write("packet.html", "keep me");

        CliResult refused = vault.Run("case-export", id, "--out", output, "--approved-by", "bruno");
        CliResult forced = vault.Run("case-export", id, "--out", output, "--force", "--approved-by", "bruno");

        Assert.That(refused.ExitCode, Is.EqualTo(1));
        Assert.That(refused.Stderr, Does.Contain("already exists").And.Contain("--force"));
        Assert.That(forced.ExitCode, Is.Zero, forced.ToString());
        Assert.That(File.ReadAllText(output), Does.Contain(ImportedScenario.CanaryC));
        using JsonDocument show = JsonDocument.Parse(vault.Succeed("show", id, "--json").StdoutText);
        Assert.That(show.RootElement.GetProperty("history").EnumerateArray().Count(h => h.GetProperty("action").GetString() == "case.export.approved"), Is.EqualTo(1),
            "the refused export left no audit entry");
    }

    [Test]
    public void CaseExport_MissingDirectory_FailsAndAuditsNothing()
    {
        using TestVault vault = TestVault.Imported();
        string id = CaseLookup.CaseC(vault);
        var before = vault.Snapshot();

        CliResult result = vault.Run("case-export", id, "--out", vault.Directory.File("no/such/dir/packet.html"), "--approved-by", "bruno");

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Stderr, Does.Contain("does not exist"));
        Assert.That(vault.Snapshot(), Is.EqualTo(before));
    }

    private static string Encode(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal);

    [GeneratedRegex(@"<\s*/?\s*([a-zA-Z][a-zA-Z0-9-]*)")]
    private static partial Regex Tag();

    [GeneratedRegex(@"<[a-zA-Z][^>]*>")]
    private static partial Regex OpeningTag();

    [GeneratedRegex(@"\s([a-zA-Z-]+)\s*=")]
    private static partial Regex Attribute();
}

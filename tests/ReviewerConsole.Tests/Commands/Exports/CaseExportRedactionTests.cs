using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using WhistleSubmit.ReviewerConsole.Tests.Support;

namespace WhistleSubmit.ReviewerConsole.Tests.Commands.Exports;

/// <summary>
/// Issue 19: the referral packet of a case with redaction marks. One case with planted strings everywhere a packet
/// shows data (<see cref="RedactionScenario"/>), marked once and exported once for the whole class.
/// </summary>
[TestFixture]
public sealed partial class CaseExportRedactionTests
{
    private RedactionScenario scenario = null!;
    private TempDirectory output = null!;
    private string html = null!;
    private byte[] salt = null!;

    [OneTimeSetUp]
    public void MarkAndExport()
    {
        scenario = new RedactionScenario();
        TestVault vault = scenario.Vault;
        string id = scenario.Id;
        int evidence = scenario.EvidenceText.IndexOf(RedactionScenario.Evidence, StringComparison.Ordinal);
        int outcome = scenario.OutcomeText.IndexOf(RedactionScenario.Outcome, StringComparison.Ordinal);
        vault.Succeed("redact", id, "--text", RedactionScenario.Name.ToLowerInvariant());
        vault.Succeed("redact", id, "--field", "evidence", "--from", Number(evidence), "--to", Number(evidence + RedactionScenario.Evidence.Length));
        vault.Succeed("redact", id, "--text", RedactionScenario.Place);
        vault.Succeed("redact", id, "--attachment", "1");
        vault.Succeed("redact", id, "--field", "outcome", "--item", scenario.Items[0][..8], "--from", Number(outcome), "--to", Number(outcome + RedactionScenario.Outcome.Length));
        vault.Succeed("redact", id, "--text", RedactionScenario.Retaliation);
        output = new TempDirectory();
        CliResult export = vault.Succeed("case-export", id, "--out", output.File("packet.html"), "--approved-by", "bruno");
        Assert.That(export.StdoutText, Does.Contain("6 redaction marks applied"));
        html = File.ReadAllText(output.File("packet.html"), Encoding.UTF8);
        using JsonDocument list = JsonDocument.Parse(vault.Succeed("redact", id, "--list", "--json").StdoutText);
        salt = Convert.FromHexString(list.RootElement.GetProperty("salt").GetString()!);
    }

    [OneTimeTearDown]
    public void CleanUp()
    {
        output?.Dispose();
        scenario?.Dispose();
    }

    [Test]
    public void CaseExport_PlantedStrings_AppearInNoOutputByteInAnyEncoding()
    {
        string pdfSha = Fixtures.Sha256(RedactionScenario.Pdf);
        string[] planted =
        [
            RedactionScenario.Name, RedactionScenario.NameCore, RedactionScenario.Evidence, RedactionScenario.Place, RedactionScenario.AttachmentName,
            RedactionScenario.PdfMetadata, RedactionScenario.Outcome, RedactionScenario.Retaliation, pdfSha, pdfSha[..16], .. scenario.PlaintextHashes,
        ];

        string[] files = [.. Directory.EnumerateFileSystemEntries(output.Path, "*", SearchOption.AllDirectories)];

        Assert.That(files.Select(Path.GetFileName), Is.EqualTo(new[] { "packet.html" }), "nothing else is written alongside");
        Assert.Multiple(() =>
        {
            foreach (string file in files)
            {
                byte[] bytes = File.ReadAllBytes(file);
                foreach (string p in planted)
                {
                    Assert.That(LeakScan.Find(bytes, p), Is.Null, $"\"{p}\" in {Path.GetFileName(file)}");
                    Assert.That(Path.GetFileName(file), Does.Not.Contain(p).IgnoreCase);
                }
            }
        });
    }

    [Test]
    public void CaseExport_Marks_AreVisibleWhereTheTextWasAndTheRestIsKept()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Description(), Does.StartWith("Officer <span class=\"redacted\">█ redacted 1</span> struck him. Later <span class=\"redacted\">█ redacted 1</span> denied it;"));
            Assert.That(Regex.Matches(Description(), "█ redacted 1"), Has.Count.EqualTo(4), "every variant of the name");
            Assert.That(html, Does.Contain("Footage on camera 12; badge <span class=\"redacted\">█ redacted 2</span> was logged."));
            Assert.That(html, Does.Contain("One more thing: <span class=\"redacted\">█ redacted 2</span> is on the roster too."), "a span of 4+ characters, elsewhere too");
            Assert.That(html, Does.Contain("TX, Dorm <span class=\"redacted\">█ redacted 3</span>, Dilley"));
            Assert.That(html, Does.Contain("<td>1</td><td class=\"user\"><span class=\"redacted\">█ redacted 4</span><br><span class=\"meta\">withheld"));
            Assert.That(html, Does.Contain("<span class=\"redacted\">█ redacted 1</span> statement.png"), "an attachment name reached by a text mark");
            Assert.That(html, Does.Contain("Told by <span class=\"redacted\">█ redacted 5</span> to drop it."));
            Assert.That(html, Does.Contain("Moved shifts after <span class=\"redacted\">█ redacted 6</span> found out."));
            Assert.That(html, Does.Contain("<dt>Assigned to</dt><dd class=\"user\"><span class=\"redacted\">█ redacted 1</span></dd>"));
            Assert.That(html, Does.Contain("Call <span class=\"redacted\">█ redacted 1</span> back about the roster."), "notes");
            Assert.That(html, Does.Contain("Is <span class=\"redacted\">█ redacted 1</span> a witness?"), "replies");
            Assert.That(html, Does.Contain("The reviewers redacted this packet"));
            Assert.That(html, Does.Not.Contain("<script").IgnoreCase.And.Not.Contain("<img").IgnoreCase.And.Not.Contain("href").IgnoreCase);
        });
    }

    [Test]
    public void CaseExport_Hashes_MatchTheShownTextAndTheSaltedOriginal()
    {
        string report = scenario.Items[0][..8];

        (string shownHash, string saltedHash) = HashRow($"description of item {report}");
        (string evidenceShown, string evidenceSalted) = HashRow($"evidence of item {report}");

        Assert.Multiple(() =>
        {
            Assert.That(shownHash, Is.EqualTo(Sha256(Visible(Description()))));
            Assert.That(saltedHash, Is.EqualTo(Salted(Sha256(scenario.Description))));
            Assert.That(evidenceShown, Is.EqualTo(Sha256("Footage on camera 12; badge █ redacted 2 was logged.")));
            Assert.That(evidenceSalted, Is.EqualTo(Salted(Sha256(scenario.EvidenceText))));
            Assert.That(html, Does.Contain($"<tr><td>attachment 1 of item {report} (withheld)</td><td><span class=\"redacted\">█ redacted 4</span></td><td>not included</td>"
                + $"<td class=\"hash\">{Salted(Fixtures.Sha256(RedactionScenario.Pdf))}</td></tr>"));
            Assert.That(html, Does.Contain($"salted {Salted(scenario.PlaintextHashes[0])}"), "the container of a redacted item");
            Assert.That(html, Does.Contain(Fixtures.Sha256(RedactionScenario.Png)), "an attachment that is not withheld keeps its plain hash");
        });
    }

    [Test]
    public void CaseExport_RedactionAudit_NamesMarksButNeverTheText()
    {
        var entries = VaultAudit.Entries(scenario.Vault).Where(e => e.Action.StartsWith("redaction.", StringComparison.Ordinal)).ToList();
        string[] planted = [RedactionScenario.Name, RedactionScenario.NameCore, RedactionScenario.Evidence, RedactionScenario.Place, RedactionScenario.Outcome, "PLANTED"];

        Assert.That(entries.Select(e => e.Details).ToList(), Has.Count.EqualTo(6).And.All.StartWith("mark "));
        Assert.That(entries.Select(e => e.Details), Has.None.Matches<string>(d => planted.Any(p => d.Contains(p, StringComparison.OrdinalIgnoreCase))));
        Assert.That(VaultAudit.Entries(scenario.Vault).Last().Details, Does.Contain("6 redaction marks applied"));
    }

    // Audit hashes cover the unredacted details, and a marked item's size less what is shown is the redacted length.
    [Test]
    public void CaseExport_RedactedPacket_ShowsNoAuditHashAndNoMarkedItemSize()
    {
        var hashes = VaultAudit.Entries(scenario.Vault).Select(e => e.Hash).ToList();

        Assert.That(hashes, Has.Count.GreaterThan(10));
        Assert.That(hashes, Has.None.Matches<string>(h => html.Contains(h, StringComparison.Ordinal)));
        Assert.That(html, Does.Contain("the hashes are withheld in a redacted packet"));
        Assert.That(html, Does.Contain("size withheld"));
    }

    private string Description() => Regex.Match(html, "<h3>Description</h3>\n<div class=\"text\">(.*?)</div>", RegexOptions.Singleline).Groups[1].Value;

    private (string Shown, string Salted) HashRow(string what)
    {
        Match row = Regex.Match(html, $"<tr><td>{Regex.Escape(what)}</td><td>.*?</td><td class=\"hash\">([0-9a-f]{{64}})</td><td class=\"hash\">([0-9a-f]{{64}})</td></tr>");
        Assert.That(row.Success, Is.True, what);
        return (row.Groups[1].Value, row.Groups[2].Value);
    }

    private static string Visible(string fragment) => WebUtility.HtmlDecode(Regex.Replace(fragment, "<[^>]*>", string.Empty));

    private static string Sha256(string text) => Fixtures.Sha256(Encoding.UTF8.GetBytes(text));

    private string Salted(string sha256) => Convert.ToHexStringLower(SHA256.HashData([.. salt, .. Convert.FromHexString(sha256)]));

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}

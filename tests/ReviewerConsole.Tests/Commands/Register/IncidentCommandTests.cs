using System.Text.Json;
using WhistleSubmit.ReviewerConsole.Tests.Support;

namespace WhistleSubmit.ReviewerConsole.Tests.Commands.Register;

[TestFixture]
public sealed class IncidentCommandTests
{
    [Test]
    public void Create_FromCase_PrefillsFromTheReportAndIsAudited()
    {
        using TestVault vault = TestVault.Imported();
        string caseA = CaseLookup.CaseA(vault);

        CliResult created = vault.Run("incident", "create", "--case", caseA, "--month", "2021-06", "--injuries", "2");

        Assert.That(created.ExitCode, Is.Zero, created.ToString());
        string id = RegisterScenario.Incidents(vault, "source").Single();
        using JsonDocument json = JsonDocument.Parse(vault.Succeed("incident", "show", id[..8], "--json").StdoutText);
        JsonElement i = json.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(i.GetProperty("month").GetString(), Is.EqualTo("2021-06"));
            Assert.That(i.GetProperty("injuries").GetInt32(), Is.EqualTo(2));
            Assert.That(i.GetProperty("verification").GetString(), Is.EqualTo("single-source"));
            Assert.That(i.GetProperty("cases").EnumerateArray().Single().GetString(), Does.StartWith(caseA));
            Assert.That(VaultAudit.Entries(vault).Where(e => e.Action == "incident.link").Select(e => e.CaseId), Has.Exactly(1).StartsWith(caseA));
            Assert.That(VaultAudit.Actions(vault), Does.Contain("incident.create"));
        });
    }

    [Test]
    public void LinkVerifyEdit_EachChange_IsStoredAndAudited()
    {
        using TestVault vault = TestVault.Imported();
        vault.Succeed("incident", "create", "--case", CaseLookup.CaseA(vault), "--month", "2021-06");
        string id = RegisterScenario.Incidents(vault, "source").Single()[..8];

        vault.Succeed("incident", "link", id, "--case", CaseLookup.CaseB(vault));
        vault.Succeed("incident", "verify", id, "--level", "corroborated");
        CliResult needsCitation = vault.Run("incident", "verify", id, "--level", "public-record");
        vault.Succeed("incident", "edit", id, "--cite", "opr=OPR report 2022-17", "--state", "CA", "--assessment", "two officers agree");
        vault.Succeed("incident", "verify", id, "--level", "public-record");
        CliResult show = vault.Succeed("incident", "show", id);

        Assert.Multiple(() =>
        {
            Assert.That(needsCitation.ExitCode, Is.EqualTo(1));
            Assert.That(needsCitation.Stderr, Does.Contain("needs a citation"));
            Assert.That(show.StdoutText, Does.Contain("public-record").And.Contain("opr: OPR report 2022-17").And.Contain("two officers agree").And.Contain("CA"));
            Assert.That(VaultAudit.Actions(vault).Where(a => a.StartsWith("incident.", StringComparison.Ordinal)),
                Is.EqualTo(new[] { "incident.link", "incident.create", "incident.link", "incident.verify", "incident.edit", "incident.verify" }));
            Assert.That(VaultAudit.Entries(vault).Single(e => e.Action == "incident.edit").Details, Does.Contain("state TX -> CA").And.Not.Contain("two officers"));
            Assert.That(vault.Run("audit", "verify").ExitCode, Is.Zero);
        });
    }

    [Test]
    public void Create_PublicRecordWithoutCitationOrWithBadField_IsRefusedAndStoresNothing()
    {
        using TestVault vault = TestVault.WithKey();

        CliResult noCitation = vault.Run("incident", "create", "--public-record", "--month", "2018-02", "--summary", "s");
        CliResult badForce = vault.Run("incident", "create", "--public-record", "--month", "2018-02", "--summary", "s", "--cite", "news=x", "--force", "maybe");
        CliResult good = vault.Run("incident", "create", "--public-record", "--month", "2018-02", "--summary", "s", "--cite", "news=Daily, 2018-02-03");

        Assert.Multiple(() =>
        {
            Assert.That(noCitation.ExitCode, Is.EqualTo(1));
            Assert.That(noCitation.Stderr, Does.Contain("citation"));
            Assert.That(badForce.ExitCode, Is.EqualTo(1));
            Assert.That(badForce.Stderr, Does.Contain("force"));
            Assert.That(good.ExitCode, Is.Zero, good.ToString());
            Assert.That(RegisterScenario.Incidents(vault, "public-record"), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public void Import_BadRow_ImportsNothingAndNamesLineAndColumn()
    {
        using TestVault vault = TestVault.WithKey();
        string csv = RegisterScenario.Csv + "2021-01,TX,,unknown,often,,,no,,s,news,r\r\n";
        var before = vault.Snapshot();

        CliResult result = vault.Run("incident", "import", "--csv", vault.Directory.Write("records.csv", csv));

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Stderr, Does.Contain("records.csv line 6, column 5 (force)"));
        Assert.That(vault.Snapshot(), Is.EqualTo(before));
    }
}

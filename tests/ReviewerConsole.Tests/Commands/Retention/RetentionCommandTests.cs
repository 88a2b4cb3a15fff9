using System.Text.Json;
using WhistleSubmit.ReviewerConsole.Tests.Support;

namespace WhistleSubmit.ReviewerConsole.Tests.Commands.Retention;

[TestFixture]
public sealed class RetentionCommandTests
{
    private const string FakeTimeLibrary = "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1";

    [Test]
    public void Retention_DefaultTenDays_ListShowAndTuiRowWarn()
    {
        using TestVault vault = TestVault.Imported();
        string c = CaseLookup.CaseC(vault);
        string today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        string expires = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        CliResult set = vault.Run("retention", "--default", "10d");

        Assert.That(set.ExitCode, Is.Zero, set.ToString());
        Assert.That(set.StdoutText, Does.StartWith("Default retention: 10d; warnings 30 days before expiry\n"));
        Assert.That(set.StdoutText, Does.Contain($"{c}  exp:10d    Retention: 10d (vault default) from last activity {today}: EXPIRES {expires}, in 10 days"));
        Assert.That(vault.Succeed("list").StdoutText, Does.Contain("exp:10d"));
        Assert.That(vault.Succeed("show", c).StdoutText, Does.Contain($"Retention: 10d (vault default) from last activity {today}: EXPIRES {expires}, in 10 days\n"));
        using JsonDocument json = JsonDocument.Parse(vault.Succeed("show", c, "--json").StdoutText);
        JsonElement retention = json.RootElement.GetProperty("retention");
        Assert.That(retention.GetProperty("state").GetString(), Is.EqualTo("expiring"));
        Assert.That(retention.GetProperty("expires").GetString(), Is.EqualTo(expires));
        Assert.That(retention.GetProperty("daysLeft").GetInt32(), Is.EqualTo(10));
        Assert.That(VaultAudit.Entries(vault)[^1].Details, Is.EqualTo("default none -> 10d, warn 30 -> 30 days"));
    }

    [Test]
    public void Retention_ElevenDaysLater_DueHeldAndOverriddenCasesApart()
    {
        if (!File.Exists(FakeTimeLibrary))
        {
            Assert.Ignore("needs libfaketime (apt-get install -y faketime)");
        }

        using TestVault vault = TestVault.Imported();
        string a = CaseLookup.CaseA(vault);
        string b = CaseLookup.CaseB(vault);
        string c = CaseLookup.CaseC(vault);
        vault.Succeed("retention", "--default", "10d");
        vault.Succeed("retention", b, "--period", "5y");
        vault.Succeed("hold", c, "--reason", "court order 26-cv-0193");

        // Eleven days on: the process's clock only (libfaketime), as the portal's seizure test moves its days.
        vault.Environment["LD_PRELOAD"] = FakeTimeLibrary;
        vault.Environment["FAKETIME"] = "+11d";
        vault.Environment["FAKETIME_DONT_FAKE_MONOTONIC"] = "1";
        vault.Environment["NO_FAKE_STAT"] = "1";
        CliResult due = vault.Run("retention", "--due");

        Assert.That(due.ExitCode, Is.Zero, due.ToString());
        Assert.That(due.StdoutText, Does.StartWith($"{a}  due        Retention: 10d (vault default) from last activity "));
        Assert.That(due.StdoutText, Does.Contain("DUE since").And.Contain("(1 days ago)"));
        Assert.That(due.StdoutText, Does.Not.Contain(b).And.Not.Contain(c));
        string list = vault.Succeed("list").StdoutText;
        Assert.That(Line(list, a), Does.Contain("due"));
        Assert.That(Line(list, b), Does.Not.Contain("due").And.Not.Contain("exp:"));
        Assert.That(Line(list, c), Does.Contain("hold"));
        Assert.That(vault.Succeed("show", c).StdoutText, Does.Contain("Retention: LEGAL HOLD since ").And.Contain(": court order 26-cv-0193 (retention 10d (vault default) suspended; 'destroy' refuses)"));

        CliResult released = vault.Run("release-hold", c, "--reason", "order lifted");
        Assert.That(released.ExitCode, Is.Zero, released.ToString());
        Assert.That(released.StdoutText, Does.Contain($"Case {c}: Retention: 10d (vault default) from last activity ").And.Contain("DUE since"));
        Assert.That(vault.Succeed("retention", "--due").StdoutText, Does.Contain(a).And.Contain(c));
        Assert.That(VaultAudit.Actions(vault).TakeLast(4), Is.EqualTo(new[] { "retention.default", "retention.case", "case.hold", "case.release-hold" }));
    }

    [TestCase("hold", "is already under legal hold")]
    [TestCase("release-hold", "is not under legal hold")]
    public void Hold_TwiceOrReleaseWithout_Refused(string verb, string error)
    {
        using TestVault vault = TestVault.Imported();
        string c = CaseLookup.CaseC(vault);
        if (verb == "hold")
        {
            vault.Succeed("hold", c, "--reason", "first");
        }

        var before = vault.Snapshot();
        CliResult result = vault.Run(verb, c, "--reason", "second");

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Stderr, Does.Contain(error));
        Assert.That(vault.Snapshot(), Is.EqualTo(before));
    }

    [TestCase("--default", "3w", "is not a retention period")]
    [TestCase("--default", "0y", "is not a retention period")]
    [TestCase("--warn-days", "400", "--warn-days must be between 0 and 365")]
    public void Retention_InvalidSetting_RefusedVaultUnchanged(string option, string value, string error)
    {
        using TestVault vault = TestVault.Imported();
        var before = vault.Snapshot();

        CliResult result = vault.Run("retention", option, value);

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Stderr, Does.Contain(error));
        Assert.That(vault.Snapshot(), Is.EqualTo(before));
    }

    [TestCase("retention")]
    [TestCase("hold")]
    [TestCase("release-hold")]
    [TestCase("destroy")]
    public void Help_NewVerb_ExplainsIt(string verb)
    {
        using var vault = new TestVault();

        CliResult result = vault.Run(verb, "--help");

        Assert.That(result.ExitCode, Is.Zero);
        Assert.That(result.StdoutText, Does.Contain("--reason").Or.Contain("--default"));
    }

    private static string Line(string table, string id) => table.Split('\n').Single(l => l.StartsWith(id, StringComparison.Ordinal));
}

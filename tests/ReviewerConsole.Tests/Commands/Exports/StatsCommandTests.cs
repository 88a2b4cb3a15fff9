using System.Text.Json;
using System.Text.RegularExpressions;
using WhistleSubmit.Crypto.Containers;
using WhistleSubmit.ReviewerConsole.Tests.Support;

namespace WhistleSubmit.ReviewerConsole.Tests.Commands.Exports;

[TestFixture]
public sealed class StatsCommandTests
{
    private const string Place = "Secret Facility 42";

    private static readonly Lazy<Templates.Template> Crafted = new(CreateCraftedVault);

    [Test]
    public void Stats_CraftedVault_PublishesLargeCountsAndSuppressesSmallOnesAndTheirComplements()
    {
        using TestVault vault = Crafted.Value.CopyTo(new TestVault());
        string output = vault.Directory.File("stats.csv");

        CliResult result = vault.Run("stats", "--out", output);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        string csv = File.ReadAllText(output);
        string[] lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Is.EqualTo("table,value,count"));
            Assert.That(lines[1], Is.EqualTo("total,all,13"));
            Assert.That(lines, Does.Contain("month,2025-03,8").And.Contain("month,2025-04,suppressed").And.Contain("month,2026-11,suppressed"));
            Assert.That(lines, Does.Contain("month,earlier,suppressed").And.Contain("month,2025-01,suppressed").And.Contain("month,2026-12,suppressed"));
            // 13 of 13 name unlawful force: publishing it would tell that no report lacks it.
            Assert.That(lines, Does.Contain("category,unlawful-force,suppressed").And.Contain("category,arrest-quotas,6"));
            Assert.That(lines, Does.Contain("category,retaliation-against-staff,suppressed"));
            // force: yes 9, no 4 -> "no" is small, and yes = 13 - no would give it away, so both go.
            Assert.That(lines, Does.Contain("force,yes,suppressed").And.Contain("force,no,suppressed"));
            // injury: unknown 0 would be suppressed alone, so the smallest other row (no, 6) goes with it.
            Assert.That(lines, Does.Contain("injury,yes,7").And.Contain("injury,no,suppressed").And.Contain("injury,unknown,suppressed"));
            Assert.That(lines, Does.Contain("death,unknown,13").And.Contain("death,yes,suppressed"));
            // state: NY 1 plus zeros sum to 1, so CA (6, the first smallest) is suppressed too; TX stays.
            Assert.That(lines, Does.Contain("state,TX,6").And.Contain("state,CA,suppressed").And.Contain("state,NY,suppressed").And.Contain("state,WY,suppressed"));
            Assert.That(csv, Does.Not.Contain(Place).And.Not.Contain("Secret").And.Not.Contain("CANARY"));
            Assert.That(Regex.IsMatch(csv, @"\d{4}-\d{2}-\d{2}|[0-9a-f]{8}"), Is.False, "no day and no id");
            Assert.That(FileModes.Of(output), Is.EqualTo(FileModes.OwnerOnly).Or.Null);
        });
        AssertNothingRecoverable(lines);
    }

    [Test]
    public void Stats_Json_WritesSameCountsWithRulesAndIsAudited()
    {
        using TestVault vault = Crafted.Value.CopyTo(new TestVault());
        string output = vault.Directory.File("stats.json");

        vault.Succeed("stats", "--out", output);

        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(output));
        JsonElement root = json.RootElement;
        JsonElement state = root.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("name").GetString() == "state");
        JsonElement[] rows = [.. state.GetProperty("rows").EnumerateArray()];
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("total").GetInt32(), Is.EqualTo(13));
            Assert.That(root.GetProperty("suppression").GetProperty("minimumCount").GetInt32(), Is.EqualTo(5));
            Assert.That(root.GetProperty("monthBasis").GetString(), Does.Contain("incident").And.Contain("receipt"));
            Assert.That(root.GetProperty("generated").GetString(), Does.Match(@"^\d{4}-\d{2}$"));
            Assert.That(rows.Single(r => r.GetProperty("value").GetString() == "TX").GetProperty("count").GetInt32(), Is.EqualTo(6));
            Assert.That(rows.Single(r => r.GetProperty("value").GetString() == "NY").GetProperty("count").GetString(), Is.EqualTo("suppressed"));
            Assert.That(state.GetProperty("rowsAddUpToTotal").GetBoolean(), Is.True);
        });
        Assert.That(VaultAudit.Actions(vault), Does.Contain("stats.export"));
    }

    [Test]
    public void Stats_CaseMarkedSpam_IsLeftOut()
    {
        using TestVault vault = Crafted.Value.CopyTo(new TestVault());
        vault.Succeed("triage", CaseLookup.IdOf(vault, "CANARY-STATS report 0"), "--status", "spam");
        string output = vault.Directory.File("stats.csv");

        vault.Succeed("stats", "--out", output);

        string[] lines = File.ReadAllText(output).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines[1], Is.EqualTo("total,all,12"));
        // TX drops to 5, now the smallest published row next to NY's 1, so it is suppressed and CA's 6 is published.
        Assert.That(lines, Does.Contain("state,TX,suppressed").And.Contain("state,CA,6"));
        AssertNothingRecoverable(lines);
    }

    [Test]
    public void Stats_FewerThanFiveReports_SuppressesEverythingIncludingTheTotal()
    {
        using TestVault vault = TestVault.Imported();
        string output = vault.Directory.File("stats.csv");

        vault.Succeed("stats", "--out", output);

        string[] lines = File.ReadAllText(output).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines.Skip(1).Select(l => l.Split(',')[2]), Is.All.EqualTo("suppressed"));
    }

    [Test]
    public void Stats_UnknownExtension_RefusesBeforeOpeningTheVault()
    {
        using TestVault vault = TestVault.Imported();

        CliResult result = vault.RunWith(null, "stats", "--out", vault.Directory.File("stats.txt"));

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Stderr, Does.Contain(".csv or .json"));
        Assert.That(vault.Directory.FileNames(), Does.Not.Contain("stats.txt"));
    }

    /// <summary>In every table whose rows add up to the total, the suppressed rows' sum (total minus the rest) reveals nothing.</summary>
    private static void AssertNothingRecoverable(string[] lines)
    {
        int total = int.Parse(lines[1].Split(',')[2], System.Globalization.CultureInfo.InvariantCulture);
        foreach (var table in lines.Skip(2).Select(l => l.Split(',')).GroupBy(f => f[0]).Where(g => g.Key != "category"))
        {
            int published = table.Where(f => f[2] != "suppressed").Sum(f => int.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture));
            int suppressedRows = table.Count(f => f[2] == "suppressed");
            int recovered = total - published;
            Assert.That(table.Where(f => f[2] != "suppressed").Select(f => int.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture)), Is.All.GreaterThanOrEqualTo(5), table.Key);
            Assert.That(suppressedRows, Is.Not.EqualTo(1), table.Key);
            Assert.That(recovered == 0 || recovered >= 5, Is.True, $"{table.Key}: suppressed rows sum to {recovered}");
        }
    }

    /// <summary>13 reports with known answers (see the expectations above), imported once for the fixture.</summary>
    private static Templates.Template CreateCraftedVault()
    {
        TestVault vault = Templates.Track(TestVault.WithKey());
        string recipient = ImportedScenario.RecipientOf(vault);
        var entries = new List<BundleEntry>();
        for (int i = 0; i < 13; i++)
        {
            var report = new ReportV1
            {
                Description = $"CANARY-STATS report {i}",
                Categories = [Category.UnlawfulForce, .. i < 6 ? new[] { Category.ArrestQuotas } : [], .. i == 12 ? new[] { Category.RetaliationAgainstStaff } : []],
                When = i < 8 ? new IncidentWhen { From = new DateOnly(2025, 3, 10) } : i < 10 ? new IncidentWhen { From = new DateOnly(2025, 4, 2) } : null,
                Where = new IncidentWhere { State = i < 6 ? "TX" : i < 12 ? "CA" : "NY", Place = Place },
                Harm = new Harm { Force = i < 9 ? Answer.Yes : Answer.No, Injuries = i < 7 ? 1 : 0 },
                Client = Fixtures.Client,
            };
            entries.Add(BundleEntry.Submission(Fixtures.NewMailbox(), Fixtures.Encrypt(Fixtures.Container(report), recipient)));
        }

        vault.Succeed("import", vault.Directory.Write("crafted.wsbundle", Fixtures.Bundle([.. entries])));
        return new Templates.Template(vault);
    }
}

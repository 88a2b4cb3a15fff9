using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using WhistleSubmit.ReviewerConsole.Tests.Support;

namespace WhistleSubmit.ReviewerConsole.Tests.Commands.Releases;

[TestFixture]
public sealed class PublishCommandTests
{
    private static readonly string[] ReleaseFiles =
        ["SHA256SUMS", "SHA256SUMS.sig", "aggregates.csv", "incidents.csv", "incidents.json", "incidents.schema.json", "index.html", "team.pub"];

    [Test]
    public void Publish_Register_WritesSignedReleaseThatVerifies()
    {
        using TestVault vault = RegisterScenario.Template.CopyTo(new TestVault());
        string dir = vault.Directory.File("release-1");

        CliResult published = vault.Run("publish", "--out", dir);

        Assert.That(published.ExitCode, Is.Zero, published.ToString());
        Assert.That(Directory.EnumerateFileSystemEntries(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal), Is.EqualTo(ReleaseFiles));
        Assert.That(published.StdoutText, Does.Contain("Published release 1").And.Contain("4 public-record incidents").And.Contain("source-derived incidents: 6"));
        CliResult verified = vault.Run("verify-release", dir, "--team-key", TeamKeyFile(vault));
        Assert.That(verified.ExitCode, Is.Zero, verified.ToString());
        Assert.That(verified.StdoutText, Does.Contain("Release 1").And.Contain("good signature"));
        Assert.That(vault.Run("verify-release", dir).ExitCode, Is.Zero, "with the vault's own key");
        Assert.That(VaultAudit.Actions(vault), Does.Contain("release.publish"));
        string sums = File.ReadAllText(Path.Combine(dir, "SHA256SUMS"));
        ProcessResult check = ProcessRunner.Run("sha256sum", ["-c", "SHA256SUMS"], workingDirectory: dir);
        Assert.That(check.ExitCode, Is.Zero, check.StdErr + sums);
    }

    [Test]
    public void Publish_SourceDerivedIncidents_AppearOnlyAsCounts()
    {
        using TestVault vault = RegisterScenario.Template.CopyTo(new TestVault());
        string dir = vault.Directory.File("release");

        vault.Succeed("publish", "--out", dir);

        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "incidents.json")));
        JsonElement root = json.RootElement;
        JsonElement[] tables = [.. root.GetProperty("sourceDerived").GetProperty("tables").EnumerateArray()];
        JsonElement state = tables.Single(t => t.GetProperty("name").GetString() == "state");
        JsonElement month = tables.Single(t => t.GetProperty("name").GetString() == "month");
        string[] sourceIds = [.. RegisterScenario.Incidents(vault, "source")];
        string all = string.Concat(Directory.EnumerateFiles(dir).Select(File.ReadAllText));
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("release").GetInt32(), Is.EqualTo(1));
            Assert.That(root.GetProperty("publicRecord").GetProperty("count").GetInt32(), Is.EqualTo(4));
            Assert.That(root.GetProperty("sourceDerived").GetProperty("total").GetInt32(), Is.EqualTo(6));
            Assert.That(state.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("value").GetString() == "TX").GetProperty("count").GetInt32(), Is.EqualTo(6));
            // 3 and 3 in two months: each below 5, so every month row is suppressed.
            Assert.That(month.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("count").ToString()), Is.All.EqualTo("suppressed"));
            Assert.That(sourceIds.Select(id => all.Contains(id, StringComparison.Ordinal)), Is.All.False, "no source-derived incident id leaves the vault");
            Assert.That(all, Does.Not.Contain(ImportedScenario.CanaryA).And.Not.Contain(ImportedScenario.CanaryC));
        });
    }

    [Test]
    public void Publish_HostileText_IsNeutralisedInCsvAndOnlyTextInJsonAndHtml()
    {
        using TestVault vault = RegisterScenario.Template.CopyTo(new TestVault());
        string dir = vault.Directory.File("release");

        vault.Succeed("publish", "--out", dir);

        string csv = File.ReadAllText(Path.Combine(dir, "incidents.csv"));
        string json = File.ReadAllText(Path.Combine(dir, "incidents.json"));
        string html = File.ReadAllText(Path.Combine(dir, "index.html"));
        string[] cells = [.. CsvCells(csv)];
        Assert.Multiple(() =>
        {
            Assert.That(cells, Does.Contain("'" + RegisterScenario.Formula));
            Assert.That(cells, Does.Contain("'+Santa Ana").And.Contain("'@Phoenix"));
            Assert.That(cells.Where(c => c.Length > 0).Select(c => c[0]), Has.None.AnyOf('=', '+', '-', '@', '\t', '\r'));
            Assert.That(cells, Has.Some.StartsWith("'-2 people hurt"));
            Assert.That(json, Does.Not.Contain("<script").And.Not.Contain("<img").And.Contain("\\u003Cscript\\u003E"));
            Assert.That(json, Does.Not.Contain("\u202E").And.Contain("\\u202E"));
            Assert.That(html, Does.Not.Contain("<script").And.Not.Contain("<img").And.Contain("&lt;img src=x onerror=alert(2)&gt;"));
            Assert.That(html, Does.Contain("&lt;script&gt;alert(1)&lt;/script&gt;"));
            Assert.That(html, Does.Not.Contain("\u202E"), "a bidi override is made visible, not obeyed");
            Assert.That(html, Does.Contain("Content-Security-Policy").And.Contain("default-src 'none'"));
        });
        using JsonDocument parsed = JsonDocument.Parse(json);
        string[] summaries = [.. parsed.RootElement.GetProperty("publicRecord").GetProperty("incidents").EnumerateArray().Select(i => i.GetProperty("summary").GetString()!)];
        Assert.That(summaries, Does.Contain(RegisterScenario.Markup).And.Contain(RegisterScenario.Formula), "JSON keeps the text exactly, as text");
    }

    [Test]
    public void Publish_SameVaultState_IsByteForByteReproducible()
    {
        using TestVault first = RegisterScenario.Template.CopyTo(new TestVault());
        using TestVault second = RegisterScenario.Template.CopyTo(new TestVault());
        string a = first.Directory.File("release"), b = second.Directory.File("release");

        first.Succeed("publish", "--out", a);
        second.Succeed("publish", "--out", b);

        // Every file, the signature included: a release's ML-DSA-65 half is signed deterministically.
        foreach (string name in ReleaseFiles)
        {
            Assert.That(File.ReadAllBytes(Path.Combine(b, name)), Is.EqualTo(File.ReadAllBytes(Path.Combine(a, name))), name);
        }
    }

    [Test]
    public void VerifyRelease_TamperedExtraOrOtherKey_FailsAsIntegrityFailure()
    {
        using TestVault vault = RegisterScenario.Template.CopyTo(new TestVault());
        string dir = vault.Directory.File("release");
        vault.Succeed("publish", "--out", dir);
        string key = TeamKeyFile(vault);

        File.AppendAllText(Path.Combine(dir, "extra.txt"), "x");
        CliResult extra = vault.Run("verify-release", dir, "--team-key", key);
        File.Delete(Path.Combine(dir, "extra.txt"));
        string csv = Path.Combine(dir, "incidents.csv");
        File.WriteAllText(csv, File.ReadAllText(csv).Replace("2017-05", "2017-06", StringComparison.Ordinal));
        CliResult tampered = vault.Run("verify-release", dir, "--team-key", key);
        using var other = WhistleSubmit.Crypto.Signing.TeamSigningKey.Generate();
        string otherKey = vault.Directory.Write("other.pub", other.PublicKey.Text + "\n");
        CliResult wrongKey = vault.Run("verify-release", dir, "--team-key", otherKey);

        Assert.Multiple(() =>
        {
            Assert.That(extra.ExitCode, Is.EqualTo(3));
            Assert.That(extra.Stderr, Does.Contain("extra.txt"));
            Assert.That(tampered.ExitCode, Is.EqualTo(3));
            Assert.That(tampered.Stderr, Does.Contain("incidents.csv"));
            Assert.That(wrongKey.ExitCode, Is.EqualTo(3));
            Assert.That(wrongKey.Stderr, Does.Contain("not a valid signature"));
        });
    }

    [Test]
    public void VerifyRelease_Ed25519HalfWithOpenssl_AsDocumented()
    {
        using TestVault vault = RegisterScenario.Template.CopyTo(new TestVault());
        string dir = vault.Directory.File("release");
        vault.Succeed("publish", "--out", dir);
        string key = TeamKeyFile(vault);
        string script = DocumentedOpensslSteps();

        ProcessResult good = ProcessRunner.Run("bash", ["-euo", "pipefail", "-c", script, "verify", key], workingDirectory: dir);
        // The same lines in another order: sha256sum -c still passes, the signature must not.
        string sums = Path.Combine(dir, "SHA256SUMS");
        File.WriteAllLines(sums, File.ReadAllLines(sums).Reverse());
        ProcessResult bad = ProcessRunner.Run("bash", ["-euo", "pipefail", "-c", script, "verify", key], workingDirectory: dir);

        Assert.That(good.ExitCode, Is.Zero, good.StdOut + good.StdErr);
        Assert.That(good.StdOut, Does.Contain("Signature Verified Successfully"));
        Assert.That(bad.ExitCode, Is.Not.Zero);
    }

    [Test]
    public void Publish_FewerThanFiveNewSourceIncidents_CarriesTheCountsForwardUntilThereAreFive()
    {
        // The auditor's point: a refused release tells whoever watches publishing that a small change happened. So the
        // release is published, with release 1's source-derived counts unchanged, in the same words as when nothing changed.
        using TestVault vault = RegisterScenario.Template.CopyTo(new TestVault());
        string one = vault.Directory.File("release-1"), two = vault.Directory.File("release-2"), three = vault.Directory.File("release-3");
        vault.Succeed("publish", "--out", one, "--as-of", "2025-02");
        RegisterScenario.AddSourceIncident(vault, "2025-01");
        RegisterScenario.AddSourceIncident(vault, "2025-01");

        CliResult carried = vault.Run("publish", "--out", two, "--as-of", "2025-02");

        Assert.That(carried.ExitCode, Is.Zero, carried.ToString());
        Assert.That(carried.StdoutText, Does.Contain("carried forward unchanged from release 1"));
        Assert.That(SourceDerived(two), Is.EqualTo(SourceDerived(one)), "the source-derived section is release 1's, byte for byte");
        Assert.That(File.ReadAllText(Path.Combine(two, "aggregates.csv")), Is.EqualTo(File.ReadAllText(Path.Combine(one, "aggregates.csv"))));
        string report = File.ReadAllText(Path.Combine(two, "index.html"));
        Assert.That(report, Does.Contain("are those published since release 1."));
        Assert.That(vault.Run("verify-release", two).ExitCode, Is.Zero);

        for (int i = 0; i < 3; i++)
        {
            RegisterScenario.AddSourceIncident(vault, "2025-02");
        }

        vault.Succeed("publish", "--out", three, "--as-of", "2025-02");
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(Path.Combine(three, "incidents.json")));
        Assert.That(json.RootElement.GetProperty("release").GetInt32(), Is.EqualTo(3));
        Assert.That(json.RootElement.GetProperty("sourceDerived").GetProperty("total").GetInt32(), Is.EqualTo(11));
        Assert.That(File.ReadAllText(Path.Combine(three, "index.html")), Does.Not.Contain("published since release"));
    }

    [Test]
    public void Publish_NothingSourceDerivedChanged_ReadsTheSameAsCarriedForward()
    {
        using TestVault vault = RegisterScenario.Template.CopyTo(new TestVault());
        string one = vault.Directory.File("release-1"), two = vault.Directory.File("release-2");
        vault.Succeed("publish", "--out", one, "--as-of", "2025-02");

        CliResult again = vault.Run("publish", "--out", two, "--as-of", "2025-02");

        Assert.That(again.ExitCode, Is.Zero, again.ToString());
        Assert.That(again.StdoutText, Does.Not.Contain("carried forward"));
        Assert.That(File.ReadAllText(Path.Combine(two, "index.html")), Does.Contain("are those published since release 1."));
    }

    private static string SourceDerived(string dir)
    {
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "incidents.json")));
        return json.RootElement.GetProperty("sourceDerived").GetRawText();
    }

    [Test]
    public void Publish_ExistingDirectoryOrEmptyRegister_RefusesAndWritesNothing()
    {
        using TestVault vault = RegisterScenario.Template.CopyTo(new TestVault());
        Directory.CreateDirectory(vault.Directory.File("exists"));
        using TestVault empty = TestVault.WithKey();

        CliResult exists = vault.Run("publish", "--out", vault.Directory.File("exists"));
        CliResult nothing = empty.Run("publish", "--out", empty.Directory.File("release"));

        Assert.That(exists.ExitCode, Is.EqualTo(1));
        Assert.That(exists.Stderr, Does.Contain("already exists"));
        Assert.That(Directory.EnumerateFileSystemEntries(vault.Directory.File("exists")), Is.Empty);
        Assert.That(nothing.ExitCode, Is.EqualTo(1));
        Assert.That(nothing.Stderr, Does.Contain("register is empty"));
        Assert.That(Directory.Exists(empty.Directory.File("release")), Is.False);
    }

    [Test]
    public void Publish_IncidentsJson_ConformsToThePublishedSchema()
    {
        using TestVault vault = RegisterScenario.Template.CopyTo(new TestVault());
        string dir = vault.Directory.File("release");
        vault.Succeed("publish", "--out", dir);

        using JsonDocument schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "incidents.schema.json")));
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "incidents.json")));

        Assert.That(SchemaCheck.Errors(schema.RootElement, document.RootElement), Is.Empty);
    }

    /// <summary>The commands of docs/CONSOLE.md's "Checking a release" openssl block, taken from the document itself.</summary>
    private static string DocumentedOpensslSteps()
    {
        string doc = File.ReadAllText(Path.Combine(Repository.Root, "docs", "CONSOLE.md"));
        int start = doc.IndexOf("```sh verify-release-openssl", StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), "docs/CONSOLE.md has the openssl block");
        int body = doc.IndexOf('\n', start) + 1;
        return "TEAM_PUB=\"$1\"\n" + doc[body..doc.IndexOf("```", body, StringComparison.Ordinal)];
    }

    private static string TeamKeyFile(TestVault vault) => vault.Directory.Write("trusted-team.pub", VaultAudit.TeamKey(vault).Text + "\n");

    private static IEnumerable<string> CsvCells(string csv)
    {
        var cell = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < csv.Length; i++)
        {
            char c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c is ',' or '\n')
            {
                yield return cell.ToString();
                cell.Clear();
            }
            else if (c != '\r')
            {
                cell.Append(c);
            }
        }
    }
}

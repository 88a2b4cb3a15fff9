using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using WhistleSubmit.Crypto.Signing;
using WhistleSubmit.ReviewerConsole.Releases;
using WhistleSubmit.ReviewerConsole.Tests.Support;

namespace WhistleSubmit.ReviewerConsole.Tests.Commands.Releases;

/// <summary>The hostile auditor's findings on publish and verify-release, each carried out.</summary>
[TestFixture]
public sealed class PublishCommandAuditTests
{
    [Test]
    public void Publish_AsOf_DatesTheReleaseAndRefusesAMonthBeforeAnIncident()
    {
        using TestVault vault = RegisterScenario.Template.CopyTo(new TestVault());
        string dir = vault.Directory.File("release"), early = vault.Directory.File("early");

        CliResult refused = vault.Run("publish", "--out", early, "--as-of", "2019-01");
        vault.Succeed("publish", "--out", dir, "--as-of", "2026-11");

        Assert.That(refused.ExitCode, Is.EqualTo(1), refused.ToString());
        Assert.That(refused.Stderr, Does.Contain("--as-of 2019-01 is earlier"));
        Assert.That(Directory.Exists(early), Is.False);
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "incidents.json")));
        Assert.That(json.RootElement.GetProperty("asOf").GetString(), Is.EqualTo("2026-11"));
    }

    [Test]
    public void VerifyRelease_ForgedReleaseWithItsOwnKey_KeyInsideTheReleaseIsRefused()
    {
        using TestVault vault = RegisterScenario.Template.CopyTo(new TestVault());
        string genuine = vault.Directory.File("release"), forged = vault.Directory.File("forged");
        vault.Succeed("publish", "--out", genuine);

        // The forger alters the report, hashes it again, signs with a key of their own and ships that key as team.pub.
        Directory.CreateDirectory(forged);
        foreach (string file in Directory.EnumerateFiles(genuine))
        {
            File.Copy(file, Path.Combine(forged, Path.GetFileName(file)));
        }

        File.AppendAllText(Path.Combine(forged, "index.html"), "<p>forged</p>");
        using TeamSigningKey forger = TeamSigningKey.Generate();
        File.WriteAllText(Path.Combine(forged, "team.pub"), forger.PublicKey.Text + "\n");
        string[] names = ["aggregates.csv", "incidents.csv", "incidents.json", "incidents.schema.json", "index.html", "team.pub"];
        byte[] sums = Encoding.ASCII.GetBytes(string.Concat(names.Select(n =>
            $"{Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(forged, n))))}  {n}\n")));
        File.WriteAllBytes(Path.Combine(forged, "SHA256SUMS"), sums);
        File.WriteAllBytes(Path.Combine(forged, "SHA256SUMS.sig"), forger.SignReproducibly(ReleaseService.SignatureType, sums));
        string link = vault.Directory.File("looks-outside.pub");
        File.CreateSymbolicLink(link, Path.Combine(forged, "team.pub"));
        string dirLink = vault.Directory.File("forged-link");
        Directory.CreateSymbolicLink(dirLink, forged);

        CliResult inside = vault.Run("verify-release", forged, "--team-key", Path.Combine(forged, "team.pub"));
        CliResult viaLink = vault.Run("verify-release", forged, "--team-key", link);
        CliResult viaDirLink = vault.Run("verify-release", dirLink, "--team-key", Path.Combine(forged, "team.pub"));
        CliResult dotted = vault.Run("verify-release", forged, "--team-key", Path.Combine(forged, "..", "forged", ".", "team.pub"));
        CliResult trusted = vault.Run("verify-release", forged, "--team-key", vault.Directory.Write("trusted.pub", VaultAudit.TeamKey(vault).Text + "\n"));

        Assert.Multiple(() =>
        {
            foreach (CliResult r in new[] { inside, viaLink, viaDirLink, dotted })
            {
                Assert.That(r.ExitCode, Is.EqualTo(1), r.ToString());
                Assert.That(r.Stderr, Does.Contain("is inside the release being checked"));
                Assert.That(r.StdoutText, Does.Not.Contain("good signature"));
            }

            Assert.That(trusted.ExitCode, Is.EqualTo(3), "the team's own key shows the forgery");
        });
    }
}

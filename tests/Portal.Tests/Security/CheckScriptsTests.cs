using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace WhistleSubmit.Portal.Tests.Security;

/// <summary>
/// deploy/check-scripts.sh, the outside check of what a portal serves, against the real portal: the release's web
/// root passes; a seized server that swaps guard.js (and rewrites its own manifest so that it still starts and the
/// pages carry the new integrity) is named, script and pages.
/// </summary>
[NonParallelizable]
public class CheckScriptsTests
{
    /// <summary>The source pages the checker fetches, in both languages.</summary>
    private const int Pages = 10;

    private static string Repo => Path.GetFullPath(Path.Combine(PortalServer.WebRoot(), "..", "..", ".."));

    private static string Checker => Path.Combine(Repo, "deploy", "check-scripts.sh");

    private static string ReleaseManifest => Path.Combine(PortalServer.WebRoot(), "js", "manifest.json");

    [Test]
    public async Task Check_PortalServingTheRelease_EveryScriptAndPageMatches()
    {
        using var data = new TempDirectory("whistle-check-scripts-");
        using var team = Configure(data.Path);
        using var server = await StartAsync(data.Path, webRoot: null);

        var result = Check(server, "--team-js", TeamJsIntegrity(team));

        Assert.That(result.ExitCode, Is.Zero, result.Output);
        Assert.That(result.StdOut, Does.Contain("ok       /js/guard.js sha384-"));
        Assert.That(result.StdOut, Does.Contain("ok       /js/team.js sha384-"));
        Assert.That(Regex.Matches(result.StdOut, "^ok ", RegexOptions.Multiline), Has.Count.EqualTo(4 + Pages), result.StdOut);
        Assert.That(result.StdOut, Does.EndWith("Every script and page matches the published release.\n"));
    }

    [Test]
    public async Task Check_SeizedServerServesItsOwnGuardJs_NamesTheScriptAndEveryPage()
    {
        using var data = new TempDirectory("whistle-check-scripts-");
        using var team = Configure(data.Path);
        using var webRoot = new TempDirectory("whistle-check-scripts-webroot-");
        CopyDirectory(PortalServer.WebRoot(), webRoot.Path);
        string guard = webRoot.Combine("js", "guard.js");
        File.AppendAllText(guard, "self.whistlePortalReady=()=>{};\n");
        string manifest = webRoot.Combine("js", "manifest.json");
        string own = "sha384-" + Convert.ToBase64String(SHA384.HashData(File.ReadAllBytes(guard)));
        File.WriteAllText(manifest, Regex.Replace(File.ReadAllText(manifest), "\"guard.js\": \"[^\"]*\"", $"\"guard.js\": \"{own}\""));
        using var server = await StartAsync(data.Path, webRoot.Path);

        var result = Check(server);

        Assert.That(result.ExitCode, Is.EqualTo(1), result.Output);
        Assert.That(result.StdOut, Does.Contain($"MISMATCH /js/guard.js is {own}, published sha384-"));
        Assert.That(result.StdOut, Does.Contain($"MISMATCH /en/submit loads /js/guard.js with integrity {own}"));
        Assert.That(Regex.Matches(result.StdOut, $"^MISMATCH /\\S+ loads /js/guard.js with integrity {Regex.Escape(own)}", RegexOptions.Multiline),
            Has.Count.EqualTo(Pages), "every page that loads guard.js is named");
        Assert.That(result.StdOut, Does.Contain("ok       /js/portal.js"), "only what differs is named");
        Assert.That(result.StdOut, Does.Contain("this server is not serving the release"));
    }

    [Test]
    public void Check_ManifestMissing_RefusesWithStatus2()
    {
        var result = ProcessRunner.Run("bash", [Checker, "http://127.0.0.1:9", "/nonexistent/manifest.json"]);

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.StdErr, Does.Contain("no manifest at /nonexistent/manifest.json"));
    }

    private static ProcessResult Check(PortalServer server, params string[] options) =>
        ProcessRunner.Run("bash", [Checker, .. options, server.Address.ToString(), ReleaseManifest], timeout: TimeSpan.FromMinutes(2));

    // Production, as a seized server runs (development mode serves the build's own web root whatever is configured).
    private static TestTeam Configure(string data)
    {
        var team = new TestTeam();
        team.Configure(data, TestKeys.NewRecipient());
        return team;
    }

    /// <summary>What the reviewers publish for team.js (FORMATS.md: its exact bytes), computed here, not by the portal.</summary>
    private static string TeamJsIntegrity(TestTeam team) =>
        "sha384-" + Convert.ToBase64String(SHA384.HashData(Encoding.ASCII.GetBytes($"self.whistleTeamKey = \"{team.PublicKey.Text}\";\n")));

    private static Task<PortalServer> StartAsync(string data, string? webRoot)
    {
        var environment = new Dictionary<string, string?>
        {
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Portal__ProofOfWork__BaseBits"] = "4",
        };
        if (webRoot is not null)
        {
            environment[PortalServer.WebRootVariable] = webRoot;
        }

        return PortalServer.StartAsync(
            PortalServer.StartInfo(["--data", data, "--port", "0", "--transfer-port", "0"], environment), TimeSpan.FromSeconds(60));
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (string file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}

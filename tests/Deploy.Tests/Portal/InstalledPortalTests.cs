using System.Net;
using System.Net.Sockets;
using System.Diagnostics;
using WhistleSubmit.Crypto.Age;
using WhistleSubmit.Deploy.Tests.Support;

namespace WhistleSubmit.Deploy.Tests.Portal;

/// <summary>
/// The program install.sh puts in place runs from its install directory with the installed configuration
/// (PORTAL_ARGS of portal.env, paths moved into the throwaway root), without the .NET SDK on PATH.
/// </summary>
[TestFixture]
public sealed class InstalledPortalTests
{
    [SetUp]
    public void SetUp() => Run.RequireRoot();

    [Test]
    public void InstalledPortal_ProductionWithoutRecipients_RefusesToStartAndCreatesNoKey()
    {
        using var root = new ThrowawayRoot();
        Assert.That(root.Install(PortalPublish.Path).ExitCode, Is.Zero);
        var data = root.Combine("var", "lib", "whistlesubmit");

        var result = Run.Program(Program(root), Args(data, FreePort()), TimeSpan.FromMinutes(1), Offline(root),
            clearEnvironment: true, workingDirectory: root.Combine("opt", "whistlesubmit", "portal"));

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.StdErr, Does.Contain("whistle-portal: error:"));
        Assert.That(Directory.GetFiles(data, "*identity*", SearchOption.AllDirectories), Is.Empty);
    }

    [Test]
    public async Task InstalledPortal_ProductionWithRecipient_ServesTheLandingPageOnLoopback()
    {
        using var root = new ThrowawayRoot();
        Assert.That(root.Install(PortalPublish.Path).ExitCode, Is.Zero);
        var data = root.Combine("var", "lib", "whistlesubmit");
        using (var reviewer = MlKem768X25519Identity.Generate())
        using (var team = new TestTeam())
        {
            team.Configure(data, reviewer.Recipient.ToString());
        }

        int port = FreePort();

        var info = new ProcessStartInfo(Program(root))
        {
            WorkingDirectory = root.Combine("opt", "whistlesubmit", "portal"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment.Clear();
        foreach (var (key, value) in Offline(root))
        {
            info.Environment[key] = value;
        }

        foreach (var arg in Args(data, port))
        {
            info.ArgumentList.Add(arg);
        }

        using var portal = Process.Start(info)!;
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            HttpResponseMessage? response = null;
            for (int i = 0; i < 120 && response is null && !portal.HasExited; i++)
            {
                try
                {
                    response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/en/"));
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(500);
                }
            }

            Assert.That(response, Is.Not.Null,
                portal.HasExited ? "the installed portal exited: " + await portal.StandardError.ReadToEndAsync() : "the installed portal did not answer");
            Assert.That(response!.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Headers.Contains("Server"), Is.False);
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Not.Contain("demo").IgnoreCase);
        }
        finally
        {
            portal.Kill(entireProcessTree: true);
            await portal.WaitForExitAsync();
        }
    }

    private static string Program(ThrowawayRoot root) => root.Combine("opt", "whistlesubmit", "portal", "whistle-portal");

    // portal.env's PORTAL_ARGS, with the data directory moved into the throwaway root and a free port.
    private static string[] Args(string data, int port)
    {
        var env = File.ReadAllLines(Path.Combine(Repo.Deploy, "portal", "portal.env"));
        var line = env.Single(l => l.StartsWith("PORTAL_ARGS=", StringComparison.Ordinal));
        var args = line["PORTAL_ARGS=".Length..].Trim('"').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(args, Is.EqualTo(new[] { "--data", "/var/lib/whistlesubmit", "--production", "true" }));
        args[1] = data;
        return [.. args, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--transfer-port", "0"];
    }

    // No dotnet on PATH, no DOTNET_* variables: the self-contained program must not need the SDK.
    private static Dictionary<string, string?> Offline(ThrowawayRoot root) => new()
    {
        ["PATH"] = "/usr/bin:/bin",
        ["HOME"] = root.Combine("var", "lib", "whistlesubmit"),
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["DOTNET_EnableDiagnostics"] = "0",
    };

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

using System.Diagnostics;

namespace WhistleSubmit.Portal.Tests.Configuration;

/// <summary>Runs the real whistle-portal executable, as an operator or a service manager would.</summary>
public class ProductionModeProcessTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private string dataDirectory = null!;

    [SetUp]
    public void SetUp() => dataDirectory = Directory.CreateTempSubdirectory("whistle-process-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(dataDirectory, recursive: true);

    [Test]
    public async Task Start_ProductionWithoutTeamKey_ExitsNonZeroWithClearErrorAndNoKey()
    {
        using var process = StartPortal("--production", "true", "--data", dataDirectory, "--port", "0", "--transfer-port", "0");
        using var cancel = new CancellationTokenSource(Timeout);
        Task<string> stderr = process.StandardError.ReadToEndAsync(cancel.Token);
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(cancel.Token);
        await process.WaitForExitAsync(cancel.Token);

        Assert.That(process.ExitCode, Is.Not.Zero);
        Assert.That(await stderr, Does.Contain("whistle-portal: error: production mode and no team public key"));
        Assert.That(await stderr, Does.Contain("whistle-portal: hint:"));
        Assert.That(await stdout, Does.Not.Contain("Now listening"));
        Assert.That(Directory.EnumerateFiles(dataDirectory, "*", SearchOption.AllDirectories), Is.Empty);
    }

    [Test]
    public async Task Start_DemoMode_SaysSoOnTheConsole()
    {
        using var process = StartPortal("--data", dataDirectory, "--port", "0", "--transfer-port", "0");
        using var cancel = new CancellationTokenSource(Timeout);
        var output = new System.Text.StringBuilder();
        try
        {
            while (await process.StandardOutput.ReadLineAsync(cancel.Token) is { } line)
            {
                output.AppendLine(line);
                if (line.Contains("Application started", StringComparison.Ordinal))
                {
                    break;
                }
            }
        }
        finally
        {
            process.Kill();
            await process.WaitForExitAsync(CancellationToken.None);
        }

        Assert.That(output.ToString(), Does.Contain("DEMO MODE").And.Contain("DO NOT USE THIS PORTAL FOR REAL REPORTS"));
        Assert.That(output.ToString(), Does.Contain("http://127.0.0.1:"));
        Assert.That(File.Exists(Path.Combine(dataDirectory, "demo-reviewer-identity.txt")), Is.True);
        Assert.That(output.ToString(), Does.Contain("team signing key was created on this online machine"));
        Assert.That(File.Exists(Path.Combine(dataDirectory, "demo-team-key.txt")), Is.True);
    }

    // Run from the data directory, as an operator would, so files created in the current directory show up there.
    private Process StartPortal(params string[] args)
    {
        var start = PortalServer.StartInfo(args, new Dictionary<string, string?>
        {
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        });
        start.WorkingDirectory = dataDirectory;
        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
    }
}

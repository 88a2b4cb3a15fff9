namespace WhistleSubmit.Portal.Tests.Admin;

/// <summary>
/// The real whistle-portal executable in production mode with cheap proofs of work and password hashing, as a server
/// (<see cref="PortalServer"/>) or a verb.
/// </summary>
internal static class PortalProcess
{
    private static readonly Dictionary<string, string?> Environment = new()
    {
        ["DOTNET_ENVIRONMENT"] = "Production",
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Portal__ProofOfWork__BaseBits"] = "4",
        ["Portal__ProofOfWork__MaxBits"] = "6",
        ["Portal__Transfer__Argon2MemoryKiB"] = "256",
        ["Portal__Transfer__Argon2Iterations"] = "1",
    };

    public static Task<PortalServer> StartServerAsync(string dataDirectory, params string[] extra) =>
        PortalServer.StartAsync(
            PortalServer.StartInfo(["--data", dataDirectory, "--port", "0", "--transfer-port", "0", .. extra], Environment),
            TimeSpan.FromSeconds(60));

    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunVerbAsync(string dataDirectory, params string[] args)
    {
        var result = await Task.Run(() => ProcessRunner.Run(
            PortalServer.Dotnet,
            [Path.Combine(AppContext.BaseDirectory, PortalServer.Dll), .. args, "--data", dataDirectory],
            new Dictionary<string, string?>(Environment) { ["ASPNETCORE_URLS"] = null },
            timeout: TimeSpan.FromSeconds(60)));
        return (result.ExitCode, result.StdOut, result.StdErr);
    }
}

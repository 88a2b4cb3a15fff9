namespace WhistleSubmit.Deploy.Tests.Support;

/// <summary>Runs external programs (tor, bash, shellcheck, …) with a timeout and captures their output.</summary>
internal static class Run
{
    public static ProcessResult Program(
        string fileName,
        IEnumerable<string> args,
        TimeSpan? timeout = null,
        IReadOnlyDictionary<string, string?>? environment = null,
        bool clearEnvironment = false,
        string? workingDirectory = null) =>
        ProcessRunner.Run(fileName, args, environment, clearEnvironment, workingDirectory ?? Repo.Root, timeout: timeout);

    public static ProcessResult Bash(string script, params string[] args) =>
        Program("bash", [script, .. args]);

    public static bool IsRoot => Environment.UserName == "root";

    public static void RequireRoot()
    {
        if (!IsRoot)
        {
            Assert.Ignore("needs root (the scripts chown files); tests/run.sh runs as root or with sudo");
        }
    }
}

using WhistleSubmit.Deploy.Tests.Support;

namespace WhistleSubmit.Deploy.Tests.Tor;

/// <summary>
/// deploy/tor/torrc and Debian's service defaults, copied into a temporary tree with /var/lib/tor and /run/tor
/// rewritten to point inside it (and without "User debian-tor"), so tor can check and run them unprivileged paths.
/// </summary>
internal sealed class TorTree : IDisposable
{
    public const string DebianDefaults = "/usr/share/tor/tor-service-defaults-torrc";

    private readonly TempDirectory dir = new();

    public TorTree()
    {
        Directory.CreateDirectory(LibDir, Private);
        Directory.CreateDirectory(dir.Combine("run"), Private);
        File.WriteAllText(Torrc, Rewrite(File.ReadAllText(Path.Combine(Repo.Deploy, "tor", "torrc"))));
        var defaults = File.Exists(DebianDefaults) ? File.ReadAllLines(DebianDefaults) : [];
        File.WriteAllLines(Defaults, defaults.Where(l => !l.StartsWith("User ", StringComparison.Ordinal)).Select(Rewrite));
    }

    public static UnixFileMode Private => UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public string LibDir => dir.Combine("lib");

    public string Torrc => dir.Combine("torrc");

    public string Defaults => dir.Combine("defaults");

    public string ServiceDir(string name) => Path.Combine(LibDir, "whistlesubmit-" + name);

    public string[] BaseArgs => ["--defaults-torrc", Defaults, "-f", Torrc];

    public void Dispose() => dir.Dispose();

    private string Rewrite(string text) =>
        text.Replace("/var/lib/tor", LibDir, StringComparison.Ordinal)
            .Replace("/run/tor", dir.Combine("run"), StringComparison.Ordinal);
}

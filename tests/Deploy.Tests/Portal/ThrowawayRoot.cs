using WhistleSubmit.Deploy.Tests.Support;

namespace WhistleSubmit.Deploy.Tests.Portal;

/// <summary>
/// A container-less stand-in for a Debian server: a temp directory with copies of this machine's user database
/// (so install.sh's useradd --root has something to edit) and tor's state directory, to pass as --root.
/// </summary>
internal sealed class ThrowawayRoot : IDisposable
{
    private readonly TempDirectory dir = new();

    public ThrowawayRoot()
    {
        File.SetUnixFileMode(dir.Path, (UnixFileMode)Convert.ToInt32("755", 8));
        Directory.CreateDirectory(Combine("etc"));
        foreach (var db in new[] { "passwd", "group", "shadow", "gshadow" })
        {
            if (File.Exists("/etc/" + db))
            {
                File.Copy("/etc/" + db, Combine("etc", db));
            }
        }

        Directory.CreateDirectory(Combine("var", "lib", "tor"));
    }

    public string Path => dir.Path;

    public string Combine(params string[] parts) => System.IO.Path.Combine([dir.Path, .. parts]);

    /// <summary>Runs deploy/portal/install.sh into this root, offline and without systemd.</summary>
    public ProcessResult Install(string from, params string[] extra) =>
        Run.Bash(System.IO.Path.Combine(Repo.Deploy, "portal", "install.sh"),
            ["--root", Path, "--from", from, "--no-apt", "--no-services", .. extra]);

    /// <summary>uid and gid of a user in this root's passwd, or null.</summary>
    public (int Uid, int Gid)? User(string name)
    {
        var line = File.ReadAllLines(Combine("etc", "passwd")).FirstOrDefault(l => l.StartsWith(name + ":", StringComparison.Ordinal));
        if (line is null)
        {
            return null;
        }

        var fields = line.Split(':');
        return (int.Parse(fields[2], System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(fields[3], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Every path with type, mode, owner, size, modification time and content hash. Without directory times when
    /// asked: a script may create and remove a private scratch directory inside a parent, which changes only that.
    /// </summary>
    public string Snapshot(bool directoryTimes = true) =>
        Run.Program("bash", ["-c",
            "cd \"$1\" && { find . ! -type d -printf '%p %y %m %U:%G %s %T@\\n'; find . -type d -printf \"%p %y %m %U:%G $2\\n\"; } | LC_ALL=C sort && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum",
            "snapshot", Path, directoryTimes ? "%T@" : "-"]).StdOut;

    public void Dispose() => dir.Dispose();
}

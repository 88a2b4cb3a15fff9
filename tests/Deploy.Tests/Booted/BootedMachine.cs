using System.Diagnostics;
using System.Globalization;
using System.Text;
using WhistleSubmit.Deploy.Tests.Portal;
using WhistleSubmit.Deploy.Tests.Support;

namespace WhistleSubmit.Deploy.Tests.Booted;

/// <summary>
/// A copy of the cached Debian tree with the portal installed by install.sh --root, booted with systemd-nspawn -b
/// (its own systemd as PID 1, private network): the real unit, tor@default and journald, as on a server.
/// Commands run inside through nsenter into the container's namespaces; HTTP goes through <see cref="RelayStream"/>.
/// </summary>
internal sealed class BootedMachine : IDisposable
{
    private readonly TempDirectory dir = new();
    private readonly StringBuilder console = new();
    private Process? nspawn;

    private BootedMachine()
    {
    }

    public string Root => dir.Path;

    /// <summary>PID (in this machine's namespace) of the container's systemd.</summary>
    public int Leader { get; private set; }

    /// <summary>What the container printed on its console, for failure messages.</summary>
    public string Console
    {
        get
        {
            lock (console)
            {
                return console.ToString();
            }
        }
    }

    /// <summary>Copies the cached tree and installs the portal into it (packages already there, services enabled).</summary>
    public static BootedMachine Install(string publish)
    {
        var machine = new BootedMachine();
        try
        {
            File.SetUnixFileMode(machine.Root, (UnixFileMode)Convert.ToInt32("755", 8));
            var copy = Run.Program("cp", ["-a", "--reflink=auto", DebianTree.Path + "/.", machine.Root + "/"], TimeSpan.FromMinutes(5));
            Assert.That(copy.ExitCode, Is.Zero, copy.ToString());
            var install = Run.Bash(Path.Combine(Repo.Deploy, "portal", "install.sh"), "--root", machine.Root, "--from", publish);
            Assert.That(install.ExitCode, Is.Zero, install.ToString());
            return machine;
        }
        catch
        {
            machine.Dispose();
            throw;
        }
    }

    public string Combine(params string[] parts) => Path.Combine([dir.Path, .. parts]);

    /// <summary>uid and gid of a user of the tree.</summary>
    public (int Uid, int Gid) User(string name)
    {
        var fields = File.ReadAllLines(Combine("etc", "passwd")).Single(l => l.StartsWith(name + ":", StringComparison.Ordinal)).Split(':');
        return (int.Parse(fields[2], CultureInfo.InvariantCulture), int.Parse(fields[3], CultureInfo.InvariantCulture));
    }

    /// <summary>Boots the tree and returns once its systemd runs and answers.</summary>
    public void Boot(TimeSpan timeout)
    {
        var info = new ProcessStartInfo("/usr/bin/systemd-nspawn")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[] { "-D", Root, "-b", "--register=no", "--keep-unit", "--private-network", "--console=read-only" })
        {
            info.ArgumentList.Add(arg);
        }

        nspawn = Process.Start(info) ?? throw new InvalidOperationException("systemd-nspawn did not start");
        nspawn.OutputDataReceived += (_, e) => Append(e.Data);
        nspawn.ErrorDataReceived += (_, e) => Append(e.Data);
        nspawn.BeginOutputReadLine();
        nspawn.BeginErrorReadLine();

        var deadline = DateTime.UtcNow + timeout;
        while (Leader == 0 && DateTime.UtcNow < deadline && !nspawn.HasExited)
        {
            Leader = ChildOf(nspawn.Id);
            Thread.Sleep(200);
        }

        Assert.That(Leader, Is.Not.Zero, "the container did not start: " + Console);
        WaitFor(() => Exec("systemctl", "is-system-running").StdOut.Trim() is "running" or "degraded", deadline, "the container's systemd did not finish booting");
    }

    /// <summary>Runs a program inside the container (all its namespaces, as root).</summary>
    public ProcessResult Exec(params string[] command) =>
        Run.Program("/usr/bin/nsenter", ["-t", Leader.ToString(CultureInfo.InvariantCulture), "-a", "--", .. command], TimeSpan.FromMinutes(3));

    /// <summary>An HTTP client for a port on the container's loopback.</summary>
    public HttpClient Http(int port) => new(new SocketsHttpHandler
    {
        ConnectCallback = (_, _) => ValueTask.FromResult(RelayStream.Connect(Leader, port)),
        PooledConnectionLifetime = TimeSpan.FromSeconds(30),
    })
    {
        BaseAddress = new Uri($"http://127.0.0.1:{port}/"),
        Timeout = TimeSpan.FromMinutes(2),
    };

    /// <summary>Waits, checking <paramref name="condition"/> every half second, until it holds or the deadline passes.</summary>
    public void WaitFor(Func<bool> condition, DateTime deadline, string what)
    {
        while (!condition())
        {
            if (DateTime.UtcNow > deadline || nspawn is { HasExited: true })
            {
                Assert.Fail($"{what}; console:\n{Console}");
            }

            Thread.Sleep(500);
        }
    }

    public void Dispose()
    {
        if (nspawn is not null)
        {
            // SIGTERM asks the container's systemd to power off; a container that hangs is killed.
            if (!nspawn.HasExited)
            {
                _ = Run.Program("kill", ["-TERM", nspawn.Id.ToString(CultureInfo.InvariantCulture)]);
                if (!nspawn.WaitForExit(TimeSpan.FromSeconds(60)))
                {
                    nspawn.Kill(entireProcessTree: true);
                    nspawn.WaitForExit();
                }
            }

            nspawn.Dispose();
        }

        dir.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (console)
            {
                console.AppendLine(line);
            }
        }
    }

    private static int ChildOf(int parent)
    {
        foreach (string proc in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(proc), out int pid))
            {
                try
                {
                    // /proc/PID/stat: "pid (comm) state ppid …"; comm may hold spaces, so split after its ')'.
                    string stat = File.ReadAllText(Path.Combine(proc, "stat"));
                    string[] rest = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                    if (int.Parse(rest[1], CultureInfo.InvariantCulture) == parent)
                    {
                        return pid;
                    }
                }
                catch (IOException)
                {
                    // The process ended meanwhile.
                }
            }
        }

        return 0;
    }
}

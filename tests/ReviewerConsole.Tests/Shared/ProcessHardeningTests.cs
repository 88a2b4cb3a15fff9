using System.Diagnostics;
using System.Globalization;
using WhistleSubmit.ReviewerConsole.Tests.Support;

namespace WhistleSubmit.ReviewerConsole.Tests.Shared;

/// <summary>
/// Issue 14: a real console process, waiting at its passphrase prompt on a terminal, has a core size limit of 0 and is
/// not dumpable. The kernel shows "not dumpable" only one way to others: it makes the process's /proc files owned by
/// root. So when the tests run as root, the console runs as nobody (setpriv), or root's own files would prove nothing.
/// </summary>
[TestFixture]
public sealed class ProcessHardeningTests
{
    private const int Nobody = 65534;

    [Test]
    public void Console_WaitingAtThePrompt_HasNoCoreLimitAndIsNotDumpable()
    {
        if (!PtySession.IsAvailable || !File.Exists("/usr/bin/setpriv"))
        {
            Assert.Ignore("needs Linux with util-linux script and setpriv");
        }

        bool root = Environment.UserName == "root";
        // Not created: init asks for the passphrase before it makes the directory, and nobody can stat /tmp.
        string data = Path.Combine("/tmp", "whistle-hardening-" + Guid.NewGuid().ToString("N"));
        string dotnet = WhistleReview.DotnetHost.Contains('/', StringComparison.Ordinal) ? WhistleReview.DotnetHost : "/usr/bin/dotnet";
        string command = (root ? $"HOME=/tmp setpriv --reuid={Nobody} --regid={Nobody} --clear-groups " : string.Empty)
            + $"'{dotnet}' '{WhistleReview.DllPath}' init --data '{data}'";
        var start = new ProcessStartInfo("/usr/bin/script")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[] { "-qec", command, "/dev/null" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("WHISTLE_REVIEW_PASSPHRASE_FILE");
        start.Environment["TERM"] = "xterm";
        using Process terminal = Process.Start(start)!;
        try
        {
            var screen = new System.Text.StringBuilder();
            Task reader = Task.Run(() =>
            {
                int c;
                while ((c = terminal.StandardOutput.Read()) >= 0)
                {
                    lock (screen)
                    {
                        screen.Append((char)c);
                    }
                }
            });
            var clock = Stopwatch.StartNew();
            while (!Shown(screen).Contains("Enter passphrase:", StringComparison.Ordinal))
            {
                Assert.That(clock.Elapsed < TimeSpan.FromMinutes(1) && !reader.IsCompleted, Is.True, () => "no prompt; the terminal showed: " + Shown(screen));
                Thread.Sleep(50);
            }

            int pid = FindConsole(data);
            string limits = File.ReadAllText($"/proc/{pid}/limits");
            string uid = File.ReadLines($"/proc/{pid}/status").Single(l => l.StartsWith("Uid:", StringComparison.Ordinal)).Split('\t')[1];

            Assert.That(limits, Does.Match(@"Max core file size\s+0\s+0\s+bytes"));
            Assert.That(uid, Is.Not.EqualTo("0"), "the console must run as another user than root for the next check to mean anything");
            Assert.That(OwnerOf($"/proc/{pid}/status"), Is.Zero, "a non-dumpable process's /proc files belong to root");
        }
        finally
        {
            terminal.Kill(entireProcessTree: true);
            terminal.WaitForExit();
        }
    }

    [Test]
    public void Console_StartedWithDiagnosticsOn_RunsWithThemOffAndLeavesNoEndpointInTmp()
    {
        if (!PtySession.IsAvailable)
        {
            Assert.Ignore("needs Linux with util-linux script");
        }

        using var work = new WhistleSubmit.TestSupport.TempDirectory();
        string tmp = Directory.CreateDirectory(work.File("tmp")).FullName;
        string data = work.File("vault");
        using var session = PtySession.Start(work.Path, ["init", "--data", data],
            environment: new Dictionary<string, string> { ["TMPDIR"] = tmp, ["DOTNET_EnableDiagnostics"] = "1" });
        session.WaitFor("Enter passphrase:");
        int pid = FindConsole(data);

        Assert.That(Directory.EnumerateFileSystemEntries(tmp), Is.Empty, "no dotnet-diagnostic socket or debugger pipe");
        if (Environment.UserName == "root")
        {
            Assert.That(File.ReadAllText($"/proc/{pid}/environ").Split('\0'), Does.Contain("DOTNET_EnableDiagnostics=0"));
        }
    }

    private static string Shown(System.Text.StringBuilder screen)
    {
        lock (screen)
        {
            return screen.ToString();
        }
    }

    private static int FindConsole(string data)
    {
        foreach (string dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out int pid))
            {
                continue;
            }

            try
            {
                string[] argv = File.ReadAllText(Path.Combine(dir, "cmdline")).Split('\0');
                if (argv[0].EndsWith("dotnet", StringComparison.Ordinal) && argv.Contains(data))
                {
                    return pid;
                }
            }
            catch (IOException)
            {
                // A process that ended meanwhile.
            }
        }

        throw new InvalidOperationException("the console process showed its prompt but is not in /proc");
    }

    private static long OwnerOf(string path)
    {
        using Process stat = Process.Start(new ProcessStartInfo("/usr/bin/stat", ["-c", "%u", path]) { RedirectStandardOutput = true })!;
        string owner = stat.StandardOutput.ReadToEnd().Trim();
        stat.WaitForExit();
        return long.Parse(owner, CultureInfo.InvariantCulture);
    }
}

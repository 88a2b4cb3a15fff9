using System.Runtime.InteropServices;

namespace WhistleSubmit.ReviewerConsole.Shared;

/// <summary>
/// Keeps the console's memory off the disk (issue 14): no core file, and no ptrace or /proc/PID/mem read by other
/// processes of the same user. A crash or an out-of-memory kill on a hostile bundle would otherwise write decrypted
/// reports, the passphrase and private keys into a core file (or systemd-coredump's store). Fails closed: both calls
/// only lower the process's own limits, which Linux always allows, so a failure means an environment we do not
/// understand (a seccomp filter, another libc), and the console then refuses to touch the vault rather than run
/// with memory that may end up on disk.
/// </summary>
internal static partial class ProcessHardening
{
    // <sys/resource.h> and <linux/prctl.h>: the same numbers on x86-64 and arm64.
    private const int RlimitCore = 4;
    private const int PrSetDumpable = 4;

    /// <summary>Applies both settings on Linux; elsewhere does nothing (docs/CONSOLE.md#memory-and-core-dumps).</summary>
    public static void Apply()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        int failed;
        try
        {
            var none = new ResourceLimit(0, 0);
            failed = setrlimit(RlimitCore, in none) != 0 ? 1 : prctl(PrSetDumpable, 0, 0, 0, 0) != 0 ? 2 : 0;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            failed = 3;
        }

        if (failed != 0)
        {
            throw new CliException(
                failed switch
                {
                    1 => "could not turn off core dumps (setrlimit RLIMIT_CORE)",
                    2 => "could not make this process non-dumpable (prctl PR_SET_DUMPABLE)",
                    _ => "could not turn off core dumps: no glibc setrlimit/prctl",
                },
                "nothing was opened; the console refuses to hold keys in memory that a crash could write to disk");
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private readonly record struct ResourceLimit(nuint Current, nuint Maximum);

    [LibraryImport("libc.so.6", SetLastError = true)]
    private static partial int setrlimit(int resource, in ResourceLimit limit);

    [LibraryImport("libc.so.6", SetLastError = true)]
    private static partial int prctl(int option, nuint arg2, nuint arg3, nuint arg4, nuint arg5);
}

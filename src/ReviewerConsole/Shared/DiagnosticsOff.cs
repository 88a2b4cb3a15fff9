using System.Collections;
using System.Runtime.InteropServices;

namespace WhistleSubmit.ReviewerConsole.Shared;

/// <summary>
/// Makes sure the console runs with <c>DOTNET_EnableDiagnostics=0</c> (issue 14): no debugger pipes, no diagnostics
/// socket (through which dotnet-dump can copy the whole heap, keys included) and no files for them in $TMPDIR. The
/// runtime reads the variable only at start-up and has no runtimeconfig.json knob for it, so when it is missing the
/// console replaces itself (execve, same process id, same terminal and arguments) with the variable set, after
/// removing the endpoints the first start made. If execve fails the console runs on: the core-dump and dumpable
/// settings of <see cref="ProcessHardening"/> still keep other processes out of its memory.
/// </summary>
internal static partial class DiagnosticsOff
{
    public const string Variable = "DOTNET_EnableDiagnostics";

    /// <summary>Returns only if diagnostics are already off, on another system than Linux, or if execve failed.</summary>
    public static void Apply()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable(Variable) == "0")
        {
            return;
        }

        string[] argv;
        try
        {
            // Each argument ends with its own NUL: strip only the last one, or a trailing empty argument is lost.
            string cmdline = File.ReadAllText("/proc/self/cmdline");
            if (cmdline.Length == 0 || cmdline[^1] != '\0')
            {
                return;
            }

            argv = cmdline[..^1].Split('\0');
        }
        catch (IOException)
        {
            return;
        }

        var environment = Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .Where(e => (string)e.Key != Variable)
            .Select(e => $"{e.Key}={e.Value}")
            .Append(Variable + "=0")
            .ToArray();
        RemoveEndpoints(Environment.ProcessId);
        Exec("/proc/self/exe", argv, environment);
    }

    /// <summary>The runtime's own endpoints of this process id in $TMPDIR (the socket dotnet-trace attaches to, the debugger pipes).</summary>
    private static void RemoveEndpoints(int pid)
    {
        string temp = Path.GetTempPath();
        foreach (string pattern in new[] { $"dotnet-diagnostic-{pid}-*", $"clr-debug-pipe-{pid}-*" })
        {
            try
            {
                foreach (string file in Directory.EnumerateFiles(temp, pattern))
                {
                    File.Delete(file);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Not ours to remove, or already gone: the new image makes none.
            }
        }
    }

    private static void Exec(string path, string[] argv, string[] environment)
    {
        var allocated = new List<nint>();
        try
        {
            nint[] args = NullTerminated(argv, allocated);
            nint[] env = NullTerminated(environment, allocated);
            execve(path, args, env);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            // Another libc: run on.
        }
        finally
        {
            foreach (nint p in allocated)
            {
                Marshal.FreeCoTaskMem(p);
            }
        }
    }

    private static nint[] NullTerminated(string[] values, List<nint> allocated)
    {
        var pointers = new nint[values.Length + 1];
        for (int i = 0; i < values.Length; i++)
        {
            pointers[i] = Marshal.StringToCoTaskMemUTF8(values[i]);
            allocated.Add(pointers[i]);
        }

        return pointers;
    }

    [LibraryImport("libc.so.6", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int execve(string path, nint[] argv, nint[] envp);
}

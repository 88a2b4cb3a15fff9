using WhistleSubmit.ReviewerConsole.Shared;

namespace WhistleSubmit.ReviewerConsole;

internal static class Program
{
    private static int Main(string[] args)
    {
        // Before anything is read or decrypted; here and not in Cli.Run, so in-process callers keep their own settings.
        // First the runtime's diagnostics endpoints (a re-exec when they are on), then no core dumps.
        DiagnosticsOff.Apply();
        int hardened = ErrorReporter.Run(ProcessHardening.Apply);
        return hardened != ErrorReporter.Success ? hardened : Cli.Run(args);
    }
}

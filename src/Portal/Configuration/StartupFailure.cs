using System.Security.Cryptography;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;
using WhistleSubmit.EncryptedStore;

namespace WhistleSubmit.Portal.Configuration;

/// <summary>
/// Turns whatever stopped the server into age's style of report: one <c>whistle-portal: error:</c> line, one hint line,
/// and a non-zero exit code for the service manager, instead of an unhandled exception (a stack trace and SIGABRT).
/// Messages name paths and ports at most; the exception messages passed on are those of file-system, option and
/// store-key failures, which carry no request data.
/// </summary>
internal static class StartupFailure
{
    /// <summary>The server refused to start (PortalCommandLine's help lists it).</summary>
    public const int ExitCode = 2;

    /// <summary>Writes the report to <paramref name="error"/> and returns the exit code.</summary>
    public static int Report(Exception e, TextWriter error)
    {
        var (message, hint) = Describe(e);
        error.WriteLine($"whistle-portal: error: {message}");
        error.WriteLine($"whistle-portal: hint: {hint}");
        return ExitCode;
    }

    private static (string Message, string Hint) Describe(Exception e) => e switch
    {
        PortalStartupException p => (p.Message, p.Hint),
        StoreLockedException => ("the store is in use by another process.",
            "another portal or an admin command holds store/store.lock; stop it first."),
        IOException { InnerException: AddressInUseException } => ($"cannot listen: {Lower(e.Message)}",
            "another program, or another portal, listens on that port: stop it, or choose another with --port or --transfer-port."),
        UnauthorizedAccessException => ($"permission denied: {Lower(e.Message)}",
            "the data directory (--data) and everything in it must belong to the user the portal runs as (the service's: whistlesubmit)."),
        StoreKeyException or StoreCorruptException or CryptographicException => ($"the store does not open: {Lower(e.Message)}",
            "the store and its key (store/, dataprotection-keys/) must come from the same data directory; restore both from one backup (deploy/README.md)."),
        IOException => ($"cannot use the data directory: {Lower(e.Message)}",
            "the data directory (--data) must be writable by the portal and have free space; see the log above."),
        OptionsValidationException => ($"invalid settings: {Lower(e.Message)}", "correct the setting named, in appsettings.json or on the command line."),
        _ => ($"the portal stopped on an unexpected {e.GetType().Name}.", "the log above says where; please report it."),
    };

    private static string Lower(string message) =>
        message.Length > 1 && char.IsUpper(message[0]) && !char.IsUpper(message[1]) ? char.ToLowerInvariant(message[0]) + message[1..] : message;
}

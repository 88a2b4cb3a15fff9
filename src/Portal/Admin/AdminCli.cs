using System.Net.Sockets;
using Microsoft.AspNetCore.DataProtection;
using WhistleSubmit.Portal.Configuration;
using WhistleSubmit.Portal.Store;
using WhistleSubmit.EncryptedStore;

namespace WhistleSubmit.Portal.Admin;

/// <summary>
/// <c>whistle-portal &lt;verb&gt;</c>: recipients, export, import-replies, confirm, status, reviewer. Store verbs go to the running
/// server over admin.sock; only when no server answers does the verb open the store itself, under the same lock, so
/// there are never two writers.
/// </summary>
public static class AdminCli
{
    /// <summary>Runs one verb, parsed by <c>CommandLine.AdminVerbs</c>; <paramref name="data"/> is --data if given.</summary>
    public static int Run(string? data, string verb, IReadOnlyList<string> args)
    {
        var options = new PortalOptions
        {
            DataDirectory = data is { Length: > 0 } ? data
                : Environment.GetEnvironmentVariable("Portal__DataDirectory") is { Length: > 0 } env ? env : "data",
        };
        var response = verb == "recipients"
            ? RecipientsCommands.Run(options, args)
            : RunStoreVerb(options, new AdminRequest(verb, [.. args]));
        var output = response.ExitCode == 0 ? Console.Out : Console.Error;
        output.Write(response.Output);
        return response.ExitCode;
    }

    private static AdminResponse RunStoreVerb(PortalOptions options, AdminRequest request)
    {
        string socket = Path.Combine(options.DataDirectoryFullPath, AdminSocketServer.FileName);
        if (File.Exists(socket) && TrySocket(socket, request) is { } answered)
        {
            return answered with { Output = answered.Output + "whistle-portal: (done by the running portal)\n" };
        }

        if (!Directory.Exists(options.DataDirectoryFullPath))
        {
            return new AdminResponse(1, $"whistle-portal: error: no data directory at {options.DataDirectoryFullPath}\n");
        }

        try
        {
            var protection = DataProtectionProvider.Create(
                new DirectoryInfo(Path.Combine(options.DataDirectoryFullPath, "dataprotection-keys")),
                b => b.SetApplicationName("whistlesubmit-portal"));
            using var store = new PortalDatabase(options.DataDirectoryFullPath, protection, new StoreOptions(), TimeProvider.System);
            return StandaloneCommands.Create(store, options, TimeProvider.System).Execute(request);
        }
        catch (PortalStartupException e)
        {
            return new AdminResponse(1, $"whistle-portal: error: {e.Message}\nwhistle-portal: hint: {e.Hint}\n");
        }
        catch (StoreLockedException)
        {
            return new AdminResponse(1,
                "whistle-portal: error: the store is in use by another process, and no portal answers on admin.sock\n" +
                "whistle-portal: hint: wait for the other admin command to finish, or stop the process holding store/store.lock\n");
        }
    }

    private static AdminResponse? TrySocket(string path, AdminRequest request)
    {
        try
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            socket.Connect(new UnixDomainSocketEndPoint(path));
            using var stream = new NetworkStream(socket, ownsSocket: false);
            AdminFraming.WriteAsync(stream, request, AdminFraming.MaxRequestBytes, CancellationToken.None).GetAwaiter().GetResult();
            return AdminFraming.ReadAsync<AdminResponse>(stream, AdminFraming.MaxResponseBytes, CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (SocketException)
        {
            // A socket file left by a killed server: nobody listens, so the store lock is free (or held by a verb).
            return null;
        }
    }
}

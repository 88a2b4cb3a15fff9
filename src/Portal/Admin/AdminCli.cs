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
    private static readonly HashSet<string> Verbs = ["recipients", "export", "import-replies", "confirm", "status", "reviewer"];

    public static bool IsVerb(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    public static int Run(string[] args)
    {
        var rest = new List<string>(args[1..]);
        var options = new PortalOptions
        {
            DataDirectory = Environment.GetEnvironmentVariable("Portal__DataDirectory") is { Length: > 0 } env ? env : "data",
        };
        int data = rest.IndexOf("--data");
        if (data >= 0 && data + 1 < rest.Count)
        {
            options.DataDirectory = rest[data + 1];
            rest.RemoveRange(data, 2);
        }

        var response = args[0] == "recipients"
            ? RecipientsCommands.Run(options, rest)
            : RunStoreVerb(options, new AdminRequest(args[0], [.. rest.Select((a, i) => IsPath(args[0], rest, i) ? Path.GetFullPath(a) : a)]));
        var output = response.ExitCode == 0 ? Console.Out : Console.Error;
        output.Write(response.Output);
        return response.ExitCode;
    }

    // The server's working directory is not the operator's: file arguments travel as absolute paths.
    private static bool IsPath(string verb, List<string> args, int index) =>
        verb is "import-replies" or "confirm" || (verb == "export" && index > 0 && args[index - 1] == "--out");

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
            return StandaloneCommands.Create(store, TimeProvider.System).Execute(request);
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

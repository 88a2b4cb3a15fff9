using System.Net.Sockets;
using Microsoft.Extensions.Options;
using WhistleSubmit.Portal.Configuration;

namespace WhistleSubmit.Portal.Admin;

/// <summary>
/// Serves admin verbs on &lt;data&gt;/admin.sock (mode 0600, inside the 0700 data directory) while the server holds the
/// store's lock, so a verb never opens the store as a second writer. One request per connection, bounded both ways.
/// </summary>
public sealed partial class AdminSocketServer(AdminCommands commands, IOptions<PortalOptions> options, ILogger<AdminSocketServer> logger)
    : BackgroundService
{
    public const string FileName = "admin.sock";
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        string path = Path.Combine(options.Value.DataDirectoryFullPath, FileName);

        // A socket file left by a killed server: this process holds the store lock, so no live server owns it.
        File.Delete(path);
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(path));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        listener.Listen(4);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var connection = await listener.AcceptAsync(stoppingToken).ConfigureAwait(false);
                _ = Task.Run(() => ServeAsync(connection, stoppingToken), stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
        finally
        {
            File.Delete(path);
        }
    }

    private async Task ServeAsync(Socket connection, CancellationToken stoppingToken)
    {
        using (connection)
        await using (var stream = new NetworkStream(connection, ownsSocket: false))
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            timeout.CancelAfter(RequestTimeout);
            try
            {
                var request = await AdminFraming.ReadAsync<AdminRequest>(stream, AdminFraming.MaxRequestBytes, timeout.Token).ConfigureAwait(false);
                var response = request is { Verb: not null, Args: not null }
                    ? await Task.Run(() => commands.Execute(request), stoppingToken).ConfigureAwait(false)
                    : new AdminResponse(1, "whistle-portal: error: malformed admin request\n");
                if (response.Output.Length > AdminFraming.MaxResponseBytes / 4)
                {
                    response = response with { Output = response.Output[..(AdminFraming.MaxResponseBytes / 4)] };
                }

                await AdminFraming.WriteAsync(stream, response, AdminFraming.MaxResponseBytes, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or InvalidDataException or System.Text.Json.JsonException or OperationCanceledException)
            {
                LogBadRequest(logger, e.GetType().Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Admin socket request failed ({Type})")]
    private static partial void LogBadRequest(ILogger logger, string type);
}

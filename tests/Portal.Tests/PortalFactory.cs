using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using WhistleSubmit.Crypto.Replies;
using WhistleSubmit.Crypto.Signing;
using WhistleSubmit.Portal.Configuration;
using WhistleSubmit.Portal.Configuration.Team;
using WhistleSubmit.Portal.Features.Transfer.Listener;

namespace WhistleSubmit.Portal.Tests;

/// <summary>
/// The real portal on a real loopback socket (Kestrel, random port), with its own temporary data directory and a sink
/// that captures every log event. Production environment, so nothing development-only (such as the developer
/// exception page) is in the pipeline.
/// </summary>
internal sealed class PortalFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string> settings;

    public PortalFactory(IDictionary<string, string>? settings = null)
    {
        DataDirectory = Directory.CreateTempSubdirectory("whistle-portal-test-").FullName;
        this.settings = new Dictionary<string, string>(settings ?? new Dictionary<string, string>())
        {
            ["Portal:DataDirectory"] = DataDirectory,
            ["Portal:Port"] = "0",
            ["Portal:TransferPort"] = "0",

            // Argon2 at test cost, through the same options production reads (which refuses this in production mode).
            ["Portal:Transfer:Argon2MemoryKiB"] = "256",
            ["Portal:Transfer:Argon2Iterations"] = "1",
        };
        UseKestrel();
    }

    public string DataDirectory { get; }

    public CapturingSink Log { get; } = new();

    /// <summary>Starts the server and returns its source-side base address, e.g. http://127.0.0.1:41234/.</summary>
    public Uri Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        string transfer = TransferAddress.ToString();
        return new Uri(addresses.Addresses.Select(a => a.TrimEnd('/') + "/").Single(a => a != transfer));
    }

    /// <summary>The reviewers' transfer listener (after <see cref="Start"/>).</summary>
    public Uri TransferAddress => Services.GetRequiredService<TransferListener>().Address
        ?? throw new InvalidOperationException("The server has not started.");

    /// <summary>
    /// The demo team signing key this portal created in its data directory (after <see cref="Start"/>): what the
    /// reviewers' console would sign receipts, replies bundles and replies with. The caller disposes it.
    /// </summary>
    public TeamSigningKey TeamSigningKey() =>
        DemoTeamKey.LoadOrCreate(new PortalOptions { DataDirectory = DataDirectory }.DemoTeamKeyFile, TimeProvider.System);

    /// <summary>A version 2 reply's plaintext, signed with <see cref="TeamSigningKey"/>, as the console writes one.</summary>
    public byte[] SignedReply(string mailboxId, string text)
    {
        using TeamSigningKey team = TeamSigningKey();
        var reply = new SignedReply { MailboxId = mailboxId, Id = WhistleSubmit.Crypto.Bundles.BundleItem.NewId(), Day = "2026-12-07", Text = text };
        return reply.ToSignedDocument(team);
    }

    /// <summary>A client that neither follows redirects nor keeps cookies, so tests see exactly what the server sent.</summary>
    public HttpClient CreatePlainClient(Uri baseAddress) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false, AutomaticDecompression = DecompressionMethods.None })
        {
            BaseAddress = baseAddress,
        };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(Log));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}

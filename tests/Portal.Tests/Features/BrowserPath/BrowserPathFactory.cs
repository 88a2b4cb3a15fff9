using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace WhistleSubmit.Portal.Tests.Features.BrowserPath;

/// <summary>
/// The real portal on a loopback socket in demo mode (a demo reviewer identity in its own data directory) with
/// <see cref="FakeUploadApi"/> mounted, and an easy proof of work so tests do not wait on hashing.
/// </summary>
internal sealed class BrowserPathFactory : WebApplicationFactory<Program>
{
    public BrowserPathFactory()
    {
        DataDirectory = Directory.CreateTempSubdirectory("whistle-portal-browser-").FullName;
        UseKestrel();
    }

    public string DataDirectory { get; }

    public FakeUploadApi Api { get; } = new();

    public string DemoIdentityFile => Path.Combine(DataDirectory, "demo-reviewer-identity.txt");

    public Uri Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        return new Uri(addresses.Addresses.Single().TrimEnd('/') + "/");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Portal:DataDirectory", DataDirectory);
        builder.UseSetting("Portal:Port", "0");
        builder.UseSetting("Portal:ProofOfWork:BaseBits", "8");
        builder.UseSetting("Portal:ProofOfWork:MaxBits", "8");
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter>(Api));
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

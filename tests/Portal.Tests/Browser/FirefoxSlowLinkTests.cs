using Microsoft.Extensions.DependencyInjection;
using WhistleSubmit.Portal.Store;
using WhistleSubmit.Portal.Tests.Features.Submit;
using WhistleSubmit.Portal.Tests.Store;

namespace WhistleSubmit.Portal.Tests.Browser;

/// <summary>
/// A report from Tor Browser's engine over a Tor-like link (<see cref="TorLikeLink"/>: 1 MB/s, 300–800 ms round
/// trips, a connection cut in the middle of a chunk every 5 MB) that also goes down completely for 30 s in the middle
/// of the upload: the report arrives whole, and while the link is down the page says the connection dropped, how much
/// the server already holds, and that nothing is lost. The CI size is 9 MiB (three chunks); bench/browser.sh runs the
/// same with 50 MiB.
/// </summary>
[NonParallelizable]
public class FirefoxSlowLinkTests
{
    private static readonly int FileBytes = int.TryParse(Environment.GetEnvironmentVariable("WHISTLE_SLOW_LINK_MIB"), out int mib) ? mib << 20 : 9 << 20;
    private PortalFactory factory = null!;
    private Firefox firefox = null!;
    private TempDirectory files = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        factory = new PortalFactory(new Dictionary<string, string>
        {
            ["Portal:ProofOfWork:BaseBits"] = "8",
            ["Portal:ProofOfWork:MaxBits"] = "8",
        });
        files = new TempDirectory("whistle-slow-link-");
        firefox = await Firefox.LaunchAsync(TorSecurityLevel.Standard);
        await firefox.NewPageAsync();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (firefox is not null)
        {
            await firefox.DisposeAsync();
        }

        factory.Dispose();
        files?.Dispose();
    }

    [TearDown]
    public Task KeepScreenshot() => firefox.KeepScreenshotIfFailedAsync();

    [Test]
    public async Task Submit_LinkCutsAndGoesDownFor30Seconds_ArrivesWholeAndPageSaysWhatHappened()
    {
        Uri server = factory.Start();
        await using var link = new TorLikeLink(server, LinkShape.Tor(1_000_000, cutEveryUpstreamBytes: 5_000_000));
        byte[] evidence = new byte[FileBytes];
        new Random(16).NextBytes(evidence);
        string path = files.Write("evidence.bin", evidence);

        await firefox.GotoAsync(new Uri(link.Address, "/en/submit"));
        await firefox.TypeAsync("textarea[name='description']", "Sent over a bad link.");
        await firefox.SetFilesAsync("#files", path);
        await firefox.ClickAsync("#report-form button[type=submit]");
        // Once the first chunk is through, take the link down mid-upload (open connections are reset).
        await firefox.WaitForTextAsync(".js-progress [role=status]", "MiB", TimeSpan.FromMinutes(5));
        link.GoDown(TimeSpan.FromSeconds(30));
        string said = await firefox.WaitForTextAsync(".js-progress [role=status]", "The connection dropped", TimeSpan.FromSeconds(25));
        await firefox.WaitForAsync(".js-submitted, .js-error", TimeSpan.FromMinutes(8));

        Assert.That(await firefox.CountAsync(".js-error"), Is.Zero, await firefox.TextAsync("main"));
        Assert.That(said, Does.Match(@"The server already holds \d+\.\d of \d+\.\d MiB; nothing is lost\. Trying again in \d+ seconds"));
        Assert.That(link.Cuts, Is.GreaterThanOrEqualTo(2), "a chunk cut off mid-way, and the outage");
        string receipt = (await firefox.TextAsync(".js-submitted .receipt")).Trim();
        var store = factory.Services.GetRequiredService<PortalDatabase>();
        var (contents, received) = StoredSubmission.Open(store, receipt, factory.DataDirectory);
        Assert.That(contents.Report!.Description, Is.EqualTo("Sent over a bad link."));
        Assert.That(received.Single(), Is.EqualTo(evidence));
        Assert.That(store.Transfer().ListUnexported().Select(i => i.Id), Is.EqualTo(new[] { receipt }), "one report, stored once");
    }
}

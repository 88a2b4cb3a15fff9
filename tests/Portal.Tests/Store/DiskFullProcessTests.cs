using System.Net;
using System.Security.Cryptography;
using WhistleSubmit.Crypto.Bundles;
using WhistleSubmit.Portal.Tests.Admin;
using WhistleSubmit.Portal.Tests.Features.Upload;

namespace WhistleSubmit.Portal.Tests.Store;

/// <summary>
/// The real portal with its data directory on a small tmpfs that fills up (needs root, as on the CI machine): the
/// source gets a 503 "try again later", the operator a warning in status and an error line from export, nothing is
/// half-stored, and once space returns the same portal, not restarted, accepts and exports again.
/// </summary>
public class DiskFullProcessTests
{
    private const string Reserve = "--Portal:Store:MinFreeBytes=8388608";
    private string mountPoint = null!;

    [SetUp]
    public void Mount()
    {
        mountPoint = Directory.CreateTempSubdirectory("whistle-full-process-").FullName;
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root"
            || ProcessRunner.Run("mount", ["-t", "tmpfs", "-o", "size=64m", "tmpfs", mountPoint]).ExitCode != 0)
        {
            Directory.Delete(mountPoint);
            Assert.Ignore("Needs root on Linux to mount a small tmpfs.");
        }
    }

    [TearDown]
    public void Unmount()
    {
        if (Directory.Exists(mountPoint))
        {
            ProcessRunner.Run("umount", [mountPoint]);
            Directory.Delete(mountPoint, recursive: true);
        }
    }

    [Test]
    public async Task Upload_DiskFull_SourceTold503NothingHalfStoredAndRecoversWhenSpaceReturns()
    {
        string data = Path.Combine(mountPoint, "data");
        using var server = await PortalProcess.StartServerAsync(data, Reserve);
        using var http = new HttpClient { BaseAddress = server.Address };
        var api = new UploadApi(http);
        string before = await api.UploadAsync(await api.EncryptAsync(10_000));

        // Started while there was room, then the disk fills: the chunk cannot be stored.
        byte[] big = await api.EncryptAsync(6 << 20);
        string upload = await api.CreateOkAsync("submission", UploadApi.NewToken(), big.Length);
        string ballast = Path.Combine(mountPoint, "ballast");
        Fill(ballast, leaveBytes: 2 << 20);
        using var put = await api.PutChunkAsync(upload, 0, big.AsMemory(0, UploadApi.ChunkSize));
        using var create = await api.CreateAsync("submission", UploadApi.NewToken(), big.Length);
        var status = await PortalProcess.RunVerbAsync(data, "status");
        string outFile = Path.Combine(mountPoint, "full.wsbundle");

        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(await put.Content.ReadAsStringAsync(), Does.Contain("try again later"));
        Assert.That(create.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(status.Stdout, Does.Contain("submissions        1").And.Contain("free disk space is low"), status.Stderr);

        // Space returns: the same portal accepts the whole upload again, and everything exports.
        File.Delete(ballast);
        string after = await api.UploadAsync(big);
        var export = await PortalProcess.RunVerbAsync(data, "export", "--out", outFile);

        Assert.That(export.ExitCode, Is.Zero, export.Stderr);
        using var reader = BundleReader.Open(File.OpenRead(outFile));
        Assert.That(reader.Manifest.Items.Select(i => i.Id), Is.EquivalentTo(new[] { before, after }));
        Assert.That(reader.Manifest.Items.Single(i => i.Id == after).Sha256, Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(big))));
    }

    [Test]
    public async Task Export_DiskFull_ErrorLineNoPartialBundleAndItemsStillPending()
    {
        string data = Path.Combine(mountPoint, "data");
        using var server = await PortalProcess.StartServerAsync(data, Reserve);
        using var http = new HttpClient { BaseAddress = server.Address };
        var api = new UploadApi(http);
        string receipt = await api.UploadAsync(await api.EncryptAsync(3 << 20));
        string ballast = Path.Combine(mountPoint, "ballast");
        string outFile = Path.Combine(mountPoint, "out.wsbundle");
        Fill(ballast, leaveBytes: 1 << 20);

        var full = await PortalProcess.RunVerbAsync(data, "export", "--out", outFile);

        Assert.That(full.ExitCode, Is.Not.Zero);
        Assert.That(full.Stderr.Split('\n').Count(l => l.StartsWith("whistle-portal: error:", StringComparison.Ordinal)), Is.EqualTo(1), full.Stderr);
        Assert.That(full.Stderr, Does.Not.Contain("Unhandled exception"));
        Assert.That(outFile, Does.Not.Exist);
        Assert.That(Directory.GetFiles(mountPoint, "*.wsbundle*", SearchOption.TopDirectoryOnly), Is.Empty, "no partial bundle left");

        File.Delete(ballast);
        var export = await PortalProcess.RunVerbAsync(data, "export", "--out", outFile);

        Assert.That(export.ExitCode, Is.Zero, export.Stderr);
        using var reader = BundleReader.Open(File.OpenRead(outFile));
        Assert.That(reader.Manifest.Items.Select(i => i.Id), Is.EqualTo(new[] { receipt }));
    }

    // Fills the file system up to leaveBytes of free space.
    private void Fill(string path, long leaveBytes)
    {
        long free = new DriveInfo(mountPoint).AvailableFreeSpace;
        using var file = File.Create(path);
        byte[] block = new byte[1 << 20];
        for (long left = free - leaveBytes; left > 0; left -= block.Length)
        {
            file.Write(block, 0, (int)Math.Min(block.Length, left));
        }

        file.Flush(flushToDisk: true);
    }
}

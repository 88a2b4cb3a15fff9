using System.Security.Cryptography;
using WhistleSubmit.Crypto.Codenames;
using WhistleSubmit.Portal.Store;

namespace WhistleSubmit.Portal.Tests.Store;

/// <summary>
/// A real full disk: a small tmpfs (needs root, as on the CI machine; otherwise the tests are ignored and say so).
/// </summary>
public class PortalDatabaseDiskFullTests
{
    private string mountPoint = null!;

    [SetUp]
    public void Mount()
    {
        mountPoint = Directory.CreateTempSubdirectory("whistle-full-").FullName;
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root" || Run("mount", "-t", "tmpfs", "-o", "size=48m", "tmpfs", mountPoint) != 0)
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
            Run("umount", mountPoint);
            Directory.Delete(mountPoint, recursive: true);
        }
    }

    /// <summary>The portal's guard: refusing writes while free space is under the reserve keeps checkpoints off a full disk.</summary>
    [Test]
    public void StoreItem_FreeSpaceUnderReserve_FullExceptionAndEveryAcknowledgedItemIntact() =>
        FillThenCheck(new StoreOptions { MinFreeBytes = 16L << 20 }, expectDiskError: false);

    /// <summary>Without the reserve the write itself hits ENOSPC (here: inside the checkpoint LiteDB runs in Commit).</summary>
    [Test]
    public void StoreItem_DiskFillsWithoutReserve_EveryAcknowledgedItemIntact() =>
        FillThenCheck(new StoreOptions { MinFreeBytes = -(1L << 40) }, expectDiskError: true);

    private void FillThenCheck(StoreOptions options, bool expectDiskError)
    {
        string ballast = Path.Combine(mountPoint, "ballast");
        // Freed afterwards: reopening replays the log into the data file, which needs room for up to a checkpoint (8 MiB).
        File.WriteAllBytes(ballast, new byte[16 << 20]);
        var stored = new Dictionary<string, byte[]>();
        Exception? failure = null;
        using (var fixture = new StoreFixture(Path.Combine(mountPoint, "data"), options))
        {
            string mailbox = SourceKeys.MailboxIdFromToken(RandomNumberGenerator.GetBytes(32));
            for (int i = 0; i < 100 && failure is null; i++)
            {
                byte[] data = RandomNumberGenerator.GetBytes(1 << 20);
                try
                {
                    stored.Add(fixture.Store.StoreItem(ItemKind.Submission, mailbox, new MemoryStream(data), data.Length), data);
                }
                catch (PortalStoreFullException e)
                {
                    failure = e;
                }
            }

            Assert.That(failure, Is.Not.Null, "the disk never filled");
            Assert.That(failure!.InnerException is not null, Is.EqualTo(expectDiskError), "which check refused");
            Assert.That(stored, Is.Not.Empty);
        }

        // Room again; the store reopens from what is on disk and has every acknowledged item, byte for byte.
        File.Delete(ballast);
        using var reopened = new StoreFixture(Path.Combine(mountPoint, "data"), options);
        foreach (var (id, data) in stored)
        {
            using var stream = reopened.Store.Transfer().OpenCiphertext(id);
            var copy = new MemoryStream();
            stream.CopyTo(copy);
            Assert.That(copy.ToArray(), Is.EqualTo(data), id);
        }

        // The refused write may still be there: when ENOSPC strikes in the checkpoint LiteDB runs after the commit
        // record is in the log, the item is durable although the caller was told 503. A retry then duplicates it;
        // nothing acknowledged is ever lost.
        Assert.That(reopened.Store.Transfer().Status().Submissions, Is.InRange(stored.Count, stored.Count + 1));
        Assert.That(reopened.Store.Transfer().Status().PendingUploads, Is.Zero);
    }

    private static int Run(string file, params string[] args) => ProcessRunner.Run(file, args).ExitCode;
}

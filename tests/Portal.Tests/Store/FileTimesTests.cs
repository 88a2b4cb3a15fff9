using WhistleSubmit.Portal.Store;

namespace WhistleSubmit.Portal.Tests.Store;

/// <summary>Issue 14: the mtimes of store.log and spool/ gave the time of the last commit and no-JS attachment.</summary>
public class FileTimesTests
{
    [Test]
    public void StampDay_FilesAndDirectories_AllAtMidnightUtc()
    {
        var data = Directory.CreateTempSubdirectory("whistle-times-");
        try
        {
            Directory.CreateDirectory(Path.Combine(data.FullName, "spool"));
            File.WriteAllText(Path.Combine(data.FullName, "spool", "x"), "x");
            Directory.CreateDirectory(Path.Combine(data.FullName, "store"));
            File.WriteAllText(Path.Combine(data.FullName, "store", "store.log"), "x");
            var now = new DateTimeOffset(2026, 12, 7, 17, 3, 41, TimeSpan.Zero);

            int stamped = FileTimes.StampDay(data.FullName, now);

            var entries = Directory.EnumerateFileSystemEntries(data.FullName, "*", SearchOption.AllDirectories).Append(data.FullName).ToList();
            Assert.That(stamped, Is.EqualTo(5));
            foreach (string path in entries)
            {
                Assert.That(Directory.GetLastWriteTimeUtc(path), Is.EqualTo(new DateTime(2026, 12, 7, 0, 0, 0, DateTimeKind.Utc)), path);
            }
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    [Test]
    public void StampDay_TransferUploadBeingWritten_KeepsItsTimeSoTheSweepSparesIt()
    {
        var data = Directory.CreateTempSubdirectory("whistle-times-");
        try
        {
            string transfer = Directory.CreateDirectory(Path.Combine(data.FullName, "transfer")).FullName;
            string upload = Path.Combine(transfer, "upload-1.tmp");
            string bundle = Path.Combine(transfer, new string('a', 64) + ".wsbundle");
            File.WriteAllText(upload, "x");
            File.WriteAllText(bundle, "x");
            var written = File.GetLastWriteTimeUtc(upload);

            FileTimes.StampDay(data.FullName, DateTimeOffset.UtcNow);

            Assert.That(File.GetLastWriteTimeUtc(upload), Is.EqualTo(written));
            Assert.That(File.GetLastWriteTimeUtc(bundle).TimeOfDay, Is.EqualTo(TimeSpan.Zero));
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }
}

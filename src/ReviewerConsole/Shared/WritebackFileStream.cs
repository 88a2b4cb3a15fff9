using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using WhistleSubmit.Crypto.Streams;

namespace WhistleSubmit.ReviewerConsole.Shared;

/// <summary>
/// The temporary file behind <c>-o</c>, write-only: on Linux it asks the kernel to start writing every few MiB to disk
/// as soon as they are written (<c>sync_file_range</c>, which does not wait), so the disk works while we decrypt and
/// the fsync before the rename waits only for the tail instead of the whole file. Durability still comes from that
/// fsync alone (<see cref="FlushToDisk"/>).
/// </summary>
internal sealed partial class WritebackFileStream(FileStream file) : WriteOnlyStreamBase
{
    /// <summary>Large enough that the kernel gets big sequential writes, small next to any file worth waiting for.</summary>
    private const long Step = 8 * 1024 * 1024;

    private const uint SyncFileRangeWrite = 2;

    private readonly bool supported = OperatingSystem.IsLinux();
    private long written;
    private long started;

    public override bool CanWrite => file.CanWrite;

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        file.Write(buffer);
        Advance(buffer.Length);
    }

    public override void Flush() => file.Flush();

    /// <summary>fsync: everything written is on disk when this returns.</summary>
    public void FlushToDisk() => file.Flush(flushToDisk: true);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            file.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Advance(int count)
    {
        written += count;
        if (supported && written - started >= Step)
        {
            // Only what has reached the kernel can be written back: push out the file stream's small buffer first.
            file.Flush();

            // Advisory: where it fails (a file system without it) the final fsync simply does all the work.
            _ = sync_file_range(file.SafeFileHandle, started, written - started, SyncFileRangeWrite);
            started = written;
        }
    }

    [LibraryImport("libc.so.6", SetLastError = true)]
    private static partial int sync_file_range(SafeFileHandle fd, long offset, long nbytes, uint flags);
}

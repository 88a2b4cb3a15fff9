using System.Diagnostics;
using System.Runtime.InteropServices;

namespace WhistleSubmit.Bench.CrashBench;

/// <summary>
/// A data directory on its own ext4 file system in a loop-mounted image, and a power cut for it: the
/// EXT4_IOC_SHUTDOWN ioctl with EXT4_GOING_FLAGS_NOLOGFLUSH (xfstests' "godown") stops the file system at once,
/// discarding every dirty page and uncommitted journal transaction, so after a remount only what was synced (and
/// whatever writeback happened to reach the image before) survives: what a power failure leaves, which a process kill
/// cannot show (the page cache outlives the process). Needs root and loop devices.
/// </summary>
internal sealed partial class PowerCut : IDisposable
{
    private const uint Ext4IocShutdown = 0x8004587D; // _IOR('X', 125, __u32)
    private const uint GoingFlagsNoLogFlush = 2;

    private readonly string image;

    public PowerCut(string scratch, long bytes)
    {
        image = Path.Combine(scratch, "power-cut.img");
        MountPoint = Directory.CreateDirectory(Path.Combine(scratch, "mnt")).FullName;
        using (var file = File.Create(image))
        {
            file.SetLength(bytes);
        }

        Run("mkfs.ext4", "-q", "-F", image);
        Mount();
    }

    public string MountPoint { get; }

    /// <summary>Cuts the power to the file system (every later write fails and nothing unsynced reaches the image).</summary>
    public void Cut()
    {
        int fd = Open(MountPoint, 0);
        if (fd < 0)
        {
            throw new IOException($"open {MountPoint} failed ({Marshal.GetLastPInvokeError()})");
        }

        try
        {
            uint flags = GoingFlagsNoLogFlush;
            if (Ioctl(fd, Ext4IocShutdown, ref flags) != 0)
            {
                throw new IOException($"EXT4_IOC_SHUTDOWN failed ({Marshal.GetLastPInvokeError()})");
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    /// <summary>Unmounts the dead file system and mounts the image again (ext4 replays its journal).</summary>
    public void Restore()
    {
        for (int attempt = 0; ; attempt++)
        {
            var result = Run("umount", MountPoint, allowFailure: attempt < 50);
            if (result == 0)
            {
                break;
            }

            Thread.Sleep(100); // a killed process's files close asynchronously
        }

        Mount();
    }

    public void Dispose()
    {
        Run("umount", MountPoint, allowFailure: true);
        File.Delete(image);
    }

    private void Mount() => Run("mount", "-o", "loop", image, MountPoint);

    private static int Run(string program, params string[] args) => Run(program, args, allowFailure: false);

    private static int Run(string program, string arg, bool allowFailure) => Run(program, [arg], allowFailure);

    private static int Run(string program, string[] args, bool allowFailure)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0 && !allowFailure)
        {
            throw new IOException($"{program} {string.Join(' ', args)} failed: {error}");
        }

        return process.ExitCode;
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    private static partial int Ioctl(int fd, uint request, ref uint argument);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);
}

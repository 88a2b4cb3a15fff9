using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace WhistleSubmit.ReviewerConsole.Shared;

/// <summary>
/// Reads a secret line from /dev/tty with echo off, for when standard input carries data (as age does for
/// <c>age -d -i key.age &lt; file.age</c>). .NET's Console only reads standard input, hence termios via libc.
/// Linux only; elsewhere, or without a controlling terminal, <see cref="TryReadSecret"/> returns null.
/// </summary>
internal static partial class ControllingTerminal
{
    // Larger than struct termios on any Linux libc (60 bytes on glibc); only c_lflag is touched.
    private const int TermiosBufferSize = 256;

    // c_lflag is the fourth 32-bit tcflag_t of struct termios on Linux; ECHO is 0000010 (octal).
    private const int LocalFlagsOffset = 12;
    private const uint EchoFlag = 0x8;
    private const int SetNow = 0; // TCSANOW

    public static byte[]? TryReadSecret(string prompt)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        FileStream tty;
        try
        {
            tty = new FileStream("/dev/tty", FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite, bufferSize: 0);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null; // no controlling terminal (cron, CI, a detached service)
        }

        using (tty)
        {
            int fd = checked((int)tty.SafeFileHandle.DangerousGetHandle());
            byte[] saved = new byte[TermiosBufferSize];
            if (!TryGetAttributes(fd, saved))
            {
                return null;
            }

            byte[] silent = (byte[])saved.Clone();
            uint localFlags = MemoryMarshal.Read<uint>(silent.AsSpan(LocalFlagsOffset));
            MemoryMarshal.Write(silent.AsSpan(LocalFlagsOffset), localFlags & ~EchoFlag);

            // Ctrl-C while echo is off must not leave the reviewer's terminal silent.
            using PosixSignalRegistration onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => SetAttributes(fd, saved));
            using PosixSignalRegistration onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => SetAttributes(fd, saved));
            SetAttributes(fd, silent);
            try
            {
                // The prompt only once echo is off: whatever is typed as soon as it appears stays off the screen.
                tty.Write(Encoding.UTF8.GetBytes(prompt + " "));
                return ReadLine(tty);
            }
            finally
            {
                SetAttributes(fd, saved);
                tty.Write("\n"u8);
            }
        }
    }

    // The line's bytes (the caller zeroes them) without a trailing \r, read into one fixed buffer that is then
    // zeroed: never a string or a growing list, whose old copies nothing could reach to wipe. Longer lines are cut.
    private static byte[] ReadLine(FileStream tty)
    {
        byte[] line = new byte[4096];
        int length = 0;
        try
        {
            int b;
            while ((b = tty.ReadByte()) is not (-1 or '\n'))
            {
                if (length < line.Length)
                {
                    line[length++] = unchecked((byte)b);
                }
            }

            return line.AsSpan(0, length).TrimEnd((byte)'\r').ToArray();
        }
        finally
        {
            CryptographicOperations.ZeroMemory(line);
        }
    }

    private static bool TryGetAttributes(int fd, byte[] termios)
    {
        try
        {
            return tcgetattr(fd, termios) == 0;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false; // not glibc (e.g. musl): fall back to the caller's error and hint
        }
    }

    private static void SetAttributes(int fd, byte[] termios) => _ = tcsetattr(fd, SetNow, termios);

    [LibraryImport("libc.so.6", SetLastError = true)]
    private static partial int tcgetattr(int fd, [Out] byte[] termios);

    [LibraryImport("libc.so.6", SetLastError = true)]
    private static partial int tcsetattr(int fd, int optionalActions, [In] byte[] termios);
}

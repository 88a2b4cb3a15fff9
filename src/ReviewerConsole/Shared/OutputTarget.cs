using System.Runtime.InteropServices;
using WhistleSubmit.EncryptedStore;

namespace WhistleSubmit.ReviewerConsole.Shared;

/// <summary>
/// Where a verb writes its result: standard output, or (with -o) a temporary file in the destination's directory
/// that is renamed into place only by <see cref="Commit"/>. A failed or interrupted run therefore never leaves a
/// half-written (or half-decrypted) file under the requested name; the temporary file is deleted instead.
/// A link (such as /dev/stdout), a device, a FIFO or a socket is written through directly, as the age CLI does: a
/// rename over it would replace the link or node with a regular file holding the output.
/// </summary>
internal sealed class OutputTarget : IDisposable
{
    private readonly string? destination;
    private readonly string? temporaryPath;
    private readonly PosixSignalRegistration[] signalCleanups = [];
    private readonly bool ownsStream;
    private bool committed;

    private OutputTarget(Stream stream, string? destination, string? temporaryPath, bool ownsStream = false)
    {
        Stream = stream;
        this.ownsStream = ownsStream;
        this.destination = destination;
        this.temporaryPath = temporaryPath;
        if (temporaryPath is not null)
        {
            // Ctrl-C or a kill would otherwise leave the temporary file (possibly partial plaintext) behind.
            signalCleanups =
            [
                PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => DeleteTemporary()),
                PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => DeleteTemporary()),
                PosixSignalRegistration.Create(PosixSignal.SIGHUP, _ => DeleteTemporary()),
            ];
        }
    }

    public Stream Stream { get; }

    public static bool IsStandardOutput(string? path) => path is null or "-";

    /// <param name="path">The -o value; null or "-" means standard output.</param>
    /// <param name="ownerOnly">Create the file readable by its owner only (0600): keys and decrypted reports.</param>
    public static OutputTarget Open(string? path, bool ownerOnly)
    {
        if (IsStandardOutput(path))
        {
            return new OutputTarget(Console.OpenStandardOutput(), null, null);
        }

        if (SpecialFiles.IsSpecial(path!))
        {
            try
            {
                return new OutputTarget(SpecialFiles.OpenForWrite(path!, ownerOnly), null, null, ownsStream: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new CliException($"can't open \"{path}\" for writing: {Reason(ex)}", null, ex);
            }
        }

        string full = Path.GetFullPath(path!);
        string directory = Path.GetDirectoryName(full) ?? ".";
        string temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
        };
        if (ownerOnly && !OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            return new OutputTarget(new WritebackFileStream(new FileStream(temporary, options)), path, temporary);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"can't create output file \"{path}\": {Reason(ex)}", null, ex);
        }
    }

    /// <summary>Flushes and moves the result into place.</summary>
    /// <param name="overwrite">False for key files: an existing key must never be replaced silently.</param>
    public void Commit(bool overwrite = true)
    {
        Stream.Flush();
        if (temporaryPath is null)
        {
            committed = true;
            return;
        }

        // Durable before visible: the renamed file must not turn out empty after a crash.
        ((WritebackFileStream)Stream).FlushToDisk();
        Stream.Dispose();
        try
        {
            File.Move(temporaryPath, destination!, overwrite);
        }
        catch (IOException ex) when (!overwrite && File.Exists(destination))
        {
            throw new CliException($"output file \"{destination}\" already exists", "it was not changed; choose another name or remove it first", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"can't write output file \"{destination}\": {Reason(ex)}", null, ex);
        }

        committed = true;
    }

    public void Dispose()
    {
        foreach (PosixSignalRegistration registration in signalCleanups)
        {
            registration.Dispose();
        }

        if (temporaryPath is null)
        {
            // Standard output belongs to the process; only make sure nothing is left in our buffers.
            try
            {
                Stream.Flush();
                if (ownsStream)
                {
                    Stream.Dispose();
                }
            }
            catch (IOException)
            {
                // A closed pipe (e.g. `| head`) was already reported, or is irrelevant after an earlier error.
            }

            return;
        }

        if (!committed)
        {
            DeleteTemporary();
        }
    }

    private void DeleteTemporary()
    {
        try
        {
            Stream.Dispose();
        }
        catch (IOException)
        {
            // The data is being thrown away; a failing final flush doesn't matter.
        }

        try
        {
            File.Delete(temporaryPath!);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            ErrorReporter.Warning($"could not remove the temporary file \"{temporaryPath}\"; delete it by hand");
        }
    }

    private static string Reason(Exception ex) => ex switch
    {
        DirectoryNotFoundException => "the directory does not exist",
        UnauthorizedAccessException => "permission denied",
        _ => ex.Message,
    };
}

using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace WhistleSubmit.ReviewerConsole.Shared;

/// <summary>
/// Files that must appear all together or not at all (issue 14: an interrupted export must not leave plaintext
/// behind). Each is created under a random hidden name, <c>.whistle-review-KIND-&lt;32 hex&gt;.partial</c>, that
/// says nothing of its contents; renamed into place; and kept on the list until <see cref="Commit"/>. Until then,
/// disposing (any failure) or SIGINT, SIGTERM, SIGHUP or SIGQUIT deletes every file on the list, renamed or not.
/// A SIGKILL cannot be caught: <see cref="RemoveLeftovers"/> finds what such a run left, by name, on the next run.
/// One lock orders the signal handler against creating, renaming and committing, so no file escapes the list.
/// </summary>
internal sealed partial class UnfinishedFiles : IDisposable
{
    private const string Prefix = ".whistle-review-";
    private const string Suffix = ".partial";

    private readonly string kind;
    private readonly Lock gate = new();
    private readonly List<string> paths = [];
    private readonly List<PosixSignalRegistration> registrations = [];
    private bool closed;

    public UnfinishedFiles(string kind)
    {
        if (!KindPattern().IsMatch(kind))
        {
            throw new ArgumentException("A kind is lower-case letters.", nameof(kind));
        }

        this.kind = kind;
        if (!OperatingSystem.IsWindows())
        {
            foreach (PosixSignal signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP, PosixSignal.SIGQUIT })
            {
                registrations.Add(PosixSignalRegistration.Create(signal, OnSignal));
            }
        }
    }

    /// <summary>Creates a new file under a fresh random name in <paramref name="directory"/>, already on the list.</summary>
    public (string Path, FileStream Stream) Create(string directory, Func<string, FileStream> createNew)
    {
        string path = Path.Combine(directory, $"{Prefix}{kind}-{Guid.NewGuid():N}{Suffix}");
        lock (gate)
        {
            ThrowIfClosed();
            // Listed before it exists, created under the lock: a signal sees either no file or a listed one.
            paths.Add(path);
            return (path, createNew(path));
        }
    }

    /// <summary>Renames a listed file into place; the new name stays on the list until <see cref="Commit"/>.</summary>
    public void Rename(string temporary, string final, bool overwrite)
    {
        lock (gate)
        {
            ThrowIfClosed();
            File.Move(temporary, final, overwrite);
            paths[paths.IndexOf(temporary)] = final;
        }
    }

    /// <summary>Runs <paramref name="record"/> (e.g. the audit entry) and, if it succeeds, keeps every file.</summary>
    public void Commit(Action record)
    {
        lock (gate)
        {
            ThrowIfClosed();
            record();
            paths.Clear();
            closed = true;
        }
    }

    /// <summary>Deletes every file not committed, and stops listening for signals.</summary>
    public void Dispose()
    {
        registrations.ForEach(r => r.Dispose());
        registrations.Clear();
        lock (gate)
        {
            DeleteAll();
        }
    }

    /// <summary>
    /// Deletes the files an earlier run of this kind left in <paramref name="directory"/> (killed with SIGKILL, or by
    /// a power cut) and returns how many there were. Only names this class makes are touched.
    /// </summary>
    public static int RemoveLeftovers(string directory, string kind)
    {
        if (!Directory.Exists(directory))
        {
            return 0;
        }

        int removed = 0;
        foreach (string path in Directory.EnumerateFiles(directory, $"{Prefix}{kind}-*{Suffix}"))
        {
            string name = Path.GetFileName(path);
            string middle = name[(Prefix.Length + kind.Length + 1)..^Suffix.Length];
            if (middle.Length == 32 && middle.All(char.IsAsciiHexDigitLower) && new FileInfo(path).LinkTarget is null)
            {
                File.Delete(path);
                removed++;
            }
        }

        return removed;
    }

    // The signal is not cancelled: once the files are gone it ends the process as it would have without us.
    private void OnSignal(PosixSignalContext context)
    {
        lock (gate)
        {
            DeleteAll();
        }
    }

    private void DeleteAll()
    {
        foreach (string path in paths)
        {
            try
            {
                File.Delete(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Keep deleting the others; RemoveLeftovers or the reviewer sees what stays.
            }
        }

        paths.Clear();
        closed = true;
    }

    private void ThrowIfClosed()
    {
        if (closed)
        {
            throw new OperationCanceledException("The operation was interrupted or already finished.");
        }
    }

    [GeneratedRegex("^[a-z]+$", RegexOptions.CultureInvariant)]
    private static partial Regex KindPattern();
}

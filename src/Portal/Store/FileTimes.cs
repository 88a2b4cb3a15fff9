namespace WhistleSubmit.Portal.Store;

/// <summary>
/// Sets the access and modification times of everything in the data directory to 00:00 UTC of the current day, so that
/// the mtime of <c>store/store.log</c> or <c>spool/</c> no longer gives the time of the last commit or no-JS attachment
/// (issue 14). The change time (ctime) cannot be set from user space: touching every file moves it to the moment of
/// the touch, which <see cref="FileTimesService"/> repeats every sweep and at shutdown (SECURITY.md#what-a-seized-portal-reveals).
/// </summary>
public static class FileTimes
{
    // A socket and the lock a running portal holds are left alone: neither has contents, and the lock is in use.
    private static readonly string[] Skipped = ["admin.sock"];

    /// <summary>Returns how many entries were stamped; an entry that vanished or is busy is skipped until the next pass.</summary>
    public static int StampDay(string dataDirectory, DateTimeOffset now)
    {
        if (!Directory.Exists(dataDirectory))
        {
            return 0;
        }

        var day = now.UtcDateTime.Date;
        int stamped = 0;
        foreach (string path in Directory.EnumerateFileSystemEntries(dataDirectory, "*", SearchOption.AllDirectories).Append(dataDirectory))
        {
            if (Skipped.Contains(Path.GetFileName(path)) || InUseInTransfer(dataDirectory, path))
            {
                continue;
            }

            try
            {
                // Directory.SetLastWriteTimeUtc works for files and directories alike (both go through utimensat).
                Directory.SetLastAccessTimeUtc(path, day);
                Directory.SetLastWriteTimeUtc(path, day);
                stamped++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Removed meanwhile (a finished spool file, a compaction's old copy): nothing left to stamp.
            }
        }

        return stamped;
    }

    // The transfer pages' uploads and partial exports (transfer/*.tmp, *.partial) are judged stale by their mtime
    // (TransferBundles.Sweep removes those older than an hour): stamped to 00:00, one still being written would go.
    // They are the reviewers' short-lived files, not a source's; the prepared bundles (*.wsbundle) are stamped.
    private static bool InUseInTransfer(string dataDirectory, string path) =>
        string.Equals(Path.GetDirectoryName(path), Path.Combine(dataDirectory, "transfer"), StringComparison.Ordinal)
        && (path.EndsWith(".tmp", StringComparison.Ordinal) || path.EndsWith(".partial", StringComparison.Ordinal));
}

namespace WhistleSubmit.ReviewerConsole.Shared;

/// <summary>How much a verb moves between its input, the age streams and its output at a time.</summary>
internal static class CopyBuffer
{
    /// <summary>
    /// 4 MiB: several of the age streams' 1 MiB batches per write, so they can seal or open straight into our buffer
    /// (no extra copy) and there are few system calls; still a small, fixed amount of memory whatever the file size.
    /// </summary>
    public const int Size = 4 * 1024 * 1024;
}

namespace WhistleSubmit.ReviewerConsole.Shared;

/// <summary>How much a verb moves between its input, the age streams and its output at a time.</summary>
internal static class CopyBuffer
{
    /// <summary>
    /// 1 MiB: one batch of the age streams per read (decryption's CopyTo writes from the stream's own batches and
    /// ignores it), few system calls, and small enough to stay in a core's cache between the read and the copy.
    /// </summary>
    public const int Size = 1024 * 1024;
}
